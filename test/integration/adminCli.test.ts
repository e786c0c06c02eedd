import { expect } from '@jest/globals';
import { MongoClient, type Db } from 'mongodb';
import { cli } from '../support/cliRunner';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

describe('nextstep admin and nextstep audit (in-process, real database)', () => {
  const savedEnv = { ...process.env };
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await MongoClient.connect(testDatabaseUri(), { serverSelectionTimeoutMS: 10_000 });
  });

  afterAll(async () => {
    await client.close();
  });

  beforeEach(() => {
    const dbName = uniqueDbName();
    Object.assign(process.env, { MONGODB_URI: testDatabaseUri(), MONGODB_DB: dbName, LOG_LEVEL: 'silent', ADMIN_EMAILS: 'head@school.org' });
    db = client.db(dbName);
  });

  afterEach(async () => {
    await db.dropDatabase().catch(() => undefined);
    for (const key of ['MONGODB_DB', 'LOG_LEVEL', 'ADMIN_EMAILS'] as const) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });

  it('grants, lists, revokes and audits, idempotently', async () => {
    expect(await cli('admin', 'grant', 'Jo@School.org')).toEqual({ code: 0, stdout: 'jo@school.org is now an admin of Our trust.\n', stderr: '' });
    expect((await cli('admin', 'grant', 'jo@school.org')).stdout).toBe('jo@school.org is already an admin of Our trust.\n');
    expect(await db.collection('adminRoles').countDocuments({})).toBe(1);

    const listed = await cli('admin', 'list', '--format', 'json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { email: 'head@school.org', source: 'configuration' },
      { email: 'jo@school.org', source: 'granted', grantedBy: 'cli', grantedAt: expect.any(String) },
    ]);
    const table = (await cli('admin', 'list')).stdout.split('\n');
    expect(table[0]).toMatch(/^email\s+source\s+granted by\s+granted at$/);
    expect(table[3]).toMatch(/^jo@school\.org\s+granted\s+cli\s+\d{4}-/);

    expect(await cli('admin', 'revoke', 'jo@school.org')).toEqual({ code: 0, stdout: 'jo@school.org is no longer an admin of Our trust.\n', stderr: '' });
    expect(await db.collection('adminRoles').countDocuments({})).toBe(0);

    const audit = await cli('audit', '--since', '2000-01-01', '--org', 'default', '--format', 'json');
    expect(audit.code).toBe(0);
    const entries = JSON.parse(audit.stdout) as { orgId: string; actor: string; action: string; details: Record<string, unknown> }[];
    expect(entries.map((entry) => [entry.orgId, entry.actor, entry.action, entry.details])).toEqual([
      ['default', 'cli', 'admin.granted', { email: 'jo@school.org' }],
      ['default', 'cli', 'admin.revoked', { email: 'jo@school.org' }],
    ]);
  });

  it('refuses to revoke an ADMIN_EMAILS admin or the last admin, exiting non-zero with the reason', async () => {
    const configured = await cli('admin', 'revoke', 'head@school.org');
    expect(configured.code).toBe(1);
    expect(configured.stderr).toMatch(/ADMIN_EMAILS setting/);

    delete process.env.ADMIN_EMAILS;
    await cli('admin', 'grant', 'only@school.org');
    const last = await cli('admin', 'revoke', 'only@school.org');
    expect(last.code).toBe(1);
    expect(last.stderr).toBe("only@school.org is the last admin of Our trust, so I've kept them. Make someone else an admin first, then remove only@school.org.\n");
    expect(await db.collection('adminRoles').countDocuments({})).toBe(1);

    const table = await cli('audit', '--since', '2000-01-01');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/admin\.refused\s+\{"attempted":"revokeAdmin","email":"only@school\.org","reason":"last-admin"\}/);
  });

  it('checks its input: organisation, email and date', async () => {
    const unknownOrg = await cli('admin', 'grant', 'jo@school.org', '--org', 'nowhere');
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toMatch(/organisation "nowhere" does not exist/);
    const badEmail = await cli('admin', 'grant', 'not-an-email');
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/doesn't look like a work email/);
    const badDate = await cli('audit', '--since', 'last tuesday');
    expect(badDate).toEqual({ code: 1, stdout: '', stderr: '--since: "last tuesday" is not a date; use YYYY-MM-DD (or 15/03/2027, or an ISO time)\n' });
    expect((await cli('audit')).code).not.toBe(0);
  });

  it('reads --since as a UK date too, and leaves out earlier entries', async () => {
    await db.collection('audit').insertMany([
      { orgId: 'default', at: new Date('2026-03-14T12:00:00Z'), actor: 'cli', action: 'admin.granted', details: { email: 'early@x.org' } },
      { orgId: 'default', at: new Date('2026-03-15T12:00:00Z'), actor: 'cli', action: 'admin.granted', details: { email: 'late@x.org' } },
    ]);
    const run = await cli('audit', '--since', '15/03/2026', '--format', 'json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { details: { email?: string } }[]).map((entry) => entry.details.email)).toEqual(['late@x.org']);
  });
});
