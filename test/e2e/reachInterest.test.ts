import { createTeamsTransport } from '../../src/channels/teams/teamsTransport';
import { loadConfig } from '../../src/config';
import { createBroadcastDesk } from '../../src/jobs/broadcasts/desk';
import { reachReport } from '../../src/jobs/broadcasts/reachReport';
import { runBroadcastPass } from '../../src/jobs/broadcasts/runBroadcastPass';
import { buildNudgeJob } from '../../src/jobs/nudgeJob';
import type { ActivityOptions } from '../support/activities';
import { silentLogger } from '../support/silentLogger';
import { cardsOf, teamsConversation } from '../support/teamsConversation';
import { testDatabaseUri } from '../support/testDatabase';
import { useTeamsApp } from '../support/useTeamsApp';

const ORG = 'default';
const PEOPLE = 8;
const email = (index: number) => `r${index}@school.org`;

/**
 * "I'm interested" on an opportunity nobody owns used to leave no record, so the reach report
 * counted nobody. Every press is now recorded once per person and opportunity.
 */
describe('the reach report counts every "I\'m interested" press once, owner or not', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org' });
  const { personIn, say, submit } = teamsConversation(() => bot.app, bot.connector);
  const people: ActivityOptions[] = [];

  beforeAll(async () => {
    await bot.app.repos.staff.importDirectory(
      ORG,
      Array.from({ length: PEOPLE }, (_, index) => ({ email: email(index), name: `Reach Person ${index}`, pathway: 'teaching', stage: 'ect' })),
    );
  });

  it('matches the presses and saves made after the broadcast, in the report and the chat summary', async () => {
    const { repos } = bot.app;
    const stored = await repos.opportunities.listForOrg(ORG);
    const ownerless = stored.map((entry) => entry.opportunity).find((item) => !item.owner && item.pathways.includes('teaching'));
    if (!ownerless) throw new Error('the default map has an opportunity without an owner');

    // Everyone but the last person talks to the bot, so the broadcast can reach them.
    for (let index = 0; index < PEOPLE; index += 1) {
      people.push(personIn(`conv-r${index}`, `user-r${index}`, email(index), `Reach Person ${index}`));
      if (index < PEOPLE - 1) await say(people[index] as ActivityOptions, 'hi');
    }
    // Person 6 was interested before the broadcast: not the broadcast's doing, so not counted.
    await submit(people[6] as ActivityOptions, { action: 'markInterest', opportunityId: ownerless.id });

    const queued = await createBroadcastDesk(repos).queue(ORG, { opportunityId: ownerless.id }, 'head@school.org', 'reach-preview');
    if (!queued.ok) throw new Error(queued.problems.join(' '));
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: testDatabaseUri(), MONGODB_DB: bot.app.dbName, LOG_LEVEL: 'silent' });
    const job = buildNudgeJob(config, repos, [createTeamsTransport(config.teams, silentLogger())], silentLogger(), { sender: { retry: { baseDelayMs: 5 } } });
    await runBroadcastPass(job, { waitMs: 5_000 });
    const records = await repos.outbox.list({ campaign: queued.progress.id });
    const reached = new Set(records.filter((record) => record.state === 'sent').map((record) => record.recipientEmail));
    expect(reached.size).toBe(PEOPLE - 1);

    // After it: 0, 1 and 2 press "I'm interested" (1 twice), 3 only saves, 6 presses again; 7 was never reached but presses too.
    const presses: [number, Record<string, unknown>][] = [
      [0, { action: 'markInterest', opportunityId: ownerless.id }],
      [1, { action: 'markInterest', opportunityId: ownerless.id }],
      [1, { action: 'markInterest', opportunityId: ownerless.id }],
      [2, { action: 'markInterest', opportunityId: ownerless.id }],
      [3, { action: 'saveOpportunity', opportunityId: ownerless.id }],
      [6, { action: 'markInterest', opportunityId: ownerless.id }],
      [7, { action: 'markInterest', opportunityId: ownerless.id }],
    ];
    for (const [index, value] of presses) await submit(people[index] as ActivityOptions, value);

    // The truth, from what happened above: first press (or save) after the broadcast, by someone it reached.
    const firstPressAfter = new Set(presses.filter(([index, value]) => value.action === 'markInterest' && index !== 6).map(([index]) => email(index)));
    const expectedInterested = [...firstPressAfter].filter((person) => reached.has(person)).length;
    const savedAfter = new Set(presses.filter(([index]) => index !== 6).map(([index]) => email(index)));
    const expectedSaved = [...savedAfter].filter((person) => reached.has(person)).length;
    expect([expectedInterested, expectedSaved]).toEqual([3, 4]);

    const report = await reachReport(repos, ORG, new Date(Date.now() - 3_600_000));
    expect(report.broadcasts).toHaveLength(1);
    expect(report.broadcasts[0]).toMatchObject({ interested: expectedInterested, saved: expectedSaved });
    expect(report.totals).toMatchObject({ interested: expectedInterested, saved: expectedSaved, reached: PEOPLE - 1 });

    // Nobody owns the opportunity, so no owner was told and nothing was audited as a message to one.
    const audit = await repos.audit.list(ORG, new Date(0));
    expect(audit.filter((entry) => entry.action === 'opportunity.interest')).toEqual([]);

    const head = personIn('conv-head', 'user-head', 'head@school.org', 'Head');
    await say(head, 'hi');
    const summary = JSON.stringify(cardsOf(await say(head, 'reach report')));
    expect(summary).toContain(`"title":"Interested","value":"${expectedInterested}"`);
    expect(summary).toContain(`"title":"Saved to a plan","value":"${expectedSaved}"`);
  });

  it('keeps counting a person once when the owner could not be told and they press again', async () => {
    const { repos } = bot.app;
    const owned = (await repos.opportunities.listForOrg(ORG)).map((entry) => entry.opportunity).find((item) => item.owner && item.pathways.includes('teaching'));
    if (!owned) throw new Error('the default map has an opportunity with an owner');
    const queued = await createBroadcastDesk(repos).queue(ORG, { opportunityId: owned.id }, 'head@school.org', 'owned-preview');
    if (!queued.ok) throw new Error(queued.problems.join(' '));
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: testDatabaseUri(), MONGODB_DB: bot.app.dbName, LOG_LEVEL: 'silent' });
    await runBroadcastPass(buildNudgeJob(config, repos, [createTeamsTransport(config.teams, silentLogger())], silentLogger()), { waitMs: 5_000 });

    // The owner has never talked to the bot: each press is audited as not delivered, and may try again.
    const presser = people[4] as ActivityOptions;
    const first = await submit(presser, { action: 'markInterest', opportunityId: owned.id });
    const second = await submit(presser, { action: 'markInterest', opportunityId: owned.id });
    for (const answer of [first, second]) expect(answer.map((activity) => activity.text).join(' ')).toContain("hasn't used NextStep yet");
    const audited = (await repos.audit.list(ORG, new Date(0))).filter((entry) => entry.action === 'opportunity.interest' && entry.actor === email(4));
    expect(audited.map((entry) => entry.details.delivered)).toEqual([false, false]);

    const report = await reachReport(repos, ORG, new Date(Date.now() - 3_600_000));
    const row = report.broadcasts.find((broadcast) => broadcast.id === queued.progress.id);
    expect(row).toMatchObject({ interested: 1, saved: 1 });
  });
});
