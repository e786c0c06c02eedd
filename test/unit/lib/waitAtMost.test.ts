import { waitAtMost } from '../../../src/lib/waitAtMost';

describe('waitAtMost', () => {
  it('returns the result when the work finishes in time', async () => {
    await expect(waitAtMost(Promise.resolve('done'), 1_000, 'late')).resolves.toBe('done');
  });

  it('returns the fallback when the work takes too long', async () => {
    const never = new Promise<string>(() => undefined);
    await expect(waitAtMost(never, 10, 'late')).resolves.toBe('late');
  });

  it('passes on a failure that happens in time', async () => {
    await expect(waitAtMost(Promise.reject(new Error('boom')), 1_000, 'late')).rejects.toThrow('boom');
  });
});
