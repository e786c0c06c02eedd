import { MongoClient } from 'mongodb';
import { openRepositories, type Repositories } from '../../src/store';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { cli } from '../support/cliRunner';
import { SLACK_SIGNING_SECRET } from '../support/slackRequests';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

const queuedId = (stdout: string) => /Queued broadcast (b-[a-f0-9]{10})/.exec(stdout)?.[1] ?? '';

describe('nextstep channels sync|list and a broadcast to a Slack channel (in-process, real database)', () => {
  const savedEnv = { ...process.env };
  const slack = new FakeSlackApi();
  let client: MongoClient;
  let repos: Repositories;
  let opportunityId = '';

  const slackChannel = (orgId: string, channelId: string, name: string, workspaceId: string) =>
    repos.broadcastChannels.upsert({ orgId, platform: 'slack', channelId, name, workspaceId, reference: channelId });
  const byRef = async (orgId: string) =>
    new Map((await repos.broadcastChannels.list({ orgId, includeInactive: true })).map((doc) => [`${doc.platform}:${doc.channelId}`, doc]));

  beforeAll(async () => {
    await slack.start();
    const dbName = uniqueDbName();
    Object.assign(process.env, {
      MONGODB_URI: testDatabaseUri(),
      MONGODB_DB: dbName,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      JOBS_ENABLED: 'false',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    });
    expect((await cli('org', 'add', 'north', '--name', 'North Trust', '--slack-team', 'T1')).code).toBe(0);
    expect((await cli('org', 'add', 'south', '--name', 'South Trust', '--slack-team', 'T2')).code).toBe(0);
    client = await MongoClient.connect(testDatabaseUri());
    repos = await openRepositories(client.db(dbName));
    const [first] = await repos.opportunities.listForOrg('north');
    opportunityId = first?.opportunity.id ?? '';
    // Recorded before the sync: a channel the bot has since left, a Teams channel, and another trust's Slack channel.
    await slackChannel('north', 'C0LEFT', '#old-news', 'T1');
    await repos.broadcastChannels.upsert({ orgId: 'north', platform: 'teams', channelId: '19:staff@thread.tacv2', name: 'Staff › General', workspaceId: 'tenant-1', reference: '{}' });
    await slackChannel('south', 'C0SOUTH', '#south-staff', 'T2');
  });

  afterAll(async () => {
    process.env = savedEnv;
    await client.close();
    await slack.stop();
  });

  it('records every channel over two pages, marks the one the bot left inactive, and leaves other trusts alone', async () => {
    slack.teamId = 'T1';
    slack.channelPageSize = 2;
    slack.botChannels = [
      { id: 'C0STAFF', name: 'staffroom' },
      { id: 'C0CPD', name: 'cpd-news' },
      { id: 'G0SLT', name: 'senior-leaders' },
    ];
    const run = await cli('channels', 'sync');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Slack workspace T1 (north): 3 channels recorded, 1 the bot has left marked inactive.');

    const pages = slack.of('users.conversations');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ types: 'public_channel,private_channel', exclude_archived: 'true' });
    expect(pages[0]?.cursor).toBeUndefined();
    expect(pages[1]?.cursor).toBe('page-2');

    const north = await byRef('north');
    expect([...north.values()].filter((doc) => doc.active).map((doc) => [doc.channelId, doc.name, doc.workspaceId, doc.reference]).sort()).toEqual([
      ['19:staff@thread.tacv2', 'Staff › General', 'tenant-1', '{}'],
      ['C0CPD', '#cpd-news', 'T1', 'C0CPD'],
      ['C0STAFF', '#staffroom', 'T1', 'C0STAFF'],
      ['G0SLT', '#senior-leaders', 'T1', 'G0SLT'],
    ]);
    expect(north.get('slack:C0LEFT')?.active).toBe(false);
    const south = await byRef('south');
    expect([...south.values()].map((doc) => [doc.channelId, doc.active])).toEqual([['C0SOUTH', true]]);
    expect((await repos.audit.list('north', new Date(0))).map((entry) => entry.action)).toContain('channels.synced');
  });

  it('is idempotent: a second sync with the same channels writes nothing new and deactivates nothing', async () => {
    const before = await byRef('north');
    const run = await cli('channels', 'sync');
    expect(run.stdout).toContain('3 channels recorded, 0 the bot has left marked inactive.');
    const after = await byRef('north');
    for (const [ref, doc] of after) expect(doc.updatedAt.getTime()).toBe(before.get(ref)?.updatedAt.getTime());
  });

  it('refuses to sync a workspace no organisation owns', async () => {
    slack.teamId = 'T9';
    const run = await cli('channels', 'sync');
    slack.teamId = 'T1';
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No organisation owns Slack workspace T9');
    expect((await byRef('south')).get('slack:C0SOUTH')?.active).toBe(true);
  });

  it('lists active channels with the ref a broadcast takes, per organisation or all of them', async () => {
    const north = await cli('channels', 'list', '--org', 'north', '--format', 'json');
    expect(north.code).toBe(0);
    const rows = JSON.parse(north.stdout) as { org: string; ref: string; name: string }[];
    expect(rows.map((row) => row.ref).sort()).toEqual(['slack:C0CPD', 'slack:C0STAFF', 'slack:G0SLT', 'teams:19:staff@thread.tacv2']);
    const table = await cli('channels', 'list');
    expect(table.stdout).toMatch(/south\s+slack:C0SOUTH\s+#south-staff/);
    expect(table.stdout).not.toContain('C0LEFT');
    const all = await cli('channels', 'list', '--org', 'north', '--all');
    expect(all.stdout).toMatch(/slack:C0LEFT\s+#old-news\s+T1\s+no/);
    const unknown = await cli('channels', 'list', '--org', 'nowhere');
    expect(unknown.code).toBe(1);
  });

  it('broadcasts to a Slack channel as one chat.postMessage and records it sent', async () => {
    const posted = slack.posted().length;
    const run = await cli('broadcast', '--org', 'north', '--opportunity', opportunityId, '--channel', 'slack:C0STAFF', '--yes', '--send-now');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('people: 0');
    expect(run.stdout).toContain('channels: 1');
    const id = queuedId(run.stdout);
    const posts = slack.posted().slice(posted);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe('C0STAFF');
    const title = (await repos.opportunities.get('north', opportunityId))?.opportunity.title ?? '';
    expect(JSON.stringify(posts[0])).toContain(title);
    expect(slack.of('conversations.open')).toHaveLength(0);
    const records = await repos.outbox.list({ campaign: id });
    expect(records.map((record) => [record._id, record.state, record.address?.workspaceId])).toEqual([
      [`north:broadcast:${id}:channel:slack:C0STAFF`, 'sent', 'T1'],
    ]);
  });

  it('refuses at preview a Slack channel the bot has left, or one of another trust, and queues nothing', async () => {
    const before = (await repos.outbox.list({ purpose: 'broadcast' })).length;
    const left = await cli('broadcast', '--org', 'north', '--opportunity', opportunityId, '--channel', 'slack:C0LEFT', '--yes');
    expect(left.code).toBe(1);
    expect(left.stderr).toContain('channel "slack:C0LEFT" is not one the bot has been added to');
    const theirs = await cli('broadcast', '--org', 'north', '--opportunity', opportunityId, '--channel', 'slack:C0SOUTH', '--yes');
    expect(theirs.code).toBe(1);
    expect(theirs.stderr).toContain('channel "slack:C0SOUTH" is not one the bot has been added to');
    expect(await repos.outbox.list({ purpose: 'broadcast' })).toHaveLength(before);
  });
});
