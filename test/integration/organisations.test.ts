import { ConflictError } from '../../src/errors';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('OrganisationRepository', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('maps every workspace to the default organisation while it is the only one', async () => {
    const orgs = database.repos.organisations;
    await orgs.ensureDefault();
    expect((await orgs.resolve({ channel: 'teams', tenantId: 'any-tenant' }))?.id).toBe('default');
    expect((await orgs.resolve({ channel: 'slack', teamId: 'T123' }))?.id).toBe('default');
  });

  it('routes mapped tenants and teams, and refuses unmapped ones once several organisations exist', async () => {
    const orgs = database.repos.organisations;
    await orgs.ensureDefault();
    await orgs.upsert({ id: 'north-trust', name: 'North Trust', teamsTenantId: 'tenant-north', slackTeamId: 'TNORTH' });
    await orgs.upsert({ id: 'default', teamsTenantId: 'tenant-home' });

    expect((await orgs.resolve({ channel: 'teams', tenantId: 'tenant-north' }))?.id).toBe('north-trust');
    expect((await orgs.resolve({ channel: 'slack', teamId: 'TNORTH' }))?.id).toBe('north-trust');
    expect((await orgs.resolve({ channel: 'teams', tenantId: 'tenant-home' }))?.id).toBe('default');
    expect(await orgs.resolve({ channel: 'teams', tenantId: 'tenant-unknown' })).toBeNull();
  });

  it('will not map one tenant to two organisations', async () => {
    const orgs = database.repos.organisations;
    await orgs.upsert({ id: 'a', teamsTenantId: 'shared' });
    await expect(orgs.upsert({ id: 'b', teamsTenantId: 'shared' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('keeps staff of different organisations apart', async () => {
    const base = { name: 'Sam', pathway: 'teaching', stage: 'ect', role: 'staff' as const, interests: [], source: 'directory' as const };
    await database.repos.staff.save({ ...base, orgId: 'a', email: 'sam@school.org' });
    await database.repos.staff.save({ ...base, orgId: 'b', email: 'sam@school.org', stage: 'middle-leader' });
    expect((await database.repos.staff.findByEmail('a', 'SAM@school.org'))?.stage).toBe('ect');
    expect((await database.repos.staff.findByEmail('b', 'sam@school.org'))?.stage).toBe('middle-leader');
    expect(await database.repos.staff.findByEmail('c', 'sam@school.org')).toBeNull();
  });
});
