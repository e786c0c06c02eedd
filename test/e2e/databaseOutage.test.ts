import { messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { FaultyDatabase } from '../support/faultyDatabase';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { eventBody, signed, SLACK_SIGNING_SECRET, waitFor } from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

const APOLOGY = /can't reach my records/;

/**
 * The database stops answering while people talk (its process is stopped, so connections hang
 * rather than fail), then comes back. Runs against a FerretDB of its own, never the shared one.
 */
describe('a database outage while people talk', () => {
  const database = new FaultyDatabase();
  const connector = new FakeBotConnector();
  const slack = new FakeSlackApi();
  let app: TestApp;

  const teamsPerson: () => ActivityOptions = () => ({ serviceUrl: connector.url, conversationId: 'conv-outage', userId: 'user-outage', userName: 'Sam Reed' });

  beforeAll(async () => {
    await database.start();
    await Promise.all([connector.start(), slack.start()]);
    connector.members.set('user-outage', { id: 'user-outage', name: 'Sam Reed', email: 'sam@school.org', userPrincipalName: 'sam@school.org' });
    slack.users.set('U9', { real_name: 'Jo Park', email: 'jo@school.org' });
    app = await startTestApp({
      MONGODB_URI: database.uri,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    });
  }, 60_000);

  afterAll(async () => {
    database.thaw();
    await app?.stop();
    await Promise.all([connector.stop(), slack.stop()]);
    await database.dispose();
  });

  async function teamsSays(text: string) {
    const before = connector.to('conv-outage').length;
    const response = await app.post('/api/messages', messageActivity(teamsPerson(), text));
    return { status: response.status, replies: connector.to('conv-outage').slice(before) };
  }

  async function slackSays(text: string, channel: string) {
    const body = eventBody({ type: 'message', channel_type: 'im', channel, user: 'U9', text, ts: `${Date.now() / 1000}` });
    const response = await app.post('/slack/events', body, signed(body));
    return response.status;
  }

  const readiness = async () => (await fetch(`${app.baseUrl}/readyz`)).status;
  /** A bounded wait for /readyz to say the database is back. */
  async function waitUntilReady() {
    const deadline = Date.now() + 15_000;
    while ((await readiness()) !== 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readiness()).toBe(200);
  }
  const slackTexts = (channel: string) => slack.posted().filter((args) => args.channel === channel).map((args) => (typeof args.text === 'string' ? args.text : ''));

  it('apologises on both channels while it is down, reports not ready, and carries on afterwards with nothing lost', async () => {
    // An acknowledged write before the outage: onboarding saved and confirmed to the person.
    const saved = await app.post(
      '/api/messages',
      submitActivity(teamsPerson(), {
        action: 'submitOnboarding',
        name: 'Sam Reed',
        pathway: 'teaching-assistant',
        stage: 'hlta',
        school: 'Oak Primary',
        managerEmail: 'head@school.org',
        nextDiscussion: '2027-03-01',
      }),
    );
    expect(saved.status).toBe(200);
    expect(connector.to('conv-outage').some((activity) => /set up as/i.test(activity.text ?? ''))).toBe(true);
    expect(await readiness()).toBe(200);

    database.freeze();
    try {
      const during = await teamsSays('what can I do next?');
      expect(during.status).toBe(200);
      expect(during.replies.filter((activity) => APOLOGY.test(activity.text ?? ''))).toHaveLength(1);

      expect(await slackSays('what can I do next?', 'D-outage')).toBe(200);
      const apology = await waitFor(() => slackTexts('D-outage').find((text) => APOLOGY.test(text)));
      expect(apology).toMatch(/try again/);

      expect(await readiness()).toBe(503);
    } finally {
      database.thaw();
    }

    await waitUntilReady();

    const after = await teamsSays('help');
    expect(after.status).toBe(200);
    expect(after.replies.length).toBeGreaterThan(0);
    expect(after.replies.some((activity) => APOLOGY.test(activity.text ?? ''))).toBe(false);

    const slackBefore = slackTexts('D-after').length;
    expect(await slackSays('help', 'D-after')).toBe(200);
    await waitFor(() => (slackTexts('D-after').length > slackBefore ? true : undefined));
    expect(slackTexts('D-after').some((text) => APOLOGY.test(text))).toBe(false);

    const staff = await app.repos.staff.findByEmail('default', 'sam@school.org');
    expect(staff).toMatchObject({ pathway: 'teaching-assistant', stage: 'hlta', school: 'Oak Primary' });
  }, 90_000);

  it('apologises when the database process dies, and recovers when it is started again with its data', async () => {
    await database.kill();
    const during = await teamsSays('what can I do next?');
    expect(during.status).toBe(200);
    expect(during.replies.filter((activity) => APOLOGY.test(activity.text ?? ''))).toHaveLength(1);
    expect(await slackSays('show my plan', 'D-killed')).toBe(200);
    await waitFor(() => slackTexts('D-killed').find((text) => APOLOGY.test(text)));
    expect(await readiness()).toBe(503);

    await database.start();
    await waitUntilReady();
    const after = await teamsSays('help');
    expect(after.replies.length).toBeGreaterThan(0);
    expect(after.replies.some((activity) => APOLOGY.test(activity.text ?? ''))).toBe(false);
    expect(await app.repos.staff.findByEmail('default', 'sam@school.org')).toMatchObject({ school: 'Oak Primary' });
  }, 90_000);
});
