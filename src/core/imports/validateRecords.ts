import { capProblems } from './problems';
import type { DecodeOptions, ImportFileInput } from './readText';
import { inFileOrder, readImportFile, type ImportRecord, type PositionedProblem, type RecordSpec } from './tabular';

export type RecordCheck<T> = (record: ImportRecord, seen: Map<string, string>) => { problems: string[]; value?: T };

/**
 * Reads a file and checks every record, collecting all problems in file order. Returns values only
 * when every record is valid, so an import is all-or-nothing. `seen` lets a check spot duplicates.
 */
export function validateRecords<T>(
  input: ImportFileInput,
  spec: RecordSpec,
  options: DecodeOptions,
  check: RecordCheck<T>,
): { ok: true; values: T[] } | { ok: false; problems: string[] } {
  const read = readImportFile(input, spec, options);
  if (!read.ok) return { ok: false, problems: capProblems(read.problems) };

  const problems: PositionedProblem[] = [...read.problems];
  const values: T[] = [];
  const seen = new Map<string, string>();
  for (const record of read.records) {
    const result = check(record, seen);
    for (const message of result.problems) problems.push({ position: record.position, message });
    if (result.value !== undefined) values.push(result.value);
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(inFileOrder(problems)) };
  return { ok: true, values };
}
