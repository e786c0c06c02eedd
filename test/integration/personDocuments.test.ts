import { openRepositories } from '../../src/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const ORG = 'north';

describe('plans and CPD logs: one document per person, read by _id', () => {
  let t: TestDatabase;

  beforeEach(async () => {
    t = await openTestDatabase();
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('keeps a plan in one document and applies each change by _id', async () => {
    const plans = t.repos.plans;
    const first = new Date('2027-01-01T09:00:00Z');
    expect(await plans.add(ORG, 'Ann@North.org', 'npq-leading-teaching', first)).toBe(true);
    expect(await plans.add(ORG, 'ann@north.org', 'npq-leading-teaching', first)).toBe(false);
    expect(await plans.add(ORG, 'ann@north.org', 'chartered-teacher', new Date('2027-01-02T09:00:00Z'))).toBe(true);
    expect(await plans.setStatus(ORG, 'ann@north.org', 'npq-leading-teaching', 'agreed', new Date('2027-01-03T09:00:00Z'))).toBe(true);
    expect(await plans.setStatus(ORG, 'ann@north.org', 'not-in-plan', 'agreed')).toBe(false);
    expect(await plans.setStatus(ORG, 'ann@north.org', 'x.$bad', 'agreed')).toBe(false);

    const items = await plans.list(ORG, 'ann@north.org');
    expect(items.map((item) => [item.opportunityId, item.status])).toEqual([
      ['npq-leading-teaching', 'agreed'],
      ['chartered-teacher', 'interested'],
    ]);
    expect(items[0]?.history.map((h) => h.status)).toEqual(['interested', 'agreed']);
    expect(await t.db.collection('plans').countDocuments({})).toBe(1);
    expect(await t.db.collection('plans').findOne({ _id: `${ORG}:ann@north.org` as never })).not.toBeNull();

    expect(await plans.remove(ORG, 'ann@north.org', 'chartered-teacher')).toBe(true);
    expect(await plans.remove(ORG, 'ann@north.org', 'chartered-teacher')).toBe(false);
    expect(await plans.list('south', 'ann@north.org')).toEqual([]);
    expect(await plans.deleteAllFor(ORG, 'ann@north.org')).toBe(1);
    expect(await plans.list(ORG, 'ann@north.org')).toEqual([]);
  });

  it('keeps a CPD log in one document, filtered by date range and newest first', async () => {
    const cpd = t.repos.cpd;
    await cpd.add(ORG, 'ann@north.org', { title: 'Phonics', days: 2, date: '2026-10-01' });
    await cpd.add(ORG, 'ann@north.org', { title: 'NPQ day', days: 1, date: '2027-03-01', opportunityId: 'npq-leading-teaching' });
    await cpd.add(ORG, 'bob@north.org', { title: 'First aid', days: 1, date: '2027-01-01' });
    expect((await cpd.list(ORG, 'ann@north.org')).map((e) => e.title)).toEqual(['NPQ day', 'Phonics']);
    expect(await cpd.list(ORG, 'ann@north.org', { from: '2027-01-01', to: '2027-12-31' })).toEqual([
      expect.objectContaining({ title: 'NPQ day', days: 1, date: '2027-03-01', opportunityId: 'npq-leading-teaching' }),
    ]);
    expect(await t.db.collection('cpdLogs').countDocuments({})).toBe(2);
    expect(await cpd.deleteAllFor(ORG, 'ann@north.org')).toBe(2);
    expect(await cpd.list(ORG, 'ann@north.org')).toEqual([]);
    expect(await cpd.list(ORG, 'bob@north.org')).toHaveLength(1);
  });

  it('migrates documents of the earlier shapes at start-up, idempotently', async () => {
    const at = new Date('2026-09-01T10:00:00Z');
    await t.db.collection('planItems').insertMany([
      { _id: `${ORG}:ann@north.org:npq-leading-teaching`, orgId: ORG, email: 'ann@north.org', opportunityId: 'npq-leading-teaching',
        status: 'booked', history: [{ status: 'interested', at }, { status: 'booked', at }], createdAt: at, updatedAt: at },
      { _id: `${ORG}:ann@north.org:chartered-teacher`, orgId: ORG, email: 'ann@north.org', opportunityId: 'chartered-teacher',
        status: 'interested', history: [{ status: 'interested', at }], createdAt: new Date(at.getTime() + 1000), updatedAt: at },
    ] as never[]);
    await t.db.collection('cpdEntries').insertMany([
      { _id: 'e1', orgId: ORG, email: 'ann@north.org', title: 'Phonics', days: 2, date: '2026-10-01', createdAt: at },
    ] as never[]);
    // The same plan item already moved (an interrupted earlier migration) must not be duplicated.
    await t.repos.plans.add(ORG, 'ann@north.org', 'chartered-teacher', at);

    const repos = await openRepositories(t.db);
    await openRepositories(t.db);
    expect((await repos.plans.list(ORG, 'ann@north.org')).map((i) => [i.opportunityId, i.status])).toEqual([
      ['chartered-teacher', 'interested'],
      ['npq-leading-teaching', 'booked'],
    ]);
    expect(await repos.cpd.list(ORG, 'ann@north.org')).toEqual([{ id: 'e1', title: 'Phonics', days: 2, date: '2026-10-01' }]);
    expect(await t.db.collection('planItems').countDocuments({})).toBe(0);
    expect(await t.db.collection('cpdEntries').countDocuments({})).toBe(0);
  });
});
