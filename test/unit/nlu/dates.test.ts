import { findDate, parseDate } from '../../../src/core/nlu/dates';

// Wednesday 18 March 2026, mid-morning in London.
const ref = new Date('2026-03-18T10:00:00Z');

describe('parseDate', () => {
  it.each([
    ['today', '2026-03-18'],
    ['this morning', '2026-03-18'],
    ['yesterday', '2026-03-17'],
    ['the day before yesterday', '2026-03-16'],
    ['tomorrow', '2026-03-19'],
    ['3 days ago', '2026-03-15'],
    ['a couple of days ago', '2026-03-16'],
    ['two weeks ago', '2026-03-04'],
    ['last Tuesday', '2026-03-17'],
    ['last Wednesday', '2026-03-11'],
    ['on Monday', '2026-03-16'],
    ['Wednesday', '2026-03-18'],
    ['on Friday', '2026-03-13'],
    ['next Friday', '2026-03-20'],
    ['this Friday', '2026-03-20'],
    ['on 3 March', '2026-03-03'],
    ['3rd March', '2026-03-03'],
    ['the 3rd of March 2025', '2025-03-03'],
    ['March 3rd', '2026-03-03'],
    ['on 20 December', '2025-12-20'],
    ['on 1 April', '2026-04-01'],
    ['12/03/2026', '2026-03-12'],
    ['2/3/26', '2026-03-02'],
    ['12/03', '2026-03-12'],
    ['12.03.2026', '2026-03-12'],
    ['12-03-2026', '2026-03-12'],
    ['2026-03-12', '2026-03-12'],
    ['on the 2nd', '2026-03-02'],
  ])('%s -> %s', (text, expected) => {
    expect(parseDate(text, ref)).toBe(expected);
  });

  it('reads numeric dates day first (UK)', () => {
    expect(parseDate('05/04/2026', ref)).toBe('2026-04-05');
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseDate('31/02/2026', ref)).toBeUndefined();
    expect(parseDate('on 30 February', ref)).toBeUndefined();
  });

  it('does not mistake durations, decimals or plain numbers for dates', () => {
    expect(parseDate('1.5 hours of training', ref)).toBeUndefined();
    expect(parseDate('a 2-day course', ref)).toBeUndefined();
    expect(parseDate('I sat my NPQ assessment', ref)).toBeUndefined();
    expect(parseDate('what can I do next', ref)).toBeUndefined();
  });

  it('resolves relative dates in the Europe/London calendar', () => {
    // 23:30 UTC on 28 March 2026 is still the 28th in London (GMT); 23:30 UTC on 29 March is the 30th (BST).
    expect(parseDate('today', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(parseDate('today', new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('reports where the date phrase is', () => {
    const text = 'i did a course last tuesday on phonics';
    const match = findDate(text, ref);
    expect(match?.iso).toBe('2026-03-17');
    expect(text.slice(match?.start, match?.end)).toBe('last tuesday');
  });
});
