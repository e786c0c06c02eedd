/**
 * Finds one calendar date in lower-cased English text and resolves it against a reference date.
 * UK conventions: numeric dates are day-first ("12/03/2026" is 12 March 2026).
 * Pure: no clock access except through the reference date passed in.
 */
import { DateTime } from 'luxon';
import { lookupTable } from '../../lib/lookupTable';

export const DEFAULT_ZONE = 'Europe/London';

export interface DateMatch {
  /** ISO calendar date, YYYY-MM-DD. */
  iso: string;
  /** Character span of the matched phrase in the text searched. */
  start: number;
  end: number;
}

const MONTHS: Readonly<Record<string, number>> = lookupTable({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});

const WEEKDAYS: Readonly<Record<string, number>> = lookupTable({
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4,
  thu: 4, friday: 5, fri: 5, saturday: 6, sunday: 7,
});

const SMALL_NUMBERS: Readonly<Record<string, number>> = lookupTable({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, couple: 2, 'a couple of': 2, 'couple of': 2,
});

const MONTH_NAMES = Object.keys(MONTHS).sort((x, y) => y.length - x.length).join('|');
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).sort((x, y) => y.length - x.length).join('|');
const COUNT = '(\\d{1,3}|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "(?:,?\\s*(\\d{4}|'\\d{2}))?";

type Resolver = (groups: string[], today: DateTime) => DateTime | undefined;

interface Rule {
  pattern: RegExp;
  resolve: Resolver;
}

function expandYear(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const digits = value.replace("'", '');
  const year = Number(digits);
  return digits.length === 2 ? 2000 + year : year;
}

function countOf(value: string | undefined): number {
  if (!value) return 1;
  return SMALL_NUMBERS[value] ?? Number(value);
}

/** A real calendar date, or undefined (31 February is rejected, not rolled over). */
function calendarDate(year: number, month: number, day: number, zone: string): DateTime | undefined {
  const date = DateTime.fromObject({ year, month, day }, { zone });
  return date.isValid ? date : undefined;
}

/** The occurrence of day/month nearest to today (within six months either side). */
function nearestOccurrence(month: number, day: number, today: DateTime): DateTime | undefined {
  const candidates = [today.year - 1, today.year, today.year + 1]
    .map((year) => calendarDate(year, month, day, today.zoneName ?? DEFAULT_ZONE))
    .filter((date): date is DateTime => date !== undefined);
  let best: DateTime | undefined;
  for (const candidate of candidates) {
    if (!best || Math.abs(candidate.diff(today, 'days').days) < Math.abs(best.diff(today, 'days').days)) {
      best = candidate;
    }
  }
  return best;
}

function dayMonth(dayText: string | undefined, month: number | undefined, yearText: string | undefined, today: DateTime) {
  const day = Number(dayText);
  if (!month || !Number.isInteger(day)) return undefined;
  const year = expandYear(yearText);
  return year ? calendarDate(year, month, day, today.zoneName ?? DEFAULT_ZONE) : nearestOccurrence(month, day, today);
}

/** Most recent given weekday strictly before today. */
function previousWeekday(weekday: number, today: DateTime): DateTime {
  const back = (today.weekday - weekday + 7) % 7 || 7;
  return today.minus({ days: back });
}

/** Next given weekday strictly after today. */
function nextWeekday(weekday: number, today: DateTime): DateTime {
  const ahead = (weekday - today.weekday + 7) % 7 || 7;
  return today.plus({ days: ahead });
}

const RULES: Rule[] = [
  // ISO: 2026-03-12
  {
    pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/,
    resolve: ([y, m, d], today) => calendarDate(Number(y), Number(m), Number(d), today.zoneName ?? DEFAULT_ZONE),
  },
  // UK numeric, day first: 12/03/2026, 12/3/26, 12/03
  {
    pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/,
    resolve: ([d, m, y], today) => dayMonth(d, Number(m), y, today),
  },
  // 12.03.2026, 12-03-26 (a year is required so that "1.5 hours" is not a date)
  {
    pattern: /\b(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})\b/,
    resolve: ([d, , m, y], today) => dayMonth(d, Number(m), y, today),
  },
  // 3 March, 3rd of March 2026, 3rd march '26
  {
    pattern: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+(${MONTH_NAMES})\\b${YEAR}`),
    resolve: ([d, m, y], today) => dayMonth(d, MONTHS[m ?? ''], y, today),
  },
  // March 3, March 3rd 2026
  {
    pattern: new RegExp(`\\b(${MONTH_NAMES})\\s+${DAY}\\b${YEAR}`),
    resolve: ([m, d, y], today) => dayMonth(d, MONTHS[m ?? ''], y, today),
  },
  { pattern: /\b(?:the\s+)?day\s+before\s+yesterday\b/, resolve: (_, today) => today.minus({ days: 2 }) },
  { pattern: /\b(?:the\s+)?day\s+after\s+tomorrow\b/, resolve: (_, today) => today.plus({ days: 2 }) },
  { pattern: /\byesterday\b/, resolve: (_, today) => today.minus({ days: 1 }) },
  { pattern: /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/, resolve: (_, today) => today },
  { pattern: /\b(?:tomorrow|tmrw)\b/, resolve: (_, today) => today.plus({ days: 1 }) },
  { pattern: /\blast\s+night\b/, resolve: (_, today) => today.minus({ days: 1 }) },
  // 3 days ago, a couple of weeks ago
  {
    pattern: new RegExp(`\\b${COUNT}\\s+(days?|weeks?)\\s+ago\\b`),
    resolve: ([n, unit], today) =>
      today.minus(unit?.startsWith('week') ? { weeks: countOf(n) } : { days: countOf(n) }),
  },
  { pattern: /\ba\s+fortnight\s+ago\b/, resolve: (_, today) => today.minus({ weeks: 2 }) },
  // last Tuesday / next Friday / this Monday / on Tuesday / Tuesday
  {
    pattern: new RegExp(`\\b(last|next|this|on)?\\s*\\b(${WEEKDAY_NAMES})\\b`),
    resolve: ([modifier, name], today) => {
      const weekday = WEEKDAYS[name ?? ''];
      if (!weekday) return undefined;
      if (modifier === 'next') return nextWeekday(weekday, today);
      if (modifier === 'this') return today.plus({ days: weekday - today.weekday });
      if (modifier === 'last') return previousWeekday(weekday, today);
      return weekday === today.weekday ? today : previousWeekday(weekday, today);
    },
  },
  // on the 3rd
  {
    pattern: /\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/,
    resolve: ([d], today) => nearestOccurrence(today.month, Number(d), today),
  },
];

/** The reference date as a calendar day in the given zone. */
export function referenceDay(reference: Date = new Date(), zone = DEFAULT_ZONE): DateTime {
  const value = DateTime.fromJSDate(reference, { zone });
  return (value.isValid ? value : DateTime.now().setZone(zone)).startOf('day');
}

/** Finds the first date phrase (by rule priority) in lower-cased text. */
export function findDate(text: string, reference: Date = new Date(), zone = DEFAULT_ZONE): DateMatch | undefined {
  const today = referenceDay(reference, zone);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const resolved = rule.resolve(match.slice(1).map((group) => group ?? ''), today);
    if (!resolved || !resolved.isValid) continue;
    const iso = resolved.toISODate();
    if (!iso) continue;
    return { iso, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Convenience wrapper: the ISO date mentioned in `text`, if any. */
export function parseDate(text: string, reference: Date = new Date(), zone = DEFAULT_ZONE): string | undefined {
  return findDate(text.toLowerCase(), reference, zone)?.iso;
}
