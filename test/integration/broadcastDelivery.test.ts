import { createTeamsTransport } from '../../src/channels/teams/teamsTransport';
import { loadConfig } from '../../src/config';
import { ensureDefaultOrganisation } from '../../src/core/careerMap/seedOrganisation';
import { previewBroadcast, queueBroadcast } from '../../src/jobs/broadcasts/planBroadcast';
import { reachReport } from '../../src/jobs/broadcasts/reachReport';
import { runBroadcastPass } from '../../src/jobs/broadcasts/runBroadcastPass';
import { broadcastRequestSchema } from '../../src/jobs/broadcasts/schema';
import { buildNudgeJob, type NudgeJobParts } from '../../src/jobs/nudgeJob';
import type { OutboxRecord } from '../../src/delivery/types';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { silentLogger } from '../support/silentLogger';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const PEOPLE = 300;
const email = (index: number) => `p${String(index).padStart(3, '0')}@school.org`;
const conversation = (index: number) => `conv-p${String(index).padStart(3, '0')}`;
const SCHOOLS = ['Ash Academy', 'Oak Primary', 'Elm High'];

/** Every 15th person has never talked to the bot; every 29th has removed it (403); every 31st is told 429 first. */
const hasReference = (index: number) => index % 15 !== 0;
const blocked = (index: number) => hasReference(index) && index % 29 === 0;
const throttled = (index: number) => hasReference(index) && !blocked(index) && index % 31 === 0;

