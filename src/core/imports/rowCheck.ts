import { fieldLabel, type ImportRecord } from './tabular';

/** Collects the problems of one row/item, one per field at most, and lists them in field order. */
export interface RowCheck {
  /** Records "row N, <label>: <message>" (label defaults to the field as spelled in the file). */
  report(field: string, message: string, label?: string): void;
  /** Whether a problem was already reported for the field (so later checks can skip it). */
  isBad(field: string): boolean;
  /** The messages, ordered by `fieldOrder` and then by when they were reported. */
  problems(): string[];
}

export function createRowCheck(record: ImportRecord, fieldOrder: readonly string[]): RowCheck {
  const found: { field: string; message: string }[] = [];
  const bad = new Set<string>();
  const orderOf = (field: string): number => {
    const index = fieldOrder.indexOf(field);
    return index < 0 ? fieldOrder.length : index;
  };
  return {
    report(field, message, label) {
      bad.add(field);
      found.push({ field, message: `${record.location}, ${label ?? fieldLabel(record, field)}: ${message}` });
    },
    isBad: (field) => bad.has(field),
    problems: () =>
      found
        .map((entry, index) => ({ entry, index, order: orderOf(entry.field) }))
        .sort((a, b) => a.order - b.order || a.index - b.index)
        .map(({ entry }) => entry.message),
  };
}
