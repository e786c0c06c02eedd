import type { DirectoryUploadView, NotInFileView } from '../../../core/uploads/views';
import { actions, button, context, escape, fields, header, section, type KnownBlock } from './elements';

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

const KEPT = 'They stop getting anything from NextStep (reminders, broadcasts), but nothing is deleted: their plan and CPD record are kept, and a later file that lists them makes them active again.';

/** Who the file left out: the offer to deactivate them, or what was done. */
function notInFileBlocks(notInFile: NotInFileView | undefined): KnownBlock[] {
  if (!notInFile) return [];
  if (notInFile.deactivated !== undefined) {
    return [section(`${people(notInFile.deactivated)} not in this file ${notInFile.deactivated === 1 ? 'was' : 'were'} deactivated.`), context(KEPT)];
  }
  if (!notInFile.uploadId) return [];
  const n = notInFile.count;
  return [
    section(`*${people(n)} active in the directory ${n === 1 ? 'is' : 'are'} not in this file:* ${escape(notInFile.names)}. I've left them as they are.`),
    context(`If they have left, deactivate them. ${KEPT}`),
    ...actions(button(`Deactivate ${people(n)} not in this file`, { action: 'deactivateMissing', uploadId: notInFile.uploadId }, 'danger')),
  ];
}

/** Files are only read in Teams; Slack shows the outcome (and the same button) should such a view ever reach it. */
export function directoryUploadBlocks(view: DirectoryUploadView): KnownBlock[] {
  const name = context(escape(view.fileName));
  if (view.outcome === 'imported') {
    const s = view.summary;
    return [
      header('Staff directory imported'),
      name,
      ...fields([
        { label: 'New', value: String(s.created) },
        { label: 'Changed', value: String(s.changed) },
        { label: 'Unchanged', value: String(s.unchanged) },
        { label: 'Deactivated', value: String(s.deactivated) },
      ]),
      ...notInFileBlocks(view.notInFile),
    ];
  }
  const more = view.problemCount - view.problems.length;
  return [
    header('Nothing was imported'),
    name,
    section(`The file has ${view.problemCount} problem(s):\n${view.problems.map((line) => `• ${escape(line)}`).join('\n')}`),
    ...(more > 0 ? [context(`…and ${more} more.`)] : []),
  ];
}
