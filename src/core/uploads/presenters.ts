import type { DirectoryUploadRecord, MissingPerson } from './ports';
import type { DirectoryUploadView } from './views';

/** How many of the people a file leaves out the card names; the rest are counted. */
export const NAMES_SHOWN = 3;

/** "Sam Lee, Kim Park and Ali Khan", or "Sam Lee, Kim Park, Ali Khan and 4 others". */
export function namesLine(people: readonly MissingPerson[], shown = NAMES_SHOWN): string {
  const names = [...people]
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email))
    .map((person) => person.name || person.email);
  const rest = names.length - shown;
  if (rest > 0) return `${names.slice(0, shown).join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The summary card of an imported file, redrawn from its stored record once the button was used. */
export function deactivatedSummaryView(upload: DirectoryUploadRecord, deactivated: number): DirectoryUploadView {
  return {
    type: 'directoryUpload',
    fileName: upload.fileName,
    outcome: 'imported',
    summary: { ...upload.summary, deactivated: upload.summary.deactivated + deactivated },
    deactivateMissing: false,
    notInFile: { count: upload.missing.length, names: '', deactivated },
    problems: [],
    problemCount: 0,
  };
}
