import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, addMonths, daysBetween, isWeekend, validDate, weekdayOnOrBefore } from '../../../src/core/nudges/calendar';

const isoDates = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const luxon = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('calendar arithmetic (checked against luxon)', () => {
  it('adds days, adds months and counts days exactly as luxon does', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -800, max: 800 }), fc.integer({ min: -30, max: 30 }), (date, days, months) => {
        expect(addDays(date, days)).toBe(luxon(date).plus({ days }).toISODate());
        expect(addMonths(date, months)).toBe(luxon(date).plus({ months }).toISODate());
        expect(daysBetween(date, addDays(date, days))).toBe(days);
        expect(isWeekend(date)).toBe(luxon(date).weekday >= 6);
      }),
      { numRuns: 2000 },
    );
  });

  it('moves weekend dates to the Friday before', () => {
    expect(weekdayOnOrBefore('2027-03-13')).toBe('2027-03-12');
    expect(weekdayOnOrBefore('2027-03-14')).toBe('2027-03-12');
    expect(weekdayOnOrBefore('2027-03-15')).toBe('2027-03-15');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(validDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '27-03-01', '2027-3-1', '', undefined]) expect(validDate(bad)).toBeUndefined();
  });
});
