import { MemberCache } from '../../../src/channels/memberCache';

describe('MemberCache', () => {
  afterEach(() => jest.useRealTimers());

  it('remembers a member until the time to live passes', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z') });
    const cache = new MemberCache(60_000);
    cache.set('u1', { email: 'a@school.org', name: 'A' });
    expect(cache.get('u1')).toMatchObject({ email: 'a@school.org', name: 'A' });
    jest.setSystemTime(new Date('2026-11-23T09:00:59Z'));
    expect(cache.get('u1')?.email).toBe('a@school.org');
    jest.setSystemTime(new Date('2026-11-23T09:01:01Z'));
    expect(cache.get('u1')).toBeUndefined();
  });

  it('starts again rather than grow without bound', () => {
    const cache = new MemberCache(60_000, 2);
    cache.set('a', { email: 'a@x.org' });
    cache.set('b', { email: 'b@x.org' });
    cache.set('c', { email: 'c@x.org' });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.email).toBe('c@x.org');
  });
});
