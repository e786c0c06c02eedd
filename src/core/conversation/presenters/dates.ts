import { DateTime } from 'luxon';

/** "31 March 2027" for a YYYY-MM-DD date. */
export function formatDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  return date.isValid ? date.setLocale('en-GB').toFormat('d LLLL yyyy') : isoDate;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timezone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The English school year (1 September – 31 August) containing a date. */
export function schoolYear(isoDate: string): { from: string; to: string; label: string } {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  const startYear = date.month >= 9 ? date.year : date.year - 1;
  return {
    from: `${startYear}-09-01`,
    to: `${startYear + 1}-08-31`,
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}
