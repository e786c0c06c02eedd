import { expect } from '@jest/globals';
import { loadConfig } from '../../src/config';
import { buildNudgeJob, type NudgeJobParts } from '../../src/jobs/nudgeJob';
import { runNudgePass } from '../../src/jobs/nudges/runNudgePass';
import { createTransports } from '../../src/jobs/transports';
import { FakeSlackApi, rateLimited, slackError } from '../support/fakeSlackApi';
import { blocksOf, buttonsIn, eventBody, FORM, interactionBody, signed, SLACK_SIGNING_SECRET, waitFor } from '../support/slackRequests';
import { silentLogger } from '../support/silentLogger';
import { testDatabaseUri } from '../support/testDatabase';
import { startTestApp, type TestApp } from '../support/testApp';

/** 08:00 in London on Wednesday 2 December 2026 (GMT). */
const PASS_AT = new Date('2026-12-02T08:00:00Z');

describe('nudges reach Slack users through the outbox', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;
  let job: NudgeJobParts;
  const pauses: number[] = [];

  // Sam, Gone and Closed are 14 days from their discussions; Ali is 7 days from hers, so Dana (their
  // manager) is reminded. Lee is also 14 days away but has never talked to NextStep.
  const directory = [
    { email: 'dana@school.org', name: 'Dana Reid', pathway: 'teaching', stage: 'senior-leader', role: 'staff' as const, nextDiscussion: '2027-06-01' },
    { email: 'sam@school.org', name: 'Sam Lee', pathway: 'teaching', stage: 'ect', role: 'staff' as const, managerEmail: 'dana@school.org', nextDiscussion: '2026-12-16' },
    { email: 'ali@school.org', name: 'Ali Khan', pathway: 'teaching', stage: 'developing', role: 'staff' as const, managerEmail: 'dana@school.org', nextDiscussion: '2026-12-09' },
    { email: 'lee@school.org', name: 'Lee Ward', pathway: 'teaching', stage: 'developing', role: 'staff' as const, nextDiscussion: '2026-12-16' },
    { email: 'gone@school.org', name: 'Gail One', pathway: 'teaching', stage: 'ect', role: 'staff' as const, nextDiscussion: '2026-12-16' },
    { email: 'closed@school.org', name: 'Cleo Sed', pathway: 'teaching', stage: 'ect', role: 'staff' as const, nextDiscussion: '2026-12-16' },
  ];
  const slackUsers: Record<string, string> = { USAM: 'sam@school.org', UDANA: 'dana@school.org', UGONE: 'gone@school.org', UCLOSED: 'closed@school.org' };

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await app.post('/slack/events', body, { ...headers, ...signed(body) });
    expect(response.status).toBe(200);
  }

  /** What the outbox will post to: the direct message the stand-in opens for a user. */
  const dmOf = (user: string) => `D${user}`;
  const postsTo = (user: string) => slack.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === dmOf(user));
  const delivered = (user: string) => postsTo(user).filter((call) => call.status === 200).map((call) => call.args);
  const opened = () => slack.of('conversations.open').map((args) => String(args.users));

  function press(user: string, button: { actionId: string; value?: Record<string, unknown> }) {
    return post(
      interactionBody({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${Date.now()}`,
        channel: { id: dmOf(user) },
        container: { type: 'message', message_ts: '111.222', channel_id: dmOf(user) },
        actions: [{ type: 'button', action_id: button.actionId, block_id: 'b1', value: JSON.stringify(button.value), action_ts: '1' }],
      }),
      FORM,
    );
  }

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url });
    await app.repos.staff.importDirectory('default', directory);
    for (const [user, email] of Object.entries(slackUsers)) {
      slack.users.set(user, { real_name: directory.find((person) => person.email === email)?.name ?? user, email });
      // One direct message each, in the DM the bot will later post to, so a reference is stored.
      await post(eventBody({ type: 'message', channel_type: 'im', channel: dmOf(user), user, text: 'hello', ts: `${Date.now() / 1000}` }));
    }
    await waitFor(() => (Object.keys(slackUsers).every((user) => delivered(user).length > 0) ? true : undefined));
    for (const email of Object.values(slackUsers)) {
      let saved = await app.repos.references.findByEmail('default', email);
      for (let tries = 0; saved.length === 0 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        saved = await app.repos.references.findByEmail('default', email);
      }
      expect(saved).toHaveLength(1);
    }
    slack.calls.length = 0;

    const config = loadConfig({
      NODE_ENV: 'test', MONGODB_URI: testDatabaseUri(), MONGODB_DB: app.dbName, LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url,
    });
    job = buildNudgeJob(config, app.repos, createTransports(config, silentLogger()), silentLogger());
    const pause = job.limits.pause.bind(job.limits);
    job.limits.pause = (address, ms) => {
      pauses.push(ms);
      pause(address, ms);
    };
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('sends the staff nudge and the manager reminder as Block Kit, honouring ratelimited and recording permanent failures', async () => {
    // Dana's first post is refused with 429 ratelimited; Gail's account is gone; Cleo's DM is closed.
    slack.script('chat.postMessage', dmOf('UDANA'), rateLimited(1));
    slack.script('conversations.open', 'UGONE', slackError('account_inactive'));
    slack.script('chat.postMessage', dmOf('UCLOSED'), slackError('channel_not_found'));

    const first = await runNudgePass(job, PASS_AT, { waitMs: 5_000 });
    expect(first.ran).toBe(true);
    // Lee (and Ali, whose 14-day nudge is caught up) never talked: unreachable when planned.
    // Gail and Cleo become unreachable when Slack refuses.
    expect(first.delivery).toMatchObject({ sent: 2, unreachable: 2, failed: 0 });
    const neverTalked = first.plans[0]?.planned.filter((item) => item.status === 'unreachable').map((item) => item.recipient);
    expect(neverTalked?.sort()).toEqual(['ali@school.org', 'lee@school.org']);

    expect(opened().sort()).toEqual(['UCLOSED', 'UDANA', 'UGONE', 'USAM']);

    const [toSam, ...moreToSam] = delivered('USAM');
    expect(moreToSam).toEqual([]);
    const samText = JSON.stringify(blocksOf(toSam as Record<string, unknown>));
    // The notification text names the date too, not just "NextStep".
    expect(String(toSam?.text)).toMatch(/^Your careers discussion is in 14 days, on .*16 December/);
    expect(samText).toContain('Your careers discussion is in 14 days');
    expect(samText).toContain('16 December');
    expect(samText).toContain('Dana Reid');

    // Refused once with Retry-After: 1, then delivered exactly once.
    expect(postsTo('UDANA').map((call) => call.status)).toEqual([429, 200]);
    expect(pauses).toEqual([1000]);
    const toDana = JSON.stringify(blocksOf(delivered('UDANA')[0] as Record<string, unknown>));
    expect(toDana).toContain('Ali Khan');
    expect(toDana).toContain('9 December');
    expect(String(delivered('UDANA')[0]?.text)).toContain('Ali Khan');

    // Permanent failures: tried once, recorded, never retried.
    expect(postsTo('UGONE')).toEqual([]);
    expect(postsTo('UCLOSED').map((call) => call.status)).toEqual([200]);
    expect(await app.repos.outbox.get('default:nudge:gone@school.org:2026-12-16:14')).toMatchObject({
      state: 'unreachable',
      reason: expect.stringContaining('account_inactive'),
    });
    expect(await app.repos.outbox.get('default:nudge:closed@school.org:2026-12-16:14')).toMatchObject({
      state: 'unreachable',
      reason: expect.stringContaining('channel_not_found'),
    });
    expect(await app.repos.outbox.get('default:nudge:lee@school.org:2026-12-16:14')).toMatchObject({
      state: 'unreachable',
      reason: expect.stringContaining('has not talked to NextStep'),
    });
    expect(postsTo('ULEE')).toEqual([]);
  });

  it('sends nothing twice when the pass runs again', async () => {
    const before = slack.calls.length;
    const again = await runNudgePass(job, PASS_AT, { waitMs: 5_000 });
    expect(again.delivery).toMatchObject({ sent: 0, failed: 0, unreachable: 0 });
    expect(slack.calls.slice(before).filter((call) => call.method === 'chat.postMessage' || call.method === 'conversations.open')).toEqual([]);
    expect(delivered('USAM')).toHaveLength(1);
    expect(delivered('UDANA')).toHaveLength(1);
  });

  it('lets the manager mark a discussion as held from the Slack reminder', async () => {
    const buttons = buttonsIn(blocksOf(delivered('UDANA')[0] as Record<string, unknown>));
    const held = buttons.find((button) => button.text === 'Mark as held' && button.value?.email === 'ali@school.org');
    expect(held).toBeDefined();
    await press('UDANA', held as (typeof buttons)[number]);
    let preferences = await app.repos.nudgePreferences.get('default', 'ali@school.org');
    for (let tries = 0; !preferences.lastHeld && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      preferences = await app.repos.nudgePreferences.get('default', 'ali@school.org');
    }
    expect(preferences.lastHeld).toBeDefined();
  });

  it('lets the member add a next step to their agenda from the Slack nudge, once however often they press', async () => {
    const buttons = buttonsIn(blocksOf(delivered('USAM')[0] as Record<string, unknown>));
    const add = buttons.find((button) => button.text.startsWith('Add "') && button.value?.action === 'addToAgenda');
    expect(add).toBeDefined();
    const id = add?.value?.opportunityId as string;
    await press('USAM', add as (typeof buttons)[number]);
    await press('USAM', add as (typeof buttons)[number]);
    let preferences = await app.repos.nudgePreferences.get('default', 'sam@school.org');
    for (let tries = 0; (preferences.agenda ?? []).length === 0 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      preferences = await app.repos.nudgePreferences.get('default', 'sam@school.org');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await app.repos.nudgePreferences.get('default', 'sam@school.org')).agenda).toEqual([id]);
  });
});
