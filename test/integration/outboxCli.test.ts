import { expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { openRepositories, type Repositories } from '../../src/store';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';
import { cli } from '../support/cliRunner';

describe('nextstep jobs (in-process, real database)', () => {
  const savedEnv = { ...process.env };
  const connector = new FakeBotConnector();
  let client: MongoClient;
  let repos: Repositories;

  beforeAll(async () => {
    await connector.start();
    const dbName = uniqueDbName();
    Object.assign(process.env, { MONGODB_URI: testDatabaseUri(), MONGODB_DB: dbName, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    client = await MongoClient.connect(testDatabaseUri());
    expect((await cli('org', 'list')).code).toBe(0);
    repos = await openRepositories(client.db(dbName));
    await repos.staff.importDirectory('default', [
      { email: 'sam@school.org', name: 'Sam Lee', pathway: 'teaching', stage: 'ect', managerEmail: 'dana@school.org', nextDiscussion: '2027-03-17' },
      { email: 'ali@school.org', name: 'Ali Khan', pathway: 'teaching-assistant', stage: 'ta', nextDiscussion: '2027-03-17' },
      { email: 'dana@school.org', name: 'Dana Reid', pathway: 'teaching', stage: 'senior-leader' },
    ]);
    await repos.references.save({
      orgId: 'default',
      channel: 'teams',
      channelUserId: 'user-sam',
      email: 'sam@school.org',
      reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: 'conv-sam', conversationType: 'personal', tenantId: 't1' }, user: { id: 'user-sam' }, bot: { id: 'bot' } },
    });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await client.close();
    await connector.stop();
  });

  it('shows what a pass would send without writing or sending anything', async () => {
    const run = await cli('jobs', 'run', 'nudges', '--now', '2027-03-03T08:00:00Z', '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/nudge\s+sam@school\.org\s+their own discussion\s+would send/);
    expect(run.stdout).toMatch(/nudge\s+ali@school\.org\s+their own discussion\s+unreachable\s+has not talked to NextStep/);
    expect(run.stdout).toContain('needing a discussion: noDate 1 (1 with no manager to tell)');
    expect(await repos.outbox.counts()).toEqual([]);
    expect(connector.sent).toHaveLength(0);
  });

  it('runs a pass, sends the cards and reports the outbox', async () => {
    const run = await cli('jobs', 'run', 'nudges', '--now', '2027-03-03T08:00:00Z');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/nudge\s+sam@school\.org\s+their own discussion\s+sent/);
    expect(run.stdout).toContain('delivery: sent 1, failed 0, unreachable 0');
    expect(connector.to('conv-sam')).toHaveLength(1);

    const again = await cli('jobs', 'run', 'nudges', '--now', '2027-03-03T09:00:00Z');
    expect(again.stdout).toContain('delivery: sent 0');
    expect(connector.sent).toHaveLength(1);

    const status = await cli('jobs', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/default\s+nudge\s+sent\s+1/);
    expect(status.stdout).toMatch(/default\s+nudge\s+unreachable\s+1/);
    expect(status.stdout).toContain('nudge job: idle');
  });

  it('rejects a bad --now and an unknown job with one line each', async () => {
    expect(await cli('jobs', 'run', 'nudges', '--now', 'next tuesday')).toMatchObject({ code: 1, stderr: expect.stringContaining('--now') });
    expect(await cli('jobs', 'run', 'payroll')).toMatchObject({ code: 1, stderr: expect.stringContaining('job "payroll" does not exist') });
  });
});
