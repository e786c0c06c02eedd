import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { cli } from '../support/cliRunner';
import { eventBody, signed, SLACK_SIGNING_SECRET, waitFor } from '../support/slackRequests';
import { actionData, cardsOf, teamsConversation, type Card } from '../support/teamsConversation';
import { startTestApp, type TestApp } from '../support/testApp';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

/**
 * Two organisations with the same person (same email) in both. Everything one organisation holds
 * is marked with words only it uses, so a leak shows up as the other organisation's marker.
 */
const SHARED = 'sam.both@trusts.org';
const ORGS = {
  default: { tenant: 'tenant-1', slackTeam: 'T1', name: 'Sam Southdown', school: 'Southdown Primary', manager: 'dana.south@trusts.org', saves: 'shadow-a-colleague', slackUser: 'USOUTH' },
  north: { tenant: 'tenant-north', slackTeam: 'TNORTH', name: 'Sam Northgate', school: 'Northgate Academy', manager: 'nia.north@trusts.org', saves: 'job-swap', slackUser: 'UNORTH' },
} as const;
type OrgId = keyof typeof ORGS;
const OTHER: Record<OrgId, OrgId> = { default: 'north', north: 'default' };
// Opportunity ids are not markers: both organisations use the default map, so both catalogues hold them.
const markersOf = (org: OrgId) => [ORGS[org].name, ORGS[org].school, ORGS[org].manager, `conv-${org}`, ORGS[org].slackUser];

