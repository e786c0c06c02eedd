import fc from 'fast-check';
import { startAuthenticatedApp, TEST_APP_ID } from '../support/authenticatedApp';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { FakeBotIdentity } from '../support/fakeBotIdentity';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { rawRequest, type RawResponse } from '../support/rawRequest';
import { fuzzRequests, type FuzzRequest } from '../support/robustnessRequests';
import { SLACK_SIGNING_SECRET } from '../support/slackSigning';
import { startTestApp, type TestApp } from '../support/testApp';

const SEED = 20261130;
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 2000);
const CONCURRENCY = 6;
const NORMAL = 'normal@school.org';

interface Outcome {
  request: FuzzRequest;
  response: RawResponse;
}

function isJsonError(text: string): boolean {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return typeof body.code === 'string' && typeof body.message === 'string';
  } catch {
    return false;
  }
}

async function runPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T, index);
      }
    }),
  );
  return results;
}

describe('robustness: generated hostile traffic against /api/messages and /slack/events', () => {
  const connector = new FakeBotConnector();
  const slackApi = new FakeSlackApi();
  const identity = new FakeBotIdentity();
  let local: TestApp;
  let auth: TestApp;
  const faults: unknown[] = [];
  const onFault = (error: unknown) => faults.push(error);

  beforeAll(async () => {
    await Promise.all([connector.start(), slackApi.start(), identity.start()]);
    local = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slackApi.url });
    auth = await startAuthenticatedApp(identity);
    process.on('unhandledRejection', onFault);
    process.on('uncaughtException', onFault);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onFault);
    process.off('uncaughtException', onFault);
    await local.stop();
    await auth.stop();
    await Promise.all([connector.stop(), slackApi.stop(), identity.stop()]);
  });

  const normalUserData = async () =>
    JSON.stringify({ staff: await local.repos.staff.findByEmail('default', NORMAL), plan: await local.repos.plans.list('default', NORMAL) });

  it(`survives ${RUNS} seeded requests plus Slack replays: never a 5xx, every refusal JSON, replies polite, data untouched`, async () => {
    await local.repos.staff.save({ orgId: 'default', email: NORMAL, name: 'Norma Lee', pathway: 'teaching', stage: 'ect', role: 'staff', interests: [], source: 'directory' });
    await local.repos.plans.add('default', NORMAL, 'trust-induction');
    const before = await normalUserData();

    const requests = fc.sample(fuzzRequests({ serviceUrl: connector.url, identity, appId: TEST_APP_ID, normalEmail: NORMAL }), { seed: SEED, numRuns: RUNS });
    const send = async (request: FuzzRequest): Promise<Outcome> => {
      const base = request.target === 'auth' ? auth.baseUrl : local.baseUrl;
      if (request.member) connector.members.set(request.member, { id: request.member, name: 'Fuzz', email: `${request.member}@school.org` });
      const started = Date.now();
      const response = await rawRequest(base, request.path, { headers: request.headers, body: request.body });
      if (process.env.ROBUSTNESS_DEBUG) timings.set(request.kind, [...(timings.get(request.kind) ?? []), Date.now() - started]);
      return { request, response };
    };
    const timings = new Map<string, number[]>();
    let healthFailures = 0;
    const outcomes = await runPool(requests, CONCURRENCY, async (request, index) => {
      if (index % 250 === 0) {
        const health = await rawRequest(local.baseUrl, '/healthz', { method: 'GET' });
        if (health.status !== 200) healthFailures += 1;
      }
      return send(request);
    });

    // Replays: every Slack event sent again, byte for byte, and again with a retry header.
    const slackEvents = outcomes.filter((o) => o.request.slackChannel && o.response.status === 200).map((o) => o.request);
    // Slack is answered before the bot replies: wait until replies stop arriving (at most 20 s).
    const quiet = async () => {
      const deadline = Date.now() + 20_000;
      let last = -1;
      while (slackApi.posted().length !== last && Date.now() < deadline) {
        last = slackApi.posted().length;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    await quiet();
    const postsBeforeReplay = slackApi.posted().length;
    const replays = await runPool(slackEvents, CONCURRENCY, (request, index) =>
      send(index % 2 === 0 ? request : { ...request, kind: 'slack retry', headers: { ...request.headers, 'x-slack-retry-num': '1' } }),
    );
    await quiet();

    const all = [...outcomes, ...replays];
    const unanswered = all.filter((o) => o.response.status === 0);
    const serverErrors = all.filter((o) => o.response.status >= 500);
    const refusals = all.filter((o) => o.response.status >= 400 && o.response.status < 500);
    const notJson = refusals.filter((o) => !isJsonError(o.response.text));
    const silentMessages = outcomes.filter((o) => o.request.expectReply && (o.response.status !== 200 || connector.to(o.request.expectReply).length === 0));
    const apologies = connector.sent.filter((s) => JSON.stringify(s.activity).includes('something went wrong on my side'));
    const health = await Promise.all([local, auth].map((app) => rawRequest(app.baseUrl, '/healthz', { method: 'GET' })));
    const crashes = faults.length + healthFailures + health.filter((h) => h.status !== 200).length;

    process.stdout.write(
      `Robustness: ${all.length} requests (seed ${SEED}), ${crashes} crashes, ${serverErrors.length} 5xx, ${refusals.length} 4xx refusals, ${all.length - refusals.length - serverErrors.length - unanswered.length} 2xx\n`,
    );

    if (process.env.ROBUSTNESS_DEBUG) {
      const byKind = new Map<string, number[]>();
      for (const o of all) byKind.set(`${o.request.kind} ${o.response.status}`, [...(byKind.get(`${o.request.kind} ${o.response.status}`) ?? []), 1]);
      process.stdout.write(`${[...byKind].map(([k, v]) => `${k}: ${v.length}`).sort().join('\n')}\n`);
      process.stdout.write(`${faults.map(String).join('\n')}\n`);
      for (const [kind, ms] of timings) process.stdout.write(`${kind}: n=${ms.length} total=${ms.reduce((a, b) => a + b, 0)}ms\n`);
    }
    const describe = (list: Outcome[]) => list.slice(0, 5).map((o) => `${o.request.kind} → ${o.response.status} ${o.response.text.slice(0, 120)}`);
    expect(describe(unanswered)).toEqual([]);
    expect(describe(serverErrors)).toEqual([]);
    expect(describe(notJson)).toEqual([]);
    expect(describe(silentMessages)).toEqual([]);
    expect(apologies.map((s) => s.conversationId)).toEqual([]);
    expect(faults).toEqual([]);
    expect(crashes).toBe(0);

    expect(all.length).toBeGreaterThanOrEqual(RUNS);
    expect(refusals.length).toBeGreaterThan(RUNS / 4);
    expect(outcomes.filter((o) => o.request.kind.startsWith('forged token')).every((o) => o.response.status === 401)).toBe(true);

    // Every replayed Slack event was acknowledged and not processed again.
    expect(slackEvents.length).toBeGreaterThan(20);
    expect(replays.every((o) => o.response.status === 200)).toBe(true);
    expect(slackApi.posted().length).toBe(postsBeforeReplay);

    expect(await normalUserData()).toBe(before);
  }, 240_000);
});
