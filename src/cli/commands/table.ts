import { Option } from 'commander';
import { printLine } from '../output';

export type OutputFormat = 'table' | 'json';

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');
}

/** Plain aligned columns for people reading a terminal; `--format json` is for scripts. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  printLine(line(headers));
  printLine(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) printLine(line(row));
  if (rows.length === 0) printLine('(none)');
}
