import { lookupTable } from '../../lib/lookupTable';

/**
 * Finds a length of time in lower-cased English text and converts it to CPD days:
 * 6 hours make a day, results are rounded to the nearest half day (minimum 0.5) and a week is 5 days.
 * Hyphens are expected to have been replaced by spaces ("2-day" arrives as "2 day"), but both work.
 */

export interface DurationMatch {
  days: number;
  start: number;
  end: number;
}

export const HOURS_PER_DAY = 6;
export const DAYS_PER_WEEK = 5;

const NUMBER_WORDS: Readonly<Record<string, number>> = lookupTable({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  ninety: 90, 'a couple of': 2, 'couple of': 2, 'a few': 3, 'a full': 1, 'one full': 1, 'a whole': 1,
});

const NUM =
  '(\\d+(?:\\.\\d+)?|a couple of|couple of|a few|a full|one full|a whole|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|ninety)';
const HALF = '(\\s+and\\s+a\\s+half)?';
const SEP = '[\\s-]*';

/** Rounds to the nearest half day, never below half a day. */
export function roundToHalfDay(days: number): number {
  if (!Number.isFinite(days) || days <= 0) return 0.5;
  return Math.max(0.5, Math.round(days * 2) / 2);
}

export function hoursToDays(hours: number): number {
  return roundToHalfDay(hours / HOURS_PER_DAY);
}

function amount(numberText: string | undefined, halfText: string | undefined): number {
  const base = numberText === undefined || numberText === '' ? 1 : NUMBER_WORDS[numberText] ?? Number(numberText);
  return base + (halfText ? 0.5 : 0);
}

interface Rule {
  pattern: RegExp;
  days: (groups: Array<string | undefined>) => number;
}

const RULES: Rule[] = [
  { pattern: /\bhalf\s+an?\s+hour\b/, days: () => hoursToDays(0.5) },
  { pattern: /\ban?\s+hour\s+and\s+a\s+half\b/, days: () => hoursToDays(1.5) },
  {
    pattern: new RegExp(`\\b${NUM}${HALF}${SEP}(?:hours?|hrs?|h)\\b(?:\\s+and\\s+(\\d+)\\s*(?:minutes?|mins?))?`),
    days: ([n, half, minutes]) => hoursToDays(amount(n, half) + (minutes ? Number(minutes) / 60 : 0)),
  },
  {
    pattern: new RegExp(`\\b${NUM}${SEP}(?:minutes?|mins?)\\b`),
    days: ([n]) => hoursToDays(amount(n, undefined) / 60),
  },
  { pattern: /\ba\s+(?:full\s+|whole\s+)?day\s+and\s+a\s+half\b/, days: () => 1.5 },
  {
    // Not the "and a half" of "one and a half days", which the next rule reads.
    pattern: new RegExp(`\\b(?<!\\band\\s+)(?<!\\band\\s+an?\\s+)(?:${NUM}\\s+)?half${SEP}(?:an?\\s+)?days?\\b`),
    days: ([n]) => roundToHalfDay(0.5 * amount(n, undefined)),
  },
  {
    pattern: new RegExp(`\\b${NUM}${HALF}${SEP}(?:(?:full|whole)\\s+)?days?(?:${SEP}long)?\\b`),
    days: ([n, half]) => roundToHalfDay(amount(n, half)),
  },
  // "an INSET day", "two training days"
  {
    pattern: new RegExp(`\\b${NUM}\\s+(?:inset|training|cpd|pd|staff|professional development)${SEP}days?\\b`),
    days: ([n]) => roundToHalfDay(amount(n, undefined)),
  },
  { pattern: /\b(?:all|full|whole)\s+day\b/, days: () => 1 },
  {
    pattern: new RegExp(`\\b${NUM}${HALF}${SEP}(?:(?:full|whole)\\s+)?weeks?(?:${SEP}long)?\\b`),
    days: ([n, half]) => roundToHalfDay(amount(n, half) * DAYS_PER_WEEK),
  },
  { pattern: /\bweek\s+long\b/, days: () => DAYS_PER_WEEK },
  { pattern: /\ba\s+fortnight\b/, days: () => 2 * DAYS_PER_WEEK },
  { pattern: /\b(?:a|an|one)\s+(?:morning|afternoon|twilight)\b/, days: () => 0.5 },
  { pattern: /\btwilight\s+(?:session|training|course)\b/, days: () => 0.5 },
];

/** The first duration phrase (by rule priority) in lower-cased text. */
export function findDuration(text: string): DurationMatch | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const days = rule.days(match.slice(1));
    if (!Number.isFinite(days) || days <= 0 || days > 400) continue;
    return { days, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Convenience wrapper: the number of CPD days mentioned in `text`, if any. */
export function parseDurationDays(text: string): number | undefined {
  return findDuration(text.toLowerCase())?.days;
}
