import { DateTime } from 'luxon';

/**
 * Calendar arithmetic for nudges. Everything works on dates (YYYY-MM-DD) in the organisation's
 * time zone, never on 24-hour steps of milliseconds, so the October and March clock changes cannot
 * move a nudge to the wrong day. Planning runs this for every member of staff, so after "today" is
 * read in the time zone (luxon, once per run) dates are plain day numbers.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date in `timezone` at instant `now`. */
export function localDate(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(isoDate: string): [number, number, number] | undefined {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function toDays(isoDate: string): number {
  const [year, month, day] = parts(isoDate) ?? [1970, 1, 1];
  return dayNumber(year, month, day);
}

/** A real calendar date written YYYY-MM-DD, or undefined. */
export function validDate(value: string | undefined): string | undefined {
  const split = value ? parts(value) : undefined;
  if (!split) return undefined;
  const [year, month, day] = split;
  // Round-tripping through day numbers rejects 30 February and month 13.
  return month >= 1 && month <= 12 && day >= 1 && fromDayNumber(dayNumber(year, month, day)) === value ? value : undefined;
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDays(isoDate) + days);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = parts(isoDate) ?? [1970, 1, 1];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = dayNumber(targetMonth === 12 ? targetYear + 1 : targetYear, targetMonth === 12 ? 1 : targetMonth + 1, 1) - dayNumber(targetYear, targetMonth, 1);
  return fromDayNumber(dayNumber(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

/** 1 = Monday … 7 = Sunday. */
function weekday(isoDate: string): number {
  // 1970-01-01 was a Thursday.
  return ((((toDays(isoDate) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(isoDate: string): boolean {
  return weekday(isoDate) >= 6;
}

/** The date itself on a weekday; the Friday before when it falls on a Saturday or Sunday. */
export function weekdayOnOrBefore(isoDate: string): string {
  const day = weekday(isoDate);
  return day >= 6 ? addDays(isoDate, -(day - 5)) : isoDate;
}
