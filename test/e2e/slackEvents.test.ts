import { FakeSlackApi } from '../support/fakeSlackApi';
import { signed, SLACK_SIGNING_SECRET as SIGNING_SECRET, waitFor } from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

describe('Slack events endpoint', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url });
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('answers Slack\'s URL verification challenge when the signature is valid', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123' });
    const response = await app.post('/slack/events', body, signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses requests with a bad or stale signature', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123' });
    expect((await app.post('/slack/events', body, signed(body, 'wrong-secret'))).status).toBe(401);
    expect((await app.post('/slack/events', body, signed(body, SIGNING_SECRET, 1_000_000))).status).toBe(401);
    expect((await app.post('/slack/events', body)).status).toBe(401);
  });

  it('runs a direct message through the conversation core and replies through the Web API', async () => {
    slack.users.set('U123', { real_name: 'Kim Lee', email: 'kim@school.org' });
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U123', text: 'hello', ts: '1.0' },
    });
    const response = await app.post('/slack/events', body, signed(body));
    expect(response.status).toBe(200);

    const welcome = await waitFor(() => slack.posted().find((args) => String(args.text).includes('Welcome to NextStep')));
    expect(welcome.channel).toBe('D1');
    expect(slack.calls.some((call) => call.method === 'users.info' && call.args.user === 'U123')).toBe(true);
  });

  it('looks a Slack user up once, not on every message', async () => {
    slack.users.set('U456', { real_name: 'Lee Kim', email: 'lee@school.org' });
    const lookups = () => slack.calls.filter((call) => call.method === 'users.info' && call.args.user === 'U456').length;
    for (const [index, text] of ['hello', 'help'].entries()) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: `EvU456-${index}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'message', channel_type: 'im', channel: 'D2', user: 'U456', text, ts: `2.${index}` },
      });
      expect((await app.post('/slack/events', body, signed(body))).status).toBe(200);
      await waitFor(() => (slack.posted().filter((args) => args.channel === 'D2').length > index ? true : undefined));
    }
    expect(lookups()).toBe(1);
  });
});
