import { CsvError, parse } from 'csv-parse/sync';

import { describeType, listValues } from './problems';
import { decodeImportFile, detectFormat, type DecodeOptions, type ImportFileInput, type ImportFormat } from './readText';
import { parseStructuredText } from './structured';

/**
 * One row (CSV) or item (YAML/JSON) of an import file, with where it came from.
 *
 * Field names are matched case-insensitively, ignoring spaces, `_`, `-` and `.`, so a `managerEmail` field can be
 * written `managerEmail`, `manageremail`, `manager_email`, `Manager Email` or `manager-email`.
 */
export interface ImportRecord {
  /** Row number (CSV, header = 1) or item number (YAML/JSON, 1-based); used to keep problems in file order. */
  position: number;
  /** "row N" for CSV (the header is row 1, so the first data row is row 2), "item N" (1-based) for YAML/JSON. */
  location: string;
  /** Raw values keyed by canonical field name. Blank CSV cells, empty strings and nulls are left out. */
  values: Partial<Record<string, unknown>>;
  /** How each present field was spelled in the file, keyed by canonical name (for messages). */
  labels: Partial<Record<string, string>>;
}

export interface RecordSpec {
  /** Canonical names of the fields every record must have. In a CSV these columns must be in the header. */
  required: readonly string[];
  /** Canonical names of optional fields. Any other column/key is ignored. */
  optional: readonly string[];
  /** Key of the list when a YAML/JSON file is an object rather than a list, e.g. "opportunities". */
  collection: string;
}

/** A problem about one row/item, with its position so problems can be listed in file order. */
export interface PositionedProblem {
  position: number;
  message: string;
}

/**
 * `ok: false` — the file cannot be read at all (syntax error, missing column, no rows…).
 * `ok: true` — the readable records, plus problems about individual rows/items that could not be read (ragged CSV
 * rows, YAML/JSON items that are not objects); those rows are left out of `records`.
 */
export type ReadRecordsResult =
  | { ok: true; records: ImportRecord[]; problems: PositionedProblem[] }
  | { ok: false; problems: string[] };

/** Sorts problems by position (stable, so problems of one row keep their order) and returns their messages. */
export function inFileOrder(problems: readonly PositionedProblem[]): string[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.position - b.problem.position || a.index - b.index)
    .map(({ problem }) => problem.message);
}

/** Lower-cases and removes spaces, `_`, `-` and `.` so header spellings compare equal. */
export function normaliseFieldName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_.-]+/g, '');
}

/** The label to use for a field in messages: as spelled in the file, else its canonical name. */
export function fieldLabel(record: ImportRecord, field: string): string {
  return record.labels[field] ?? field;
}

