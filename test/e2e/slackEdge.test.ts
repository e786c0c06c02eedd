import { expect } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { MongoSlackReplayLog } from '../../src/channels/slack/slackReplayLog';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { rawRequest, type RawResponse } from '../support/rawRequest';
import { silentLogger } from '../support/silentLogger';
import { SLACK_SIGNING_SECRET, slackMessageEvent, slackSignature } from '../support/slackSigning';
import { openTestDatabase } from '../support/testDatabase';
import { startTestApp, type TestApp } from '../support/testApp';

async function settle(ms = 300): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `probe` holds (the bot answers Slack after acknowledging), for at most 15 s. */
async function until(probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!probe() && Date.now() < deadline) await settle(50);
}

function expectJsonError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(JSON.parse(response.text)).toEqual({ code, message: expect.any(String) });
}

describe('the Slack edge', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url });
    slack.users.set('U-edge', { real_name: 'Sam Edge', email: 'sam@school.org' });
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  const send = (body: string | Buffer, headers: Record<string, string>) => rawRequest(app.baseUrl, '/slack/events', { headers, body });
  const signedJson = (body: string, extra: Record<string, string> = {}) =>
    send(body, { 'content-type': 'application/json', ...slackSignature(body), ...extra });
  const postsTo = (channel: string) => slack.posted().filter((args) => args.channel === channel).length;

  it('processes an event once, however often it is replayed or retried', async () => {
    const body = slackMessageEvent('Ev-replay-1', 'U-edge', 'hello', 'D-replay');
    expect((await signedJson(body)).status).toBe(200);
    await until(() => postsTo('D-replay') > 0);
    await settle(1000);
    const afterFirst = postsTo('D-replay');
    expect(afterFirst).toBeGreaterThan(0);

    expect((await signedJson(body)).status).toBe(200);
    expect((await signedJson(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    // A retry is signed afresh by Slack: same event id, new timestamp and signature.
    const resigned = slackMessageEvent('Ev-replay-1', 'U-edge', 'hello', 'D-replay');
    expect((await signedJson(resigned, { 'x-slack-retry-num': '2' })).status).toBe(200);
    await settle(1000);
    expect(postsTo('D-replay')).toBe(afterFirst);
  });

  it('refuses timestamps more than five minutes away in either direction', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now + 6 * 60, now - 6 * 60, now + 10 * 365 * 24 * 3600]) {
      const body = slackMessageEvent(`Ev-time-${timestamp}`, 'U-edge', 'hello');
      const response = await send(body, { 'content-type': 'application/json', ...slackSignature(body, { timestamp }) });
      expectJsonError(response, 401, 'Unauthorized');
    }
    const ok = slackMessageEvent('Ev-time-ok', 'U-edge', 'hello', 'D-time');
    const nearFuture = await send(ok, { 'content-type': 'application/json', ...slackSignature(ok, { timestamp: now + 60 }) });
    expect(nearFuture.status).toBe(200);
  });

  it.each(['null', '[]', '[1,2]', '42', '"text"', 'true', '{}', '{"type": 5}', '{"type":"event_callback"}', '{"type":"event_callback","event_id":"E1","event":"x"}', '{"type":', `${'['.repeat(5000)}`])(
    'answers the correctly signed JSON body %s with a 400',
    async (body) => {
      expectJsonError(await signedJson(body), 400, 'BadRequest');
    },
  );

  it.each(['payload=not-json', 'payload=null', 'payload=%5B%5D', 'payload=%7B%7D', 'just=fields', '%%%', ''])(
    'answers the correctly signed form body %j with a 400',
    async (body) => {
      const response = await send(body, { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body) });
      expectJsonError(response, 400, 'BadRequest');
    },
  );

  it('answers an oversized body with a 413 JSON error rather than dropping the connection', async () => {
    const body = slackMessageEvent('Ev-big', 'U-edge', 'x'.repeat(300 * 1024));
    expectJsonError(await signedJson(body), 413, 'PayloadTooLarge');
  });

  it('refuses compressed bodies and other content types with a 415', async () => {
    const body = slackMessageEvent('Ev-gzip', 'U-edge', 'hello');
    expectJsonError(await send(gzipSync(body), { 'content-type': 'application/json', 'content-encoding': 'gzip', ...slackSignature(body) }), 415, 'UnsupportedMediaType');
    expectJsonError(await send(body, { 'content-type': 'text/plain', ...slackSignature(body) }), 415, 'UnsupportedMediaType');
    expect((await rawRequest(app.baseUrl, '/healthz', { method: 'GET' })).status).toBe(200);
  });
});

describe('the Slack replay log', () => {
  it('lets exactly one of several replicas claim an event, even when they race', async () => {
    const database = await openTestDatabase();
    try {
      const replicas = [1, 2, 3, 4].map(() => new MongoSlackReplayLog(database.db, silentLogger()));
      const claims = await Promise.all(replicas.flatMap((replica) => [replica.firstTime('T1:Ev-race'), replica.firstTime('T1:Ev-race')]));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await database.db.collection('slackEvents').countDocuments({ _id: 'T1:Ev-race' } as never)).toBe(1);
    } finally {
      await database.dispose();
    }
  });

  it('prunes records older than an hour now and then, without a TTL index', async () => {
    const database = await openTestDatabase();
    try {
      let now = Date.parse('2026-11-30T09:00:00Z');
      const log = new MongoSlackReplayLog(database.db, silentLogger(), () => now);
      expect(await log.firstTime('old')).toBe(true);
      now += 2 * 60 * 60 * 1000;
      expect(await log.firstTime('new')).toBe(true);
      await settle(200);
      const ids = (await database.db.collection('slackEvents').find({}).toArray()).map((doc) => doc._id);
      expect(ids).toEqual(['new']);
    } finally {
      await database.dispose();
    }
  });
});
