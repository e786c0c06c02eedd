import { findDuration, hoursToDays, parseDurationDays, roundToHalfDay } from '../../../src/core/nlu/duration';

describe('parseDurationDays', () => {
  it.each([
    ['a 2-day course', 2],
    ['a 2 day course', 2],
    ['two days', 2],
    ['a day', 1],
    ['one full day', 1],
    ['a whole day', 1],
    ['1.5 days', 1.5],
    ['one and a half days', 1.5],
    ['a day and a half', 1.5],
    ['half a day', 0.5],
    ['a half-day workshop', 0.5],
    ['half day', 0.5],
    ['two half days', 1],
    ['three hours', 0.5],
    ['3 hours', 0.5],
    ['3h', 0.5],
    ['2 hrs', 0.5],
    ['an hour', 0.5],
    ['half an hour', 0.5],
    ['90 minutes', 0.5],
    ['5 hours', 1],
    ['6 hours', 1],
    ['7 hours', 1],
    ['9 hours', 1.5],
    ['12 hours', 2],
    ['an hour and a half', 0.5],
    ['a week', 5],
    ['a week-long course', 5],
    ['2 weeks', 10],
    ['a fortnight', 10],
    ['an INSET day', 1],
    ['two training days', 2],
    ['a twilight session', 0.5],
  ])('%s -> %d', (text, expected) => {
    expect(parseDurationDays(text)).toBe(expected);
  });

  it('finds nothing when no length is given', () => {
    expect(parseDurationDays('how many CPD days have I done')).toBeUndefined();
    expect(parseDurationDays('I went on a course')).toBeUndefined();
    expect(parseDurationDays('')).toBeUndefined();
  });

  it('reports where the duration phrase is', () => {
    const text = 'log 3 hours of safeguarding training';
    const match = findDuration(text);
    expect(match?.days).toBe(0.5);
    expect(text.slice(match?.start, match?.end)).toBe('3 hours');
  });
});

describe('rounding', () => {
  it('counts 6 hours as a day, rounds to the nearest half day and never goes below half a day', () => {
    expect(hoursToDays(6)).toBe(1);
    expect(hoursToDays(4)).toBe(0.5);
    expect(hoursToDays(4.6)).toBe(1);
    expect(hoursToDays(0.25)).toBe(0.5);
    expect(roundToHalfDay(1.3)).toBe(1.5);
    expect(roundToHalfDay(1.2)).toBe(1);
    expect(roundToHalfDay(0)).toBe(0.5);
  });
});