describe('a broadcast to a few hundred people through the stand-in Bot Connector', () => {
  const connector = new FakeBotConnector();
  let database: TestDatabase;
  const jobs: NudgeJobParts[] = [];

  function job(database: TestDatabase, hooks?: NonNullable<Parameters<typeof buildNudgeJob>[4]>['sender']): NudgeJobParts {
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: database.uri, MONGODB_DB: database.name, LOG_LEVEL: 'silent' });
    const parts = buildNudgeJob(config, database.repos, [createTeamsTransport(config.teams, silentLogger())], silentLogger(), {
      sender: { leaseMs: 500, batchSize: 50, concurrency: 8, retry: { baseDelayMs: 5 }, ...hooks },
    });
    jobs.push(parts);
    return parts;
  }

  beforeAll(async () => {
    await connector.start();
    database = await openTestDatabase();
    const { repos } = database;
    await ensureDefaultOrganisation(repos);
    await repos.staff.importDirectory(
      'default',
      Array.from({ length: PEOPLE }, (_, index) => ({
        email: email(index),
        name: `Person ${index}`,
        pathway: index % 2 === 0 ? 'teaching' : 'teaching-assistant',
        stage: index % 2 === 0 ? 'ect' : 'ta',
        school: SCHOOLS[index % 3] as string,
      })),
    );
    for (let index = 0; index < PEOPLE; index += 1) {
      if (!hasReference(index)) continue;
      await repos.references.save({
        orgId: 'default',
        channel: 'teams',
        channelUserId: `user-${index}`,
        email: email(index),
        reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: conversation(index), conversationType: 'personal', tenantId: 't1' }, user: { id: `user-${index}` }, bot: { id: 'bot' } },
      });
      if (blocked(index)) connector.block(conversation(index), 403);
      if (throttled(index)) connector.script(conversation(index), { status: 429, headers: { 'Retry-After': '1' } });
    }
    await repos.opportunities.saveOne('default', {
      id: 'trust-job-swap',
      title: 'Job swap across the trust',
      summary: 'Spend a week in the same role at another school in the trust.',
      pathways: ['teaching', 'teaching-assistant'],
      stages: ['ect', 'ta'],
      scope: 'trust',
      kind: 'informal',
      entitlement: 'optional',
    } as never);
  });

  afterAll(async () => {
    await Promise.all(jobs.map((parts) => parts.limits.stop()));
    await database.dispose();
    await connector.stop();
  });

  it('ends every recipient sent, failed or unreachable, none twice, after a runner dies mid-broadcast and another takes over', async () => {
    const { repos } = database;
    await repos.plans.add('default', email(2), 'trust-job-swap', new Date(Date.now() - 60_000)); // saved before: not engagement
    const request = broadcastRequestSchema.parse({ opportunityId: 'trust-job-swap' });
    const audience = await previewBroadcast(repos, 'default', request);
    expect(audience.recipients).toBe(PEOPLE);
    const { broadcast } = await queueBroadcast(repos, audience, request, 'admin@school.org');
    expect(await repos.outbox.list({ campaign: broadcast.id })).toHaveLength(PEOPLE);

    // The first runner dies on its third page: after marking those records "sending", before sending them.
    let pages = 0;
    const first = job(database, {
      hooks: {
        beforeSend: async () => {
          pages += 1;
          if (pages === 3) throw new Error('process killed');
        },
      },
    });
    await expect(runBroadcastPass(first, { waitMs: 0 })).rejects.toThrow('process killed');
    const afterKill = await repos.broadcasts.deliveryCounts('default', broadcast.id);
    expect(afterKill.sending).toBeGreaterThan(0);
    expect(afterKill.pending + afterKill.sending).toBeGreaterThan(0);

    // The restarted process takes over once the dead runner's lease has run out.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const second = job(database);
    const delivery = await runBroadcastPass(second, { waitMs: 10_000 });
    expect(delivery).toBeDefined();

    const records = await repos.outbox.list({ campaign: broadcast.id });
    const states = new Map<string, number>();
    for (const record of records) states.set(record.state, (states.get(record.state) ?? 0) + 1);
    const reachable = Array.from({ length: PEOPLE }, (_, index) => index).filter((index) => hasReference(index) && !blocked(index));
    expect(Object.fromEntries(states)).toEqual({ sent: reachable.length, unreachable: PEOPLE - reachable.length });

    // At the connector: each reachable person exactly one card, nobody else any.
    const perConversation = new Map<string, number>();
    for (const sent of connector.sent) perConversation.set(sent.conversationId, (perConversation.get(sent.conversationId) ?? 0) + 1);
    expect(perConversation.size).toBe(reachable.length);
    expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
    for (const index of reachable) expect(perConversation.get(conversation(index))).toBe(1);
    expect(connector.refused.filter((refusal) => refusal.status === 429).length).toBeGreaterThan(0);
    expect(connector.refused.filter((refusal) => refusal.status === 403).length).toBeGreaterThan(0);
    const byRecipient = (record: OutboxRecord) => record.recipientEmail;
    expect(new Set(records.map(byRecipient)).size).toBe(PEOPLE);
  });

  it("counts the reach report from the broadcast's records, with engagement after it and the people it missed", async () => {
    const { repos } = database;
    const records = (await repos.outbox.list({ purpose: 'broadcast' })).filter((record) => record.orgId === 'default');
    const sent = records.filter((record) => record.state === 'sent').map((record) => record.recipientEmail as string);
    // Three reached people save it after the broadcast (p002 saved it before: not counted); two press "I'm interested".
    expect(sent).toContain(email(2));
    const engaged = sent.filter((person) => person !== email(2));
    for (const person of [email(2), ...engaged.slice(0, 3)]) await repos.plans.add('default', person, 'trust-job-swap');
    for (const person of engaged.slice(0, 2)) await repos.audit.record('default', person, 'opportunity.interest', { opportunityId: 'trust-job-swap' });

    const report = await reachReport(repos, 'default', new Date(Date.now() - 3_600_000), { months: 3 });
    expect(report.broadcasts).toHaveLength(1);
    const [only] = report.broadcasts;
    expect(only).toMatchObject({ status: 'done', recipients: PEOPLE, saved: 3, interested: 2 });
    expect(only?.counts.sent).toBe(sent.length);
    expect(only?.counts.unreachable).toBe(records.filter((record) => record.state === 'unreachable').length);
    expect(report.totals).toMatchObject({ reached: sent.length, failed: 0, unreachable: PEOPLE - sent.length, pending: 0 });

    const staff = new Map(Array.from({ length: PEOPLE }, (_, index) => [email(index), index]));
    const expectedBy = (group: (index: number) => string) => {
      const rows = new Map<string, { reached: number; unreachable: number }>();
      for (const record of records) {
        const key = group(staff.get(record.recipientEmail as string) as number);
        const row = rows.get(key) ?? { reached: 0, unreachable: 0 };
        if (record.state === 'sent') row.reached += 1;
        else row.unreachable += 1;
        rows.set(key, row);
      }
      return [...rows].map(([key, row]) => ({ group: key, failed: 0, ...row })).sort((a, b) => a.group.localeCompare(b.group));
    };
    expect(report.bySchool).toEqual(expectedBy((index) => SCHOOLS[index % 3] as string));
    expect(report.byPathway).toEqual(expectedBy((index) => (index % 2 === 0 ? 'teaching' : 'teaching-assistant')));
    expect(report.byStage).toEqual(expectedBy((index) => (index % 2 === 0 ? 'teaching/ect' : 'teaching-assistant/ta')));
    const missed = records.filter((record) => record.state !== 'sent').map((record) => record.recipientEmail).sort();
    expect(report.notReached.map((person) => person.email)).toEqual(missed);
  });
});
