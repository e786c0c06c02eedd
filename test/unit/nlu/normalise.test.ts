import { MAX_INPUT_LENGTH, prepareInput, tokenise } from '../../../src/core/nlu/normalise';

describe('prepareInput', () => {
  it('trims, collapses whitespace and straightens quotes', () => {
    expect(prepareInput('  what\u2019s   next\n for me?  ')).toBe("what's next for me?");
  });

  it('truncates long input to the maximum length', () => {
    expect(prepareInput('a '.repeat(2000)).length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
  });

  it('copes with non-strings and control characters', () => {
    expect(prepareInput(undefined)).toBe('');
    expect(prepareInput(42)).toBe('');
    expect(prepareInput('hi\u0000there\u200b')).toBe('hi there');
  });
});

describe('tokenise', () => {
  const norms = (text: string) => tokenise(text).map((token) => token.norm);

  it('lower-cases and splits on punctuation and hyphens', () => {
    expect(norms('Anything TRUST-WIDE?')).toEqual(['anything', 'trust', 'wide']);
    expect(norms('a 2-day course')).toEqual(['a', '2', 'day', 'course']);
  });

  it('keeps emails, numeric dates, decimals, ordinals and contractions whole', () => {
    expect(norms("I'm moving on 12/03/2026 to x.y@school.org.uk")).toEqual([
      "i'm", 'moving', 'on', '12/03/2026', 'to', 'x.y@school.org.uk',
    ]);
    expect(norms('1.5 hours on the 3rd')).toEqual(['1.5', 'hours', 'on', 'the', '3rd']);
  });

  it('expands text-speak and American spellings', () => {
    expect(norms('wat can u do nxt')).toEqual(['what', 'can', 'you', 'do', 'next']);
    expect(norms('leadership program')).toEqual(['leadership', 'programme']);
    expect(norms('thx')).toEqual(['thanks']);
  });

  it('keeps the typed form alongside the normalised one', () => {
    expect(tokenise('Courses for TAs').map((token) => token.raw)).toEqual(['Courses', 'for', 'TAs']);
  });
});
