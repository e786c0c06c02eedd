import { adminStanding, listAdmins, type AdminPolicyDeps } from '../../../src/core/admin/policy';
import { grantAdmin, revokeAdmin, type RoleChange } from '../../../src/core/admin/roleChanges';
import { MemoryAdminRoles, MemoryAudit } from './fakes';

const now = new Date('2026-12-03T10:00:00Z');

function setUp(adminEmails: string[] = []) {
  const roles = new MemoryAdminRoles();
  const audit = new MemoryAudit();
  const deps: AdminPolicyDeps = { roles, audit, adminEmails };
  const change = (email: string, actor = 'head@school.org', orgId = 'north'): RoleChange => ({ orgId, orgName: 'North Trust', email, actor, now });
  return { roles, audit, deps, change };
}

describe('who is an admin', () => {
  it('is whoever ADMIN_EMAILS names, plus stored grants for that organisation only', async () => {
    const { deps, roles } = setUp(['head@school.org']);
    await roles.grant({ orgId: 'north', email: 'cpd@school.org', grantedBy: 'head@school.org', grantedAt: now });
    expect(await adminStanding(deps, 'north', 'HEAD@school.org')).toEqual({ email: 'head@school.org', source: 'configuration' });
    expect(await adminStanding(deps, 'north', 'cpd@school.org')).toEqual({ email: 'cpd@school.org', source: 'granted' });
    expect(await adminStanding(deps, 'south', 'cpd@school.org')).toBeNull();
    expect(await adminStanding(deps, 'north', 'someone@school.org')).toBeNull();
    expect((await listAdmins(deps, 'north')).map((entry) => [entry.email, entry.source])).toEqual([
      ['head@school.org', 'configuration'],
      ['cpd@school.org', 'granted'],
    ]);
  });
});

describe('granting', () => {
  it('grants once, audits it, and says so when asked again', async () => {
    const { deps, audit, change } = setUp(['head@school.org']);
    const first = await grantAdmin(deps, change(' Jo@School.org '));
    expect(first).toMatchObject({ outcome: 'granted', ok: true });
    expect(first.message).toBe('jo@school.org is now an admin of North Trust.');
    const second = await grantAdmin(deps, change('jo@school.org'));
    expect(second.outcome).toBe('already-admin');
    expect(audit.entries).toEqual([{ orgId: 'north', actor: 'head@school.org', action: 'admin.granted', details: { email: 'jo@school.org' } }]);
  });

  it('refuses something that is not an email, changing nothing', async () => {
    const { deps, roles, audit, change } = setUp();
    expect((await grantAdmin(deps, change('jo at school'))).outcome).toBe('invalid-email');
    expect(roles.grants.size).toBe(0);
    expect(audit.entries).toHaveLength(0);
  });
});

describe('revoking', () => {
  it('revokes a granted admin while another admin remains, and audits it', async () => {
    const { deps, audit, change } = setUp(['head@school.org']);
    await grantAdmin(deps, change('jo@school.org'));
    const result = await revokeAdmin(deps, change('jo@school.org'));
    expect(result).toMatchObject({ outcome: 'revoked', ok: true });
    expect(await adminStanding(deps, 'north', 'jo@school.org')).toBeNull();
    expect(audit.entries.map((entry) => entry.action)).toEqual(['admin.granted', 'admin.revoked']);
    expect((await revokeAdmin(deps, change('jo@school.org'))).outcome).toBe('not-admin');
  });

  it('will not revoke an ADMIN_EMAILS admin, explaining it is configuration, and audits the refusal', async () => {
    const { deps, audit, change } = setUp(['head@school.org', 'deputy@school.org']);
    const result = await revokeAdmin(deps, change('deputy@school.org'));
    expect(result).toMatchObject({ outcome: 'configured', ok: false });
    expect(result.message).toContain('ADMIN_EMAILS setting');
    expect(audit.entries).toEqual([
      { orgId: 'north', actor: 'head@school.org', action: 'admin.refused', details: { attempted: 'revokeAdmin', email: 'deputy@school.org', reason: 'configured' } },
    ]);
  });

  it("will not revoke an organisation's last admin", async () => {
    const { deps, roles, audit, change } = setUp();
    await grantAdmin(deps, change('only@school.org', 'cli'));
    const result = await revokeAdmin(deps, change('only@school.org', 'only@school.org'));
    expect(result).toMatchObject({ outcome: 'last-admin', ok: false });
    expect(result.message).toContain('last admin of North Trust');
    expect(roles.grants.size).toBe(1);
    expect(audit.entries.at(-1)).toMatchObject({ action: 'admin.refused', details: { reason: 'last-admin' } });
  });

  it('counts only the same organisation when deciding who is last', async () => {
    const { deps, change } = setUp();
    await grantAdmin(deps, change('a@school.org', 'cli', 'north'));
    await grantAdmin(deps, change('b@school.org', 'cli', 'south'));
    expect((await revokeAdmin(deps, change('a@school.org', 'cli', 'north'))).outcome).toBe('last-admin');
  });

  it('asks to try again while another change holds the lock', async () => {
    const { deps, roles, change } = setUp();
    await grantAdmin(deps, change('a@school.org', 'cli'));
    await grantAdmin(deps, change('b@school.org', 'cli'));
    roles.locked = true;
    expect((await revokeAdmin(deps, change('a@school.org'))).outcome).toBe('busy');
    expect(roles.grants.size).toBe(2);
  });
});
