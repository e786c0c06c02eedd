import path from 'node:path';

/** The file formats admins can import. */
export type ImportFormat = 'csv' | 'yaml' | 'json';

/** What every import parser takes: the raw bytes of an uploaded/read file and its name (for the format). */
export interface ImportFileInput {
  bytes: Buffer;
  fileName: string;
}

/** Largest file accepted by default (5 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface DecodeOptions {
  /** Override the size limit (bytes). */
  maxBytes?: number;
}

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.csv': 'csv',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
};

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.numbers']);

/** Works out the format from the file name's extension (case-insensitive). */
export function detectFormat(fileName: string): { format: ImportFormat } | { problems: string[] } {
  const ext = path.extname(fileName).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format) return { format };
  const base = path.basename(fileName);
  if (SPREADSHEET_EXTENSIONS.has(ext)) {
    return {
      problems: [
        `cannot read "${base}": spreadsheet files are not supported; save it as "CSV UTF-8 (Comma delimited)" and import the .csv file`,
      ],
    };
  }
  return { problems: [`cannot tell the format of "${base}": the file name must end in .csv, .yaml, .yml or .json`] };
}

function saveAdvice(fileName: string): string {
  return path.extname(fileName).toLowerCase() === '.csv' ? 'save it as CSV UTF-8' : 'save it with UTF-8 encoding';
}

function formatSize(bytes: number): string {
  const scaled = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  if (bytes >= 1024 * 1024) return `${scaled(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${scaled(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Guesses a wide encoding from NUL bytes when there is no byte-order mark. */
function guessWideEncoding(bytes: Buffer): 'UTF-16' | 'UTF-32' | 'binary' | undefined {
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros += 1;
  if (zeros === 0) return undefined;
  const ratio = zeros / sample.length;
  if (ratio >= 0.6) return 'UTF-32';
  if (ratio >= 0.25) return 'UTF-16';
  return 'binary';
}

/** Offset of the first byte that is not valid UTF-8, or -1. Only used to point at the problem. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Turns the bytes of an import file into text. Accepts UTF-8 with or without a byte-order mark (which is
 * removed); refuses UTF-16/UTF-32, other encodings (e.g. Windows-1252), binary files, empty files and files
 * over the size limit, each with one plain-English problem.
 */
export function decodeImportFile(
  bytes: Buffer,
  fileName: string,
  options: DecodeOptions = {},
): { text: string } | { problems: string[] } {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const advice = saveAdvice(fileName);
  if (bytes.length > maxBytes) {
    return { problems: [`file is too large (${formatSize(bytes.length)}); the limit is ${formatSize(maxBytes)}`] };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { problems: [`file is not UTF-8 text (looks like UTF-32); ${advice}`] };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { problems: [`file is not UTF-8 text (looks like UTF-16); ${advice}`] };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      problems: [`file is not text (it looks like an Excel workbook or another zip file); save it as "CSV UTF-8 (Comma delimited)"`],
    };
  }
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  const wide = guessWideEncoding(body);
  if (wide === 'binary') return { problems: ['file is not text (it contains NUL bytes)'] };
  if (wide) return { problems: [`file is not UTF-8 text (looks like ${wide}); ${advice}`] };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8Offset(body);
    const where =
      offset >= 0
        ? `byte 0x${(body[offset] as number).toString(16).toUpperCase().padStart(2, '0')} on line ${lineOf(body, offset)} is not valid UTF-8; it may have been saved as Windows-1252/ANSI`
        : 'it contains bytes that are not valid UTF-8';
    return { problems: [`file is not UTF-8 text (${where}); ${advice}`] };
  }
  if (text.trim() === '') return { problems: ['file is empty'] };
  return { text };
}
