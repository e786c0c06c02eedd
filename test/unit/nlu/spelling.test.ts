import { allowedDistance, damerauLevenshtein, SpellingCorrector } from '../../../src/core/nlu/spelling';

describe('damerauLevenshtein', () => {
  it.each([
    ['show', 'show', 0],
    ['shwo', 'show', 1], // transposition
    ['progres', 'progress', 1], // insertion
    ['progresss', 'progress', 1], // deletion
    ['plam', 'plan', 1], // substitution
    ['carrer', 'career', 1],
    ['managment', 'management', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
  });

  it('stops early once the limit is exceeded', () => {
    expect(damerauLevenshtein('entitlement', 'safeguarding', 2)).toBe(3);
  });
});

describe('allowedDistance', () => {
  it('allows no edits below 4 letters, one for 4-7 letters and two from 8 letters', () => {
    expect(allowedDistance(3)).toBe(0);
    expect(allowedDistance(4)).toBe(1);
    expect(allowedDistance(7)).toBe(1);
    expect(allowedDistance(8)).toBe(2);
  });
});

describe('SpellingCorrector', () => {
  const corrector = new SpellingCorrector([
    'show', 'me', 'next', 'progress', 'career', 'entitlement', 'safeguarding', 'yesterday', 'profile', 'plan',
    'trainee', 'trainer', 'delete', 'data', 'what', 'course', 'courses', 'course',
  ]);

  it.each([
    ['shwo', 'show'],
    ['progres', 'progress'],
    ['entitlment', 'entitlement'],
    ['safegaurding', 'safeguarding'],
    ['yesterdy', 'yesterday'],
    ['prfile', 'profile'],
    ['dlete', 'delete'],
    ['coures', 'course'],
  ])('corrects %s to %s', (typo, expected) => {
    expect(corrector.correct(typo)).toBe(expected);
  });

  it('leaves known, short, non-alphabetic and unmatched words alone', () => {
    expect(corrector.correct('trainer')).toBe('trainer');
    expect(corrector.correct('wat')).toBe('wat');
    expect(corrector.correct('npq3')).toBe('npq3');
    expect(corrector.correct('x@y.org')).toBe('x@y.org');
    expect(corrector.correct('pizza')).toBe('pizza');
  });

  it('does not allow two edits on words shorter than 8 letters', () => {
    expect(corrector.correct('shoow')).toBe('show');
    expect(corrector.correct('sohwx')).toBe('sohwx');
  });

  it('reports known words', () => {
    expect(corrector.isKnown('plan')).toBe(true);
    expect(corrector.isKnown('plam')).toBe(false);
  });
});
