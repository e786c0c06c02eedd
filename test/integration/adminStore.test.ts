import { grantAdmin, revokeAdmin } from '../../src/core/admin/roleChanges';
import type { Opportunity } from '../../src/core/careerMap/schema';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const at = new Date('2026-12-03T10:00:00Z');

const item: Opportunity = {
  id: 'phonics-lead-shadowing',
  title: 'Phonics lead shadowing',
  summary: "Spend a morning with the trust's phonics lead.",
  pathways: ['teaching'],
  stages: ['ect'],
  scope: 'trust',
  kind: 'shadowing',
  entitlement: 'optional',
  url: 'https://example.org/p',
  tags: ['phonics'],
};

describe('admin roles in the database', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('keys a grant by organisation and email, grants once, and lists only that organisation', async () => {
    const roles = database.repos.adminRoles;
    expect(await roles.grant({ orgId: 'north', email: 'Jo@School.org', grantedBy: 'cli', grantedAt: at })).toBe(true);
    expect(await roles.grant({ orgId: 'north', email: 'jo@school.org', grantedBy: 'cli', grantedAt: at })).toBe(false);
    await roles.grant({ orgId: 'north-east', email: 'ne@school.org', grantedBy: 'cli', grantedAt: at });
    await roles.grant({ orgId: 'nort', email: 'short@school.org', grantedBy: 'cli', grantedAt: at });
    expect(await database.db.collection('adminRoles').findOne({ _id: 'north:jo@school.org' as never })).toMatchObject({ orgId: 'north' });
    expect((await roles.list('north')).map((grant) => grant.email)).toEqual(['jo@school.org']);
    expect(await roles.find('north', 'JO@school.org')).toEqual({ orgId: 'north', email: 'jo@school.org', grantedBy: 'cli', grantedAt: at });
    expect(await roles.find('north-east', 'jo@school.org')).toBeNull();
    expect(await roles.revoke('north', 'jo@school.org')).toBe(true);
    expect(await roles.revoke('north', 'jo@school.org')).toBe(false);
  });

  it('lets exactly one of two concurrent admin changes hold the lock, and frees it afterwards', async () => {
    const roles = database.repos.adminRoles;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = roles.exclusively('north', async () => {
      await held;
      return 'first';
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await roles.exclusively('north', async () => 'second')).toBeUndefined();
    expect(await roles.exclusively('south', async () => 'other organisation')).toBe('other organisation');
    release();
    expect(await first).toBe('first');
    expect(await roles.exclusively('north', async () => 'after')).toBe('after');
  });

  it('takes over a lock left behind by a process that died', async () => {
    await database.db.collection('adminRoleLocks').insertOne({ _id: 'north:admin-changes' as never, at: new Date(Date.now() - 60_000) });
    expect(await database.repos.adminRoles.exclusively('north', async () => 'done')).toBe('done');
  });

  it('of two concurrent revokes of the last two admins, at most one succeeds', async () => {
    const deps = { roles: database.repos.adminRoles, audit: database.repos.audit, adminEmails: [] };
    const change = (email: string) => ({ orgId: 'north', orgName: 'North', email, actor: 'cli', now: at });
    await grantAdmin(deps, change('a@school.org'));
    await grantAdmin(deps, change('b@school.org'));
    const results = await Promise.all([revokeAdmin(deps, change('a@school.org')), revokeAdmin(deps, change('b@school.org'))]);
    expect(results.filter((result) => result.outcome === 'revoked').length).toBeLessThanOrEqual(1);
    expect(results.map((result) => result.outcome).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^(revoked|busy|last-admin)$/)]));
    expect((await database.repos.adminRoles.list('north')).length).toBeGreaterThanOrEqual(1);
    const actions = (await database.repos.audit.list('north', new Date(0))).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'admin.granted')).toHaveLength(2);
  });
});

describe('saving one opportunity', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('creates, reports the same item as unchanged, updates in place and keeps when it first appeared', async () => {
    const repo = database.repos.opportunities;
    expect(await repo.saveOne('north', item)).toBe('created');
    expect(await repo.saveOne('north', { ...item })).toBe('unchanged');
    const created = await repo.get('north', item.id);
    const { url: _url, ...withoutUrl } = item;
    expect(await repo.saveOne('north', { ...withoutUrl, title: 'Phonics lead shadowing (summer)' })).toBe('updated');
    const updated = await repo.get('north', item.id);
    expect(updated?.opportunity).toEqual({ ...withoutUrl, title: 'Phonics lead shadowing (summer)' });
    expect(updated?.createdAt).toEqual(created?.createdAt);
    expect(await database.db.collection('opportunities').countDocuments({ orgId: 'north' })).toBe(1);
  });

  it('stores one item when the same form arrives twice at once', async () => {
    const repo = database.repos.opportunities;
    const outcomes = await Promise.all([repo.saveOne('north', item), repo.saveOne('north', { ...item })]);
    expect(outcomes).toContain('created');
    expect(await database.db.collection('opportunities').countDocuments({ orgId: 'north' })).toBe(1);
    expect((await repo.get('north', item.id))?.opportunity).toEqual(item);
  });

  it('lists the newest admin-added items first, leaving out the shipped default map', async () => {
    const repo = database.repos.opportunities;
    await repo.upsertMany('north', [{ ...item, id: 'shipped' }], 'default-map');
    await repo.saveOne('north', { ...item, id: 'older' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await repo.saveOne('north', { ...item, id: 'newer' });
    await repo.saveOne('south', { ...item, id: 'elsewhere' });
    expect((await repo.latest('north', 10)).map((entry) => entry.opportunity.id)).toEqual(['newer', 'older']);
    expect((await repo.latest('north', 1)).map((entry) => entry.opportunity.id)).toEqual(['newer']);
  });
});

describe('reading the audit log', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('lists entries since a time, oldest first, for one organisation or all', async () => {
    const audit = database.db.collection('audit');
    await audit.insertMany([
      { orgId: 'north', at: new Date('2026-11-01T09:00:00Z'), actor: 'cli', action: 'admin.granted', details: { email: 'old@x.org' } },
      { orgId: 'north', at: new Date('2026-12-02T09:00:00Z'), actor: 'a@x.org', action: 'admin.revoked', details: { email: 'b@x.org' } },
      { orgId: 'south', at: new Date('2026-12-01T09:00:00Z'), actor: 'c@x.org', action: 'admin.refused', details: { attempted: 'grantAdmin' } },
    ]);
    const since = new Date('2026-11-30T00:00:00Z');
    expect((await database.repos.audit.list('north', since)).map((entry) => entry.action)).toEqual(['admin.revoked']);
    expect((await database.repos.audit.list(undefined, since)).map((entry) => [entry.orgId, entry.action])).toEqual([
      ['south', 'admin.refused'],
      ['north', 'admin.revoked'],
    ]);
  });
});
