import { isoDateSchema, opportunitySchema } from '../../../src/core/careerMap/schema';

describe('career map schema', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isoDateSchema.safeParse('2027-02-28').success).toBe(true);
    expect(isoDateSchema.safeParse('2025-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('28/02/2027').success).toBe(false);
  });

  it('only accepts web links people can open', () => {
    const base = { id: 'x', title: 'X', summary: 'S', pathways: ['teaching'], stages: ['ect'], scope: 'self', kind: 'course', entitlement: 'optional' };
    expect(opportunitySchema.safeParse({ ...base, url: 'https://www.gov.uk/' }).success).toBe(true);
    expect(opportunitySchema.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(opportunitySchema.safeParse({ ...base, url: 'mailto:a@b.org' }).success).toBe(false);
  });
});
