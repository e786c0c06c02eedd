import { actorOf, requireAdmin } from '../admin/requireAdmin';
import type { ConversationContext } from '../conversation/context';
import type { ActionHandler } from '../conversation/handler';
import type { CoreServices } from '../conversation/services';
import type { DirectoryUploadRecord } from './ports';
import { deactivatedSummaryView } from './presenters';

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

const SEND_AGAIN = 'If they have left, send me the current staff file and use the button on its summary.';

type Refusal = 'unknown' | 'expired' | 'newer-import' | 'directory-changed';

/** Why a press is refused, in words for the admin (given the file's name). */
const REFUSALS: Record<Refusal, (fileName: string) => string> = {
  unknown: () => `I can't find that staff file any more, so I haven't deactivated anyone. ${SEND_AGAIN}`,
  expired: (fileName) => `The summary of "${fileName}" is more than a week old, so I haven't deactivated anyone from it. ${SEND_AGAIN}`,
  'newer-import': (fileName) =>
    `A newer staff file has been imported since "${fileName}", so I haven't deactivated anyone from this older one: the people it left out may have changed. Use the button on the newest summary instead.`,
  'directory-changed': (fileName) =>
    `The directory has changed since "${fileName}" was imported (people have joined or left it since), so I haven't deactivated anyone rather than guess who is still missing. ${SEND_AGAIN}`,
};

async function refuse(ctx: ConversationContext, services: CoreServices, uploadId: string, reason: Refusal, fileName = ''): Promise<void> {
  await services.audit.record(ctx.org.id, actorOf(ctx), 'staff.deactivateMissingRefused', { uploadId, reason, channel: ctx.speaker.channel });
  ctx.log.info({ uploadId, reason }, 'refused to deactivate the people missing from a staff file');
  await ctx.reply({ type: 'text', text: REFUSALS[reason](fileName) });
}

async function alreadyDone(ctx: ConversationContext, upload: DirectoryUploadRecord): Promise<void> {
  if (upload.deactivated) {
    await ctx.reply(deactivatedSummaryView(upload, upload.deactivated.count), { replaceCard: true });
    const { count } = upload.deactivated;
    await ctx.reply({ type: 'text', text: `That's already done: ${people(count)} not in "${upload.fileName}" ${count === 1 ? 'was' : 'were'} deactivated. Nothing more changed.` });
    return;
  }
  await ctx.reply({ type: 'text', text: `That's already being done for "${upload.fileName}" (another press got there first). Nothing more changed.` });
}

/**
 * "Deactivate N people not in this file" on a directory upload's summary card. The speaker must be
 * an admin of the organisation; the people are exactly those that file left out, from the server's
 * record of it (the button carries the upload id only); a newer import or any change to who is in
 * the directory since refuses rather than guesses; a unique-insert claim makes it happen once,
 * however many presses or admins. Leavers stop receiving messages; their data is kept.
 */
export const deactivateMissingFromCard: ActionHandler<'deactivateMissing'> = async (ctx, services, { uploadId }) => {
  const admin = await requireAdmin(ctx, services, 'deactivateMissing');
  if (!admin) return;
  const uploads = services.directoryUploads;
  const orgId = ctx.org.id;
  const upload = await uploads.find(orgId, uploadId);
  if (!upload) return refuse(ctx, services, uploadId, 'unknown');
  if (upload.deactivated) return alreadyDone(ctx, upload);
  if (upload.expiresAt.getTime() <= ctx.now.getTime()) return refuse(ctx, services, uploadId, 'expired', upload.fileName);
  if (await uploads.hasNewerThan(orgId, upload.createdAt)) return refuse(ctx, services, uploadId, 'newer-import', upload.fileName);
  const settled = async () => alreadyDone(ctx, (await uploads.find(orgId, uploadId)) ?? upload);
  if ((await services.directoryImports.directoryFingerprint(orgId)) !== upload.fingerprint) {
    // A press that got there first changes who is active too: that is "already done", not a changed directory.
    if (await uploads.deactivationClaimed(orgId, uploadId)) return settled();
    return refuse(ctx, services, uploadId, 'directory-changed', upload.fileName);
  }
  if (!(await uploads.claimDeactivation(orgId, uploadId, ctx.now))) return settled();

  let deactivated: number;
  try {
    deactivated = await services.directoryImports.deactivateLeavers(orgId, upload.missing, ctx.now);
    await uploads.recordDeactivated(orgId, uploadId, deactivated, ctx.now);
  } catch (error) {
    await uploads.releaseDeactivation(orgId, uploadId);
    throw error;
  }
  await services.audit.record(orgId, admin.email, 'staff.deactivatedMissing', {
    uploadId,
    file: upload.fileName,
    notInFile: upload.missing.length,
    deactivated,
    channel: ctx.speaker.channel,
  });
  ctx.log.info({ uploadId, notInFile: upload.missing.length, deactivated }, 'deactivated the people missing from a staff file');
  await ctx.reply(deactivatedSummaryView(upload, deactivated), { replaceCard: true });
};
