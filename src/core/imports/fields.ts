import { describeType, quote } from './problems';

/** The value of one field after reading, or what is wrong with it (a message without row or field name). */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = <T>(problem: string): FieldResult<T> => ({ ok: false, problem });

/** Text: strings are trimmed; numbers (YAML `title: 2025`) and dates are turned into text; anything else is refused. */
export function asText(value: unknown): FieldResult<string> {
  if (typeof value === 'string') return ok(value.trim());
  if (typeof value === 'number' || typeof value === 'bigint') return ok(String(value));
  if (value instanceof Date && !Number.isNaN(value.getTime())) return ok(value.toISOString().slice(0, 10));
  return bad(`must be text (got ${describeType(value)})`);
}

/**
 * A list of ids or tags: a YAML/JSON list, or text separated by `;` (the only form in CSV). Items are trimmed, blank
 * items dropped and repeats removed.
 */
export function asList(value: unknown): FieldResult<string[]> {
  let items: string[];
  if (Array.isArray(value)) {
    items = [];
    for (const item of value) {
      const text = asText(item);
      if (!text.ok) return bad(`must be a list of text items (one item is ${describeType(item)})`);
      items.push(text.value);
    }
  } else {
    const text = asText(value);
    if (!text.ok) return bad(`must be a list or ";"-separated text (got ${describeType(value)})`);
    items = text.value.split(';');
  }
  const unique = [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
  return ok(unique);
}

/** A number; CSV text such as "2" or "0.5" is accepted. */
export function asNumber(value: unknown, example = 'e.g. 2 or 0.5'): FieldResult<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return ok(value);
  if (typeof value === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) return ok(Number(value.trim()));
  return bad(`${quote(value)} must be a number (${example})`);
}

/** True when `text` is YYYY-MM-DD and that day exists (so 2025-02-30 is refused). */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A calendar date in the form YYYY-MM-DD. */
export function asIsoDate(value: unknown): FieldResult<string> {
  const text = asText(value);
  if (!text.ok) return text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.value)) return bad(`${quote(text.value)} must be a date in the form YYYY-MM-DD`);
  if (!isRealCalendarDate(text.value)) return bad(`${quote(text.value)} is not a real calendar date`);
  return ok(text.value);
}

/** A web link; only http(s) links are accepted (no javascript:, mailto: or file: links). */
export function asWebUrl(value: unknown): FieldResult<string> {
  const text = asText(value);
  if (!text.ok) return text;
  if (!/^https?:\/\//i.test(text.value)) {
    return bad(`${quote(text.value)} must be a web address starting with https:// or http://`);
  }
  return ok(text.value);
}

/**
 * A calendar date as UK HR exports write it — `15/03/2027` (day first) or `2027-03-15` — returned as
 * YYYY-MM-DD. Two-digit years are ambiguous and refused, as are days that do not exist (31/02/2027);
 * a "day" over 12 with a "month" over 12 is reported as a likely month-first (US) date.
 */
export function asUkOrIsoDate(value: unknown): FieldResult<string> {
  if (value instanceof Date) return asIsoDate(value);
  const text = asText(value);
  if (!text.ok) return text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.value)) return asIsoDate(text.value);
  const form = 'use 15/03/2027 (day/month/year) or 2027-03-15';
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d+)$/.exec(text.value);
  if (!uk) return bad(`${quote(text.value)} is not a date (${form})`);
  const [, day = '', month = '', year = ''] = uk;
  if (year.length !== 4) return bad(`${quote(text.value)} is ambiguous: write the year in full (${form})`);
  if (Number(month) > 12 && Number(day) <= 12) {
    return bad(`${quote(text.value)} looks like month/day/year; dates are read day first (${form})`);
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isRealCalendarDate(iso)) return bad(`${quote(text.value)} is not a real calendar date`);
  return ok(iso);
}
