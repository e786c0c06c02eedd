import { MongoClient } from 'mongodb';
import { useTeamsApp } from '../support/useTeamsApp';
import { membersAddedActivity, messageActivity } from '../support/activities';
import { startTestApp, type TestApp } from '../support/testApp';
import { testDatabaseUri } from '../support/testDatabase';

describe('Teams endpoint over HTTP', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  let app: TestApp;

  beforeAll(() => {
    app = bot.app;
  });

  beforeEach(() => connector.clear());

  const person = () => ({ serviceUrl: connector.url, conversationId: 'conv-welcome', userId: 'user-welcome', userName: 'Priya Shah' });

  it('answers a first message with a welcome card and a help card, and keeps the turn state in MongoDB', async () => {
    const response = await app.post('/api/messages', messageActivity(person(), 'hi'));
    expect(response.status).toBe(200);

    const sent = connector.to('conv-welcome');
    const cards = sent.flatMap((activity) => activity.attachments ?? []);
    expect(cards.map((card) => card.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
      'application/vnd.microsoft.card.adaptive',
    ]);
    expect(JSON.stringify(cards[0]?.content)).toMatch(/welcome to NextStep/i);
    expect(JSON.stringify(cards[1]?.content)).toContain('What can I do next');

    const client = await MongoClient.connect(testDatabaseUri());
    try {
      const state = await client.db(app.dbName).collection('botState').find({}).toArray();
      const keys = state.map((doc) => String(doc._id));
      // One memory document per person and organisation; nothing is kept per conversation.
      expect(keys).toEqual(['memory:default:teams:user-welcome']);
      expect(JSON.parse(String(state[0]?.data))).toEqual({ welcomed: true });
    } finally {
      await client.close();
    }
  });

  it('does not welcome the same person twice', async () => {
    await app.post('/api/messages', messageActivity(person(), 'hello'));
    const again = connector.to('conv-welcome');
    expect(again).toHaveLength(1);
    expect(again[0]?.text ?? JSON.stringify(again[0]?.attachments)).not.toContain('Welcome to NextStep');
  });

  it('welcomes someone who opens a personal chat, but not people joining a team channel', async () => {
    const personal = { serviceUrl: connector.url, conversationId: 'conv-added', userId: 'user-added' };
    expect((await app.post('/api/messages', membersAddedActivity(personal))).status).toBe(200);
    expect(JSON.stringify(connector.to('conv-added'))).toMatch(/welcome to NextStep/i);

    const channel = { serviceUrl: connector.url, conversationId: 'conv-team', userId: 'user-joiner', conversationType: 'channel' };
    expect((await app.post('/api/messages', membersAddedActivity(channel))).status).toBe(200);
    expect(connector.to('conv-team')).toEqual([]);
  });

  it('reports health and readiness', async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('rejects malformed and oversized bodies with a 4xx JSON error and no stack trace', async () => {
    const malformed = await app.post('/api/messages', '{"type": "message",');
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    const body = await malformed.text();
    expect(body).not.toMatch(/at .*\.(js|ts):\d+/);

    const huge = await app.post('/api/messages', { type: 'message', text: 'x'.repeat(400 * 1024) });
    expect(huge.status).toBe(413);

    const notAnActivity = await app.post('/api/messages', '[1,2,3]');
    expect(notAnActivity.status).toBe(400);
  });
});

describe('Teams endpoint with several organisations', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  let app: TestApp;

  beforeAll(() => {
    app = bot.app;
  });

  it('tells people in an unmapped tenant that NextStep is not set up there, once several organisations exist', async () => {
    await app.repos.organisations.upsert({ id: 'north-trust', name: 'North Trust', teamsTenantId: 'tenant-north' });

    const stranger = { serviceUrl: connector.url, conversationId: 'conv-stranger', userId: 'user-stranger', tenantId: 'tenant-elsewhere' };
    await app.post('/api/messages', messageActivity(stranger, 'what can I do next?'));
    const [reply] = connector.to('conv-stranger');
    expect(JSON.stringify(reply?.attachments)).toMatch(/isn.t connected/i);

    const member = { serviceUrl: connector.url, conversationId: 'conv-north', userId: 'user-north', tenantId: 'tenant-north' };
    await app.post('/api/messages', messageActivity(member, 'hi'));
    expect(JSON.stringify(connector.to('conv-north'))).toContain('North Trust');

    // North Trust has no career map yet: people are told so politely rather than shown an error.
    await app.repos.staff.save({ orgId: 'north-trust', email: 'nina@north.org', name: 'Nina', pathway: 'teaching', stage: 'ect', role: 'staff', interests: [], source: 'directory' });
    connector.members.set('user-north', { id: 'user-north', name: 'Nina', email: 'nina@north.org' });
    await app.post('/api/messages', messageActivity(member, 'what can I do next?'));
    expect(connector.to('conv-north').at(-1)?.text).toMatch(/career map hasn't been loaded yet/);
  });
});

describe('Teams endpoint with credentials configured', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  });

  afterAll(async () => {
    await app.stop();
  });

  it('refuses requests without a Bot Connector token', async () => {
    const response = await app.post(
      '/api/messages',
      messageActivity({ serviceUrl: 'http://127.0.0.1:9/', conversationId: 'c', userId: 'u' }, 'hello'),
    );
    expect(response.status).toBe(401);
  });

  it('refuses a forged bearer token', async () => {
    const response = await app.post(
      '/api/messages',
      messageActivity({ serviceUrl: 'http://127.0.0.1:9/', conversationId: 'c', userId: 'u' }, 'hello'),
      { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    );
    expect(response.status).toBe(401);
  });
});
