import type { DirectoryUploadView } from '../../../core/uploads/views';
import { context, escape, fields, header, section, type KnownBlock } from './elements';

/** Files are only read in Teams; Slack shows the outcome should such a view ever reach it. */
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
