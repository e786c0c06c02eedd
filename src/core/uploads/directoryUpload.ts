import path from 'node:path';
import { actorOf, requireAdmin } from '../admin/requireAdmin';
import type { ConversationContext } from '../conversation/context';
import type { CoreServices } from '../conversation/services';
import { parseStaffDirectory } from '../imports';
import type { UploadedFile } from './uploadedFile';
import type { DirectoryUploadView } from './views';

/** How many problem lines the reply lists; the count says how many more there were. */
export const PROBLEMS_SHOWN = 10;

const DEACTIVATE_WORDS = /\bdeactivate\s+missing\b/i;

const NO_SUMMARY = { created: 0, changed: 0, unchanged: 0, deactivated: 0 };

const ONLY_CSV =
  'I can only import the staff directory from a .csv file. In Excel, use "Save as" and choose "CSV UTF-8 (Comma delimited)", then send me that file.';

/**
 * An admin sent a file in a personal chat: the staff directory, validated exactly as the CLI does
 * (all or nothing) and imported. The words "deactivate missing" with the file also deactivate
 * directory people not in it; sending the same file again changes nothing, so a repeat is safe.
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

  const summary = await services.directoryImports.importDirectory(ctx.org.id, parsed.staff, { deactivateMissing });
  await services.audit.record(ctx.org.id, actor, 'staff.imported', {
    file: fileName,
    rows: parsed.staff.length,
    deactivateMissing,
    channel: ctx.speaker.channel,
    ...summary,
  });
  ctx.log.info({ file: fileName, rows: parsed.staff.length, deactivateMissing, ...summary }, 'imported the staff directory from chat');
  const view: DirectoryUploadView = {
    type: 'directoryUpload',
    fileName,
    outcome: 'imported',
    summary: { created: summary.created, changed: summary.changed, unchanged: summary.unchanged, deactivated: summary.deactivated },
    deactivateMissing,
    problems: [],
    problemCount: 0,
  };
  await ctx.reply(view);
}