function canonicalByKey(spec: RecordSpec): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of [...spec.required, ...spec.optional]) map.set(normaliseFieldName(field), field);
  return map;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describeCsvError(error: CsvError): string {
  const lines = (error as CsvError & { lines?: number }).lines;
  const at = typeof lines === 'number' ? `line ${lines}: ` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'the CSV is malformed: a value starting with a quote (") is never closed; look for a stray quote character';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${at}the CSV is malformed: text follows a closing quote; put the whole value in quotes and double any quote inside it ("")`;
    default:
      return `${at}the CSV is malformed: ${error.message}`;
  }
}

function readCsv(text: string, spec: RecordSpec): ReadRecordsResult {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      trim: true,
      relax_quotes: true,
      // Column counts are checked below so that every ragged row is reported, not just the first.
      relax_column_count: true,
      // Blank lines are skipped below rather than by the parser, so row numbers match the spreadsheet.
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [describeCsvError(error)] };
    throw error;
  }

  const blankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
  const headerIndex = rows.findIndex((row) => !blankRow(row));
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) return { ok: false, problems: ['file is empty'] };

  const canonical = canonicalByKey(spec);
  const columns = new Map<string, { index: number; label: string }>();
  const problems: string[] = [];
  header.forEach((cell, index) => {
    const field = canonical.get(normaliseFieldName(cell));
    if (!field) return; // extra columns are ignored
    const existing = columns.get(field);
    if (existing) {
      problems.push(`duplicate column: ${field} (columns ${existing.index + 1} and ${index + 1})`);
      return;
    }
    columns.set(field, { index, label: cell.trim() });
  });
  for (const field of spec.required) {
    if (!columns.has(field)) problems.push(`missing column: ${field}`);
  }
  if (problems.length > 0) {
    if (header.length === 1 && (header[0] ?? '').includes(';')) {
      problems.push('the columns seem to be separated by ";" — save the file as "CSV UTF-8 (Comma delimited)"');
    } else if (header.length === 1 && (header[0] ?? '').includes('\t')) {
      problems.push('the columns seem to be separated by tabs — save the file as "CSV UTF-8 (Comma delimited)"');
    }
    return { ok: false, problems };
  }

  const records: ImportRecord[] = [];
  const rowProblems: PositionedProblem[] = [];
  let dataRows = 0;
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index] as string[];
    if (blankRow(row)) continue;
    dataRows += 1;
    const rowNumber = index + 1;
    if (row.length !== header.length) {
      rowProblems.push({ position: rowNumber, message: `row ${rowNumber} has ${row.length} columns, header has ${header.length}` });
      continue;
    }
    const values: Partial<Record<string, unknown>> = {};
    const labels: Partial<Record<string, string>> = {};
    for (const [field, column] of columns) {
      labels[field] = column.label;
      const cell = (row[column.index] ?? '').trim();
      if (cell !== '') values[field] = cell;
    }
    records.push({ position: rowNumber, location: `row ${rowNumber}`, values, labels });
  }
  if (dataRows === 0) return { ok: false, problems: ['no rows: the file has a header row but no data rows'] };
  return { ok: true, records, problems: rowProblems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Turns a parsed YAML/JSON document into records (a top-level list, or an object holding `spec.collection`). */
export function recordsFromDocument(document: unknown, spec: RecordSpec): ReadRecordsResult {
  const expected = `expected a list of ${spec.collection}: either a list at the top level, or an object with a list under "${spec.collection}"`;
  let items: unknown[];
  if (document === null || document === undefined) return { ok: false, problems: ['file is empty'] };
  if (Array.isArray(document)) {
    items = document;
  } else if (isPlainObject(document)) {
    const key = Object.keys(document).find((name) => normaliseFieldName(name) === normaliseFieldName(spec.collection));
    const list = key === undefined ? undefined : document[key];
    if (key === undefined) return { ok: false, problems: [`${expected} (found fields: ${listValues(Object.keys(document), 10) || 'none'})`] };
    if (!Array.isArray(list)) return { ok: false, problems: [`"${key}" must be a list (got ${describeType(list)})`] };
    items = list;
  } else {
    return { ok: false, problems: [`${expected} (got ${describeType(document)})`] };
  }
  if (items.length === 0) return { ok: false, problems: ['no items: the list is empty'] };

  const canonical = canonicalByKey(spec);
  const problems: PositionedProblem[] = [];
  const records: ImportRecord[] = [];
  items.forEach((item, index) => {
    const position = index + 1;
    const location = `item ${position}`;
    if (!isPlainObject(item)) {
      problems.push({
        position,
        message: `${location}: expected a set of fields (such as ${spec.required.slice(0, 2).join(', ')}), got ${describeType(item)}`,
      });
      return;
    }
    const values: Partial<Record<string, unknown>> = {};
    const labels: Partial<Record<string, string>> = {};
    let clash = false;
    for (const [key, value] of Object.entries(item)) {
      const field = canonical.get(normaliseFieldName(key));
      if (!field) continue; // unknown keys are ignored, like extra CSV columns
      const previous = labels[field];
      if (previous !== undefined) {
        problems.push({ position, message: `${location}, ${key}: the same field is also given as "${previous}"; keep only one` });
        clash = true;
        continue;
      }
      labels[field] = key;
      if (!isBlank(value)) values[field] = value;
    }
    if (!clash) records.push({ position, location, values, labels });
  });
  return { ok: true, records, problems };
}

/**
 * Reads the records of a decoded import file. File-level problems (missing CSV columns, syntax errors, no rows) give
 * `ok: false`; unreadable rows/items are reported alongside the readable records. Field values are not validated here.
 */
export function readRecords(text: string, format: ImportFormat, spec: RecordSpec): ReadRecordsResult {
  if (format === 'csv') return readCsv(text, spec);
  const parsed = parseStructuredText(text, format);
  if (!parsed.ok) return parsed;
  return recordsFromDocument(parsed.value, spec);
}

/** Detects the format, decodes the bytes and reads the records of an import file. */
export function readImportFile(input: ImportFileInput, spec: RecordSpec, options: DecodeOptions = {}): ReadRecordsResult {
  const detected = detectFormat(input.fileName);
  if ('problems' in detected) return { ok: false, problems: detected.problems };
  const decoded = decodeImportFile(input.bytes, input.fileName, options);
  if ('problems' in decoded) return { ok: false, problems: decoded.problems };
  return readRecords(decoded.text, detected.format, spec);
}
