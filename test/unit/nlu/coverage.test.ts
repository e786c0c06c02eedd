import { DomainCoverage } from '../../../src/core/nlu/coverage';

describe('DomainCoverage', () => {
  const coverage = new DomainCoverage(['plan', 'course', 'coaching', 'manager', 'progress', 'roleword']);

  it('measures the share of known content words, ignoring function words', () => {
    expect(coverage.ratio('show me my plan'.split(' '))).toBe(0.5); // "show" unknown, "plan" known
    expect(coverage.ratio('what is the'.split(' '))).toBe(1);
    expect(coverage.ratio('who is the prime minister'.split(' '))).toBe(0);
  });

  it('leaves confidence alone when at most one content word is unknown', () => {
    expect(coverage.factor('how can i progress as a roleword at st marys'.split(' '))).toBe(1);
    expect(coverage.factor('coaching for folks'.split(' '))).toBe(1);
  });

  it('lowers confidence for mostly unknown words', () => {
    expect(coverage.factor('who is the prime minister'.split(' '))).toBeCloseTo(0.4);
    expect(coverage.factor('book a flight to spain for my manager'.split(' '))).toBeCloseTo(0.7); // 1 of 4 known
  });
});
