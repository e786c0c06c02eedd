import { MongoClient } from 'mongodb';
import { openRepositories, type Repositories } from '../../src/store';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';
import { cli } from '../support/cliRunner';

const queuedId = (stdout: string) => /Queued broadcast (b-[a-f0-9]{10})/.exec(stdout)?.[1] ?? '';

describe('nextstep broadcast (in-process, real database)', () => {
  const savedEnv = { ...process.env };
  const connector = new FakeBotConnector();
  let client: MongoClient;
  let repos: Repositories;

  const teamsRef = (name: string) => ({
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: `conv-${name}`, conversationType: 'personal', tenantId: 't1' },
    user: { id: `user-${name}` },
    bot: { id: 'bot' },
  });

  beforeAll(async () => {
    await connector.start();
    const dbName = uniqueDbName();
    Object.assign(process.env, { MONGODB_URI: testDatabaseUri(), MONGODB_DB: dbName, LOG_LEVEL: 'silent', NODE_ENV: 'test', JOBS_ENABLED: 'false' });
    client = await MongoClient.connect(testDatabaseUri());
    expect((await cli('org', 'list')).code).toBe(0);
    repos = await openRepositories(client.db(dbName));
    await repos.staff.importDirectory('default', [
      { email: 'sam@school.org', name: 'Sam Lee', pathway: 'teaching', stage: 'ect', school: 'Oak Primary' },
      { email: 'kim@school.org', name: 'Kim Ode', pathway: 'teaching', stage: 'ect', school: 'Ash Academy' },
      { email: 'ali@school.org', name: 'Ali Khan', pathway: 'teaching', stage: 'ect', school: 'Oak Primary' },
      { email: 'dana@school.org', name: 'Dana Reid', pathway: 'teaching', stage: 'senior-leader', school: 'Oak Primary' },
      { email: 'gone@school.org', name: 'Lee Gone', pathway: 'teaching', stage: 'ect', school: 'Oak Primary' },
    ]);
    await repos.staff.update('default', 'gone@school.org', { active: false });
    for (const name of ['sam', 'kim', 'gone']) {
      await repos.references.save({ orgId: 'default', channel: 'teams', channelUserId: `user-${name}`, email: `${name}@school.org`, reference: teamsRef(name) });
    }
    await repos.opportunities.saveOne('default', {
      id: 'npq-leading-teaching',
      title: 'NPQ in Leading Teaching',
      summary: 'A funded national qualification for those who lead teaching in a subject or phase.',
      pathways: ['teaching'],
      stages: ['ect'],
      scope: 'national',
      kind: 'qualification',
      entitlement: 'optional',
    } as never);
    await repos.broadcastChannels.upsert({
      orgId: 'default',
      platform: 'teams',
      channelId: '19:staffroom@thread.tacv2',
      name: 'Staffroom',
      workspaceId: 't1',
      reference: JSON.stringify({ serviceUrl: connector.url, channelId: 'msteams', conversation: { id: '19:staffroom@thread.tacv2', conversationType: 'channel', tenantId: 't1' }, bot: { id: 'bot' } }),
    });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await client.close();
    await connector.stop();
  });

  it('refuses without a terminal and without --yes, after printing the count, and queues nothing', async () => {
    const run = await cli('broadcast', '--opportunity', 'npq-leading-teaching', '--stage', 'ect');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('recipients: 3');
    expect(run.stdout).toContain('1 have not used NextStep yet');
    expect(run.stderr).toContain('run again with --yes');
    expect(await repos.outbox.list({ purpose: 'broadcast' })).toHaveLength(0);
  });

  it('rejects bad input with one line per problem', async () => {
    const unknown = await cli('broadcast', '--opportunity', 'no-such-thing', '--yes');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('opportunity "no-such-thing" does not exist');
    const channel = await cli('broadcast', '--opportunity', 'npq-leading-teaching', '--channel', 'slack:CNOPE', '--yes');
    expect(channel.code).toBe(1);
    expect(channel.stderr).toContain('channel "slack:CNOPE" is not one the bot has been added to');
    const status = await cli('broadcast', 'status', 'nope');
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('is not a broadcast id');
  });

  it('queues one record per recipient, sends with --send-now, and reports status', async () => {
    const run = await cli('broadcast', '--opportunity', 'npq-leading-teaching', '--stage', 'ect', '--school', 'Oak Primary', '--channel', 'teams:19:staffroom@thread.tacv2', '--yes', '--send-now');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('people: 2');
    expect(run.stdout).toContain('channels: 1');
    expect(run.stdout).toContain('recipients: 3');
    const id = queuedId(run.stdout);
    const records = await repos.outbox.list({ campaign: id });
    expect(records.map((record) => record._id).sort()).toEqual([
      `default:broadcast:${id}:channel:teams:19:staffroom@thread.tacv2`,
      `default:broadcast:${id}:person:ali@school.org`,
      `default:broadcast:${id}:person:sam@school.org`,
    ]);
    expect(connector.to('conv-sam')).toHaveLength(1);
    expect(connector.to('19:staffroom@thread.tacv2')).toHaveLength(1);
    expect(connector.to('conv-gone')).toHaveLength(0);
    const card = JSON.stringify(connector.to('conv-sam')[0]);
    expect(card).toContain('NPQ in Leading Teaching');
    expect(card).toContain('saveOpportunity');
    expect(card).toContain('markInterest');

    const status = await cli('broadcast', 'status', id, '--format', 'json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ id, status: 'done', recipients: 3, sent: 2, failed: 0, unreachable: 1, pending: 0, cancelled: 0 });
  });

  it('cancels what is still pending and leaves sent records alone', async () => {
    const run = await cli('broadcast', '--opportunity', 'npq-leading-teaching', '--pathway', 'teaching', '--yes');
    const id = queuedId(run.stdout);
    expect(run.stdout).toContain('recipients: 4');
    const before = connector.sent.length;
    const cancel = await cli('broadcast', 'cancel', id);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toContain('Cancelled 2 pending messages.');
    const status = await cli('broadcast', 'status', id, '--format', 'json');
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'cancelled', sent: 0, unreachable: 2, pending: 0, cancelled: 2 });
    expect((await cli('jobs', 'run', 'nudges', '--now', '2027-01-01T08:00:00Z')).code).toBe(0);
    expect(connector.sent.length).toBe(before);
    expect((await repos.audit.list('default', new Date(0))).map((entry) => entry.action)).toEqual(expect.arrayContaining(['broadcast.queued', 'broadcast.cancelled']));
  });

  it('reports reach as json, csv and a table, matching the outbox', async () => {
    const records = await repos.outbox.list({ purpose: 'broadcast' });
    const json = await cli('report', 'reach', '--since', '2000-01-01', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      totals: { reached: number; cancelled: number };
      broadcasts: unknown[];
      notReached: { email: string }[];
    };
    expect(report.totals.reached).toBe(records.filter((record) => record.state === 'sent').length);
    expect(report.totals.cancelled).toBe(records.filter((record) => record.state === 'cancelled').length);
    expect(report.broadcasts).toHaveLength(2);
    expect(report.notReached.map((person) => person.email)).toEqual(['ali@school.org', 'dana@school.org', 'kim@school.org']);
    const csv = await cli('report', 'reach', '--since', '2000-01-01', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('section,group,reached,failed,unreachable,pending,cancelled,saved,interested');
    expect(csv.stdout).toContain('school,Oak Primary,1,0,');
    const table = await cli('report', 'reach', '--since', '2000-01-01');
    expect(table.stdout).toContain('Not reached by any broadcast since');
    const bad = await cli('report', 'reach', '--since', 'last tuesday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--since: "last tuesday" is not a date');
  });
});
