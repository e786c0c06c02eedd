import { capProblems, MAX_PROBLEMS } from '../../../src/core/imports';
import { quote, renderPath } from '../../../src/core/imports/problems';

describe('capProblems', () => {
  it('leaves short lists alone', () => {
    const problems = Array.from({ length: MAX_PROBLEMS }, (_, i) => `p${i}`);
    expect(capProblems(problems)).toEqual(problems);
  });

  it('keeps the first 200 and summarises the rest', () => {
    const problems = Array.from({ length: 203 }, (_, i) => `p${i}`);
    const capped = capProblems(problems);
    expect(capped).toHaveLength(201);
    expect(capped[199]).toBe('p199');
    expect(capped[200]).toBe('…and 3 more problems');
    expect(capProblems(['a', 'b', 'c'], 2)).toEqual(['a', 'b', '…and 1 more problem']);
  });
});

describe('quote and renderPath', () => {
  it('shortens long values', () => {
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(57)}…"`);
    expect(quote(3)).toBe('3');
  });

  it('renders paths with 0-based indexes', () => {
    expect(renderPath(['pathways', 1, 'stages', 2, 'id'])).toBe('pathways[1].stages[2].id');
    expect(renderPath([])).toBe('');
  });
});