describe('two organisations with overlapping emails: nothing crosses', () => {
  const savedEnv = { ...process.env };
  const connector = new FakeBotConnector();
  const slack = new FakeSlackApi();
  let app: TestApp;
  let client: MongoClient;
  let db: Db;
  const teams = teamsConversation(() => app, connector);
  const who = (org: OrgId) => teams.personIn(`conv-${org}`, `aad-sam-${org}`, SHARED, ORGS[org].name, ORGS[org].tenant);

  beforeAll(async () => {
    await connector.start();
    await slack.start();
    const dbName = uniqueDbName();
    Object.assign(process.env, { MONGODB_URI: testDatabaseUri(), MONGODB_DB: dbName, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    client = await MongoClient.connect(testDatabaseUri());
    db = client.db(dbName);

    const dir = mkdtempSync(path.join(tmpdir(), 'isolation-'));
    for (const org of Object.keys(ORGS) as OrgId[]) {
      const o = ORGS[org];
      expect((await cli('org', 'add', org, '--teams-tenant', o.tenant, '--slack-team', o.slackTeam)).code).toBe(0);
      const file = path.join(dir, `${org}.csv`);
      writeFileSync(
        file,
        [
          'email,name,pathway,stage,school,managerEmail,nextDiscussion',
          `${SHARED},${o.name},teaching,developing,${o.school},${o.manager},2027-03-17`,
          `${o.manager},Manager of ${o.school},teaching,middle-leader,${o.school},,`,
        ].join('\n'),
      );
      const imported = await cli('import', 'staff', file, '--org', org);
      expect(imported.code).toBe(0);
    }
    expect((await cli('admin', 'grant', SHARED, '--org', 'default')).code).toBe(0);

    const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url };
    Object.assign(process.env, slackEnv);
    app = await startTestApp({ MONGODB_DB: dbName, ...slackEnv });
    for (const org of Object.keys(ORGS) as OrgId[]) slack.users.set(ORGS[org].slackUser, { real_name: ORGS[org].name, email: SHARED });
  });

  afterAll(async () => {
    await app?.stop();
    await client.close();
    await connector.stop();
    await slack.stop();
    process.env = savedEnv;
  });

  it('in Teams, each organisation sees only its own profile, plan, CPD and admin role', async () => {
    for (const org of Object.keys(ORGS) as OrgId[]) {
      await teams.say(who(org), 'hi');
      await teams.submit(who(org), { action: 'saveOpportunity', opportunityId: ORGS[org].saves });
      await teams.submit(who(org), { action: 'setPlanStatus', opportunityId: ORGS[org].saves, status: 'completed' });
    }
    for (const org of Object.keys(ORGS) as OrgId[]) {
      const answers = JSON.stringify([
        ...(await teams.say(who(org), 'show my plan')),
        ...(await teams.say(who(org), 'my profile')),
        ...(await teams.say(who(org), 'show my data')),
        ...(await teams.say(who(org), 'what can I do next?')),
      ]);
      expect(answers).toContain(ORGS[org].name);
      for (const marker of markersOf(OTHER[org])) expect(answers).not.toContain(marker);
      expect((await app.repos.plans.list(org, SHARED)).map((item) => item.opportunityId)).toEqual([ORGS[org].saves]);
      expect((await app.repos.cpd.list(org, SHARED)).map((entry) => entry.opportunityId)).toEqual([ORGS[org].saves]);
    }
    const northAdmins = await teams.say(who('north'), 'list admins');
    expect(JSON.stringify(northAdmins)).not.toContain(SHARED);
    const defaultAdmins = JSON.stringify(cardsOf(await teams.say(who('default'), 'list admins')));
    expect(defaultAdmins).toContain(SHARED);
    // A card pressed in one organisation acts there only.
    const plan = cardsOf(await teams.say(who('north'), 'show my plan'))[0] as Card;
    expect(actionData(plan).map((data) => data.opportunityId).filter(Boolean)).not.toContain(ORGS.default.saves);
  });

  it('in Slack, each workspace answers from its own organisation', async () => {
    for (const org of Object.keys(ORGS) as OrgId[]) {
      const o = ORGS[org];
      const channel = `D-${org}`;
      const before = slack.posted().filter((m) => m.channel === channel).length;
      for (const text of ['hi', 'show my plan']) {
        const body = eventBody({ type: 'message', channel_type: 'im', channel, user: o.slackUser, text, ts: `${Date.now() / 1000}` }, o.slackTeam);
        expect((await app.post('/slack/events', body, signed(body))).status).toBe(200);
      }
      const posted = await waitFor(() => {
        const now = slack.posted().filter((m) => m.channel === channel).slice(before);
        return JSON.stringify(now).includes('Completed') ? now : undefined;
      });
      const text = JSON.stringify(posted);
      expect(text).toContain(o.name);
      for (const marker of markersOf(OTHER[org])) expect(text).not.toContain(marker);
    }
  });

  it('the CLI reads and writes one organisation at a time: next, admin list, audit', async () => {
    for (const org of Object.keys(ORGS) as OrgId[]) {
      const next = await cli('next', '--email', SHARED, '--org', org);
      expect(next.code).toBe(0);
      expect(next.stdout).toContain(ORGS[org].name);
      for (const marker of markersOf(OTHER[org])) expect(next.stdout).not.toContain(marker);

      const audit = await cli('audit', '--since', '2000-01-01', '--org', org, '--format', 'json');
      expect(audit.code).toBe(0);
      for (const marker of markersOf(OTHER[org])) expect(audit.stdout).not.toContain(marker);
    }
    expect((await cli('admin', 'list', '--org', 'north', '--format', 'json')).stdout).not.toContain(SHARED);
    expect((await cli('admin', 'list', '--org', 'default', '--format', 'json')).stdout).toContain(SHARED);
  });

  it('the nudge job plans and delivers each organisation\'s nudge to that organisation\'s chat only', async () => {
    // The fake opens a direct message with user U as channel DU.
    const sentTo = (org: OrgId) => slack.posted().filter((m) => m.channel === `D${ORGS[org].slackUser}`);
    const before = { default: sentTo('default').length, north: sentTo('north').length };
    const run = await cli('jobs', 'run', 'nudges', '--now', '2027-03-03T08:00:00Z');
    expect(run.code).toBe(0);
    for (const org of Object.keys(ORGS) as OrgId[]) {
      const records = await db.collection('outbox').find({ orgId: org, recipientEmail: SHARED }).toArray();
      expect(records).toHaveLength(1);
      const serialised = JSON.stringify(records);
      // The person last spoke in Slack: the nudge goes to their user in this organisation's workspace.
      expect(records[0]?.address).toEqual({ channel: 'slack', workspaceId: ORGS[org].slackTeam, target: ORGS[org].slackUser });
      expect(records[0]?.state).toBe('sent');
      for (const marker of markersOf(OTHER[org])) expect(serialised).not.toContain(marker);
      const delivered = JSON.stringify(sentTo(org).slice(before[org]));
      expect(delivered).toContain(ORGS[org].name);
      expect(delivered.length).toBeGreaterThan(2);
      for (const marker of markersOf(OTHER[org])) expect(delivered).not.toContain(marker);
    }
  });

  it('no stored document of one organisation holds anything of the other', async () => {
    const leaks: string[] = [];
    for (const info of await db.listCollections().toArray()) {
      for (const doc of await db.collection(info.name).find({}).toArray()) {
        const text = JSON.stringify(doc);
        const orgId = typeof doc.orgId === 'string' ? doc.orgId : /^memory:([^:]+):/.exec(String(doc._id))?.[1];
        if (orgId !== 'default' && orgId !== 'north') continue;
        for (const marker of markersOf(OTHER[orgId])) if (text.includes(marker)) leaks.push(`${info.name} ${String(doc._id)}: ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
