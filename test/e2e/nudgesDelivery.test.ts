import { expect } from '@jest/globals';
import { loadConfig, type AppConfig } from '../../src/config';
import { createTeamsTransport } from '../../src/channels/teams/teamsTransport';
import { buildNudgeJob, type NudgeJobParts } from '../../src/jobs/nudgeJob';
import { runNudgePass } from '../../src/jobs/nudges/runNudgePass';
import { cardActionInvoke, messageActivity, type ActivityOptions } from '../support/activities';
import { silentLogger } from '../support/silentLogger';
import { testDatabaseUri } from '../support/testDatabase';
import { useTeamsApp } from '../support/useTeamsApp';

type Card = Record<string, unknown>;

/** 08:00 in London on a given date (GMT in December). */
const eightAm = (date: string) => new Date(`${date}T08:00:00Z`);

function firstText(card: Card): string {
  const body = (card.body as { text?: string }[] | undefined) ?? [];
  return body.find((block) => typeof block.text === 'string')?.text ?? '';
}

describe('nudges end to end: a small directory over several simulated days', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  let job: NudgeJobParts;
  const pauses: number[] = [];
  const people = new Map<string, ActivityOptions>();
  const delivered: string[] = [];

  const directory = [
    { email: 'dana@school.org', name: 'Dana Reid', pathway: 'teaching', stage: 'senior-leader', role: 'staff' as const, nextDiscussion: '2027-06-01' },
    { email: 'sam@school.org', name: 'Sam Lee', pathway: 'teaching', stage: 'ect', role: 'staff' as const, managerEmail: 'dana@school.org', nextDiscussion: '2026-12-16' },
    { email: 'ali@school.org', name: 'Ali Khan', pathway: 'teaching-assistant', stage: 'ta', role: 'staff' as const, managerEmail: 'dana@school.org', nextDiscussion: '2026-12-16' },
    { email: 'lee@school.org', name: 'Lee Ward', pathway: 'teaching', stage: 'developing', role: 'staff' as const, managerEmail: 'dana@school.org', nextDiscussion: '2026-12-16' },
    { email: 'jo@school.org', name: 'Jo Bell', pathway: 'business-operations', stage: 'officer', role: 'staff' as const, managerEmail: 'dana@school.org' },
    { email: 'kim@school.org', name: 'Kim Park', pathway: 'teaching', stage: 'middle-leader', role: 'staff' as const, nextDiscussion: '2026-12-04' },
  ];

  /** Cards each person received since the last call, by the first line of the card. */
  function received(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [name, who] of people) {
      const cards = connector
        .to(who.conversationId)
        .flatMap((activity) => (activity.attachments ?? []).map((attachment) => attachment.content as Card));
      if (cards.length > 0) result[name] = cards.map(firstText);
      delivered.push(...cards.map((card) => `${name}:${JSON.stringify(card)}`));
    }
    connector.clear();
    return result;
  }

  async function say(name: string, text: string) {
    const who = people.get(name) as ActivityOptions;
    const response = await bot.app.post('/api/messages', messageActivity(who, text));
    expect(response.status).toBe(200);
  }

  async function pass(date: string) {
    const result = await runNudgePass(job, eightAm(date), { waitMs: 5_000 });
    expect(result.ran).toBe(true);
    return result;
  }

  beforeAll(async () => {
    await bot.app.repos.staff.importDirectory('default', directory);
    // Everyone except Lee has talked to the bot, so there is a conversation to reach them in.
    for (const person of directory.filter((p) => p.email !== 'lee@school.org')) {
      const key = person.email.split('@')[0] as string;
      const who: ActivityOptions = { serviceUrl: connector.url, conversationId: `conv-${key}`, userId: `user-${key}`, userName: person.name };
      connector.members.set(who.userId, { id: who.userId, name: person.name, email: person.email, userPrincipalName: person.email });
      people.set(key, who);
      await say(key, 'hello');
    }
    connector.clear();

    const config: AppConfig = loadConfig({ NODE_ENV: 'test', MONGODB_URI: testDatabaseUri(), MONGODB_DB: bot.app.dbName, LOG_LEVEL: 'silent' });
    job = buildNudgeJob(config, bot.app.repos, [createTeamsTransport(config.teams, silentLogger())], silentLogger());
    const pause = job.limits.pause.bind(job.limits);
    job.limits.pause = (address, ms) => {
      pauses.push(ms);
      pause(address, ms);
    };
  });

  it('sends exactly the expected cards day by day, honouring a 429 and recording a 403', async () => {
    // Kim removed the app. Dana's first sends are refused with 429 and Retry-After: 1 — more often
    // than the Bot Connector client retries by itself, so the outbox has to back off too.
    connector.block('conv-kim', 403);
    const tooMany = { status: 429, headers: { 'Retry-After': '1' } };
    connector.script('conv-dana', tooMany, tooMany, tooMany, tooMany);

    // Wednesday 2 December: 14 days before Sam's, Ali's and Lee's discussions; 2 before Kim's.
    const first = await pass('2026-12-02');
    expect(connector.refused.filter((refusal) => refusal.status === 429)).toHaveLength(4);
    expect(connector.refused.filter((refusal) => refusal.status === 403)).toHaveLength(1);
    expect(received()).toEqual({
      sam: ['Your careers discussion is in 14 days'],
      ali: ['Your careers discussion is in 14 days'],
      dana: ['Careers discussions to arrange'],
    });
    expect(pauses).toEqual([1000]);
    expect(first.delivery).toMatchObject({ sent: 3, unreachable: 1, failed: 0 });
    expect(first.plans[0]).toMatchObject({ flagged: { noDate: 1 }, flaggedWithoutManager: 0 });
    const kim = await bot.app.repos.outbox.get('default:nudge:kim@school.org:2026-12-04:2');
    expect(kim).toMatchObject({ state: 'unreachable', reason: expect.stringContaining('403') });
    const lee = await bot.app.repos.outbox.get('default:nudge:lee@school.org:2026-12-16:14');
    expect(lee).toMatchObject({ state: 'unreachable', reason: expect.stringContaining('has not talked to NextStep') });

    // The same day again (a second replica, or a restart): nothing new.
    const again = await pass('2026-12-02');
    expect(received()).toEqual({});
    expect(again.delivery).toMatchObject({ sent: 0 });

    // Wednesday 9 December: a week before, Dana gets one digest for all three reports (Lee included).
    await pass('2026-12-09');
    expect(received()).toEqual({ dana: ['3 careers discussions coming up'] });

    // Sam opts out before Monday 14 December, when the 2-day nudges open.
    await say('sam', 'stop reminders');
    expect((await bot.app.repos.nudgePreferences.get('default', 'sam@school.org')).optedOut).toBe(true);
    connector.clear();
    await pass('2026-12-14');
    expect(received()).toEqual({ ali: ['Your careers discussion is in 2 days'] });

    // Tuesday 15 December: the day-before digest for Dana.
    await pass('2026-12-15');
    expect(received()).toEqual({ dana: ['3 careers discussions coming up'] });

    // The day itself: nothing. The day after, nobody has marked the discussions as held, so Dana is
    // asked to arrange them (level playing field), and nobody is nudged any more.
    await pass('2026-12-16');
    expect(received()).toEqual({});
    await pass('2026-12-17');
    const overdue = connector.to('conv-dana').map((activity) => JSON.stringify(activity.attachments));
    expect(received()).toEqual({ dana: ['Careers discussions to arrange'] });
    for (const name of ['Sam Lee', 'Ali Khan', 'Lee Ward']) expect(overdue.join()).toContain(name);
    expect(overdue.join()).not.toContain('Jo Bell'); // already raised this month

    const records = await bot.app.repos.outbox.list({ orgId: 'default' });
    const sent = records.filter((record) => record.state === 'sent');
    const lost = records.filter((record) => record.state === 'pending' || record.state === 'sending' || record.state === 'failed');
    const duplicates = delivered.length - new Set(delivered).size;
    console.log(
      `nudges e2e: ${delivered.length} cards delivered from ${sent.length} sent records; ${records.length - sent.length} unreachable; duplicates ${duplicates}; lost ${lost.length}`,
    );
    expect(delivered).toHaveLength(3 + 1 + 1 + 1 + 1);
    expect(duplicates).toBe(0);
    expect(lost).toEqual([]);
    expect(sent).toHaveLength(2 + 1 + 3 + 1 + 3 + 3); // nudges, Jo, 3 reports, Ali, 3 reports, 3 overdue
    expect(records.filter((record) => record.state === 'unreachable').map((record) => record._id).sort()).toEqual([
      'default:nudge:kim@school.org:2026-12-04:2',
      'default:nudge:lee@school.org:2026-12-16:14',
      'default:nudge:lee@school.org:2026-12-16:2',
    ]);
  });

  it('lets a manager mark a discussion as held and book the next, only for their own reports', async () => {
    const dana = people.get('dana') as ActivityOptions;
    const held = await bot.app.post('/api/messages', cardActionInvoke(dana, { action: 'markDiscussionHeld', email: 'sam@school.org' }));
    expect(held.status).toBe(200);
    expect((await bot.app.repos.nudgePreferences.get('default', 'sam@school.org')).lastHeld).toBeDefined();

    await bot.app.post('/api/messages', {
      ...messageActivity(dana, ''),
      text: undefined,
      value: { action: 'setNextDiscussion', email: 'sam@school.org', date: '2027-12-01' },
    });
    expect((await bot.app.repos.staff.findByEmail('default', 'sam@school.org'))?.nextDiscussion).toBe('2027-12-01');

    // Ali is not Kim's manager: a forged payload is refused and audited, and nothing changes.
    const ali = people.get('ali') as ActivityOptions;
    connector.clear();
    await bot.app.post('/api/messages', {
      ...messageActivity(ali, ''),
      text: undefined,
      value: { action: 'setNextDiscussion', email: 'kim@school.org', date: '2027-01-10' },
    });
    expect(JSON.stringify(connector.to('conv-ali'))).toContain('only do that for people who report to you');
    expect((await bot.app.repos.staff.findByEmail('default', 'kim@school.org'))?.nextDiscussion).toBe('2026-12-04');
  });

  it('shows a manager their own team and nobody else', async () => {
    connector.clear();
    await say('dana', 'my team');
    const cards = connector.to('conv-dana').flatMap((activity) => (activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)));
    const overview = cards.find((card) => card.includes('Your team'));
    expect(overview).toBeDefined();
    for (const name of ['Sam Lee', 'Ali Khan', 'Lee Ward', 'Jo Bell']) expect(overview).toContain(name);
    expect(overview).not.toContain('Kim Park');
    expect(overview).toContain('No careers discussion date is recorded.');
  });

  it('lets staff opt back in, snooze and add options to their discussion agenda', async () => {
    const sam = people.get('sam') as ActivityOptions;
    await say('sam', 'start reminders');
    expect((await bot.app.repos.nudgePreferences.get('default', 'sam@school.org')).optedOut).toBeUndefined();

    await bot.app.post('/api/messages', cardActionInvoke(sam, { action: 'snoozeNudge', days: 3 }));
    expect((await bot.app.repos.nudgePreferences.get('default', 'sam@school.org')).snoozedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [opportunity] = await bot.app.repos.opportunities.listForOrg('default');
    const id = opportunity?.opportunity.id as string;
    await bot.app.post('/api/messages', cardActionInvoke(sam, { action: 'addToAgenda', opportunityId: id }));
    await bot.app.post('/api/messages', cardActionInvoke(sam, { action: 'addToAgenda', opportunityId: id }));
    expect((await bot.app.repos.nudgePreferences.get('default', 'sam@school.org')).agenda).toEqual([id]);
  });
});
