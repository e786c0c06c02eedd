import { DateTime } from 'luxon';

/**
 * Calendar arithmetic for nudges. Everything works on dates (YYYY-MM-DD) in the organisation's
 * time zone, never on 24-hour steps of milliseconds, so the October and March clock changes cannot
 * move a nudge to the wrong day.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date in `timezone` at instant `now`. */
export function localDate(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
}

/** A real calendar date written YYYY-MM-DD, or undefined. */
export function validDate(value: string | undefined): string | undefined {
  if (!value || !ISO_DATE.test(value)) return undefined;
  return DateTime.fromISO(value, { zone: 'utc' }).isValid ? value : undefined;
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate() as string;
}

export function addMonths(isoDate: string, months: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ months }).toISODate() as string;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

export function isWeekend(isoDate: string): boolean {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).weekday >= 6;
}

/** The date itself on a weekday; the Friday before when it falls on a Saturday or Sunday. */
export function weekdayOnOrBefore(isoDate: string): string {
  const weekday = DateTime.fromISO(isoDate, { zone: 'utc' }).weekday;
  return weekday >= 6 ? addDays(isoDate, -(weekday - 5)) : isoDate;
}
