import path from 'node:path';
import { actorOf, requireAdmin } from '../admin/requireAdmin';
import type { ConversationContext } from '../conversation/context';
import type { CoreServices } from '../conversation/services';
import { parseStaffDirectory } from '../imports';
import { newUploadId } from './actionSchemas';
import type { DirectoryImportOutcome } from './ports';
import { namesLine } from './presenters';
import type { UploadedFile } from './uploadedFile';
import type { DirectoryUploadView, NotInFileView } from './views';

/** How many problem lines the reply lists; the count says how many more there were. */
export const PROBLEMS_SHOWN = 10;

/** How long the summary card's "deactivate" button works; after that the admin sends the current file again. */
export const UPLOAD_OFFER_DAYS = 7;

const DEACTIVATE_WORDS = /\bdeactivate\s+missing\b/i;

const NO_SUMMARY = { created: 0, changed: 0, unchanged: 0, deactivated: 0 };

const ONLY_CSV =
  'I can only import the staff directory from a .csv file. In Excel, use "Save as" and choose "CSV UTF-8 (Comma delimited)", then send me that file.';

/**
 * An admin sent a file in a personal chat: the staff directory, validated exactly as the CLI does
 * (all or nothing) and imported. The summary card counts the active directory people the file
 * leaves out and offers a button to deactivate them (deactivateMissing.ts); the words "deactivate
 * missing" sent with the file do it straight away. Sending the same file again changes nothing.
 */
export async function handleDirectoryUpload(
  ctx: ConversationContext,
  services: CoreServices,
  file: UploadedFile,
  text: string,
): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'importStaff'))) return;
  const fileName = path.basename(file.name);
  if (path.extname(fileName).toLowerCase() !== '.csv') {
    await ctx.reply({ type: 'text', text: ONLY_CSV });
    return;
  }
  const deactivateMissing = DEACTIVATE_WORDS.test(text);
  const bytes = await file.fetch();
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const parsed = parseStaffDirectory({ bytes, fileName }, catalogue.map);
  const actor = actorOf(ctx);

  if (!parsed.ok) {
    await services.audit.record(ctx.org.id, actor, 'staff.importRejected', { file: fileName, problems: parsed.problems.length, channel: ctx.speaker.channel });
    const view: DirectoryUploadView = {
      type: 'directoryUpload',
      fileName,
      outcome: 'rejected',
      summary: NO_SUMMARY,
      deactivateMissing,
      problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: parsed.problems.length,
    };
    await ctx.reply(view);
    return;
  }

  const outcome = await services.directoryImports.importDirectoryFile(ctx.org.id, parsed.staff, { deactivateMissing });
  const { summary } = outcome;
  const uploadId = await rememberUpload(ctx, services, fileName, outcome);
  await services.audit.record(ctx.org.id, actor, 'staff.imported', {
    file: fileName,
    rows: parsed.staff.length,
    deactivateMissing,
    notInFile: outcome.missing.length,
    uploadId,
    channel: ctx.speaker.channel,
    ...summary,
  });
  ctx.log.info({ file: fileName, rows: parsed.staff.length, deactivateMissing, notInFile: outcome.missing.length, ...summary }, 'imported the staff directory from chat');
  const notInFile: NotInFileView | undefined =
    outcome.missing.length > 0 ? { count: outcome.missing.length, names: namesLine(outcome.missing), uploadId } : undefined;
  const view: DirectoryUploadView = {
    type: 'directoryUpload',
    fileName,
    outcome: 'imported',
    summary: { created: summary.created, changed: summary.changed, unchanged: summary.unchanged, deactivated: summary.deactivated },
    deactivateMissing,
    ...(notInFile ? { notInFile } : {}),
    problems: [],
    problemCount: 0,
  };
  await ctx.reply(view);
}

/**
 * Keeps what the card's button needs (who the file left out, and the directory it was offered on)
 * under a new upload id; every import is kept, so a button on an older card can tell a newer file
 * was imported since. Expired uploads of the organisation are forgotten here.
 */
async function rememberUpload(ctx: ConversationContext, services: CoreServices, fileName: string, outcome: DirectoryImportOutcome): Promise<string> {
  const uploadId = newUploadId();
  await services.directoryUploads.pruneExpired(ctx.org.id, ctx.now);
  await services.directoryUploads.save({
    orgId: ctx.org.id,
    uploadId,
    fileName,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + UPLOAD_OFFER_DAYS * 24 * 60 * 60 * 1000),
    summary: outcome.summary,
    missing: outcome.missing.map((person) => person.email),
    fingerprint: outcome.fingerprint,
  });
  return uploadId;
}
