/**
 * A 30-second database outage while people talk, measured: how long a person waits for the
 * apology (Teams and Slack), what /readyz says, and how long after the database returns a turn is
 * answered normally again. Runs against a FerretDB of its own, stopped with SIGSTOP (connections
 * hang: the hard case) and then with SIGKILL and a restart.
 * Run: npx tsx bench/databaseOutage.ts   (OUTAGE_SECONDS to change the length)
 */
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logging/logger';
import { messageActivity } from '../test/support/activities';
import { FakeBotConnector } from '../test/support/fakeBotConnector';
import { FakeSlackApi } from '../test/support/fakeSlackApi';
import { FaultyDatabase } from '../test/support/faultyDatabase';
import { eventBody, signed, SLACK_SIGNING_SECRET } from '../test/support/slackRequests';

const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 30) * 1000;
const APOLOGY = /can't reach my records/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? `n=${sorted.length} min ${sorted[0]?.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0)} ms` : 'none';
};

async function main(): Promise<void> {
  const database = new FaultyDatabase();
  await database.start();
  const connector = new FakeBotConnector();
  const slack = new FakeSlackApi();
  await Promise.all([connector.start(), slack.start()]);
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', MONGODB_URI: database.uri, MONGODB_DB: 'outage_bench', LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url,
  });
  const app = await startApp(config, createLogger(process.env.LOG_LEVEL ?? 'silent'), { host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.port}`;
  connector.members.set('u1', { id: 'u1', name: 'Bench Person', email: 'bench@school.org' });
  slack.users.set('U1', { real_name: 'Bench Person', email: 'bench@school.org' });
  let conversation = 0;

  /** One Teams turn: how long until the POST is answered, and whether the answer was the apology. */
  const teamsTurn = async (text: string) => {
    const conversationId = `c${++conversation}`;
    const started = performance.now();
    await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity({ serviceUrl: connector.url, conversationId, userId: 'u1' }, text)),
    });
    const replies = connector.to(conversationId);
    return { ms: performance.now() - started, apology: replies.some((a) => APOLOGY.test(a.text ?? '')), answered: replies.length > 0 };
  };
  /** One Slack DM: how long until the apology (or any answer) is posted. */
  const slackTurn = async (text: string) => {
    const channel = `D${++conversation}`;
    const body = eventBody({ type: 'message', channel_type: 'im', channel, user: 'U1', text, ts: `${Date.now() / 1000}` });
    const started = performance.now();
    await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...signed(body) }, body });
    for (;;) {
      const posted = slack.posted().filter((args) => args.channel === channel);
      if (posted.length > 0) return { ms: performance.now() - started, apology: posted.some((args) => APOLOGY.test(String(args.text))) };
      if (performance.now() - started > 20_000) return { ms: NaN, apology: false };
      await sleep(10);
    }
  };
  const ready = async () => {
    const started = performance.now();
    const status = (await fetch(`${base}/readyz`)).status;
    return { status, ms: performance.now() - started };
  };

  await teamsTurn('hello');
  for (const fault of ['SIGSTOP', 'SIGKILL'] as const) {
    const teams: number[] = [];
    const slackTimes: number[] = [];
    const readyz: number[] = [];
    let unanswered = 0;
    let readyDuring = 0;
    if (fault === 'SIGSTOP') database.freeze();
    else await database.kill();
    const outageStarted = performance.now();
    while (performance.now() - outageStarted < OUTAGE_MS) {
      const [t, s, r] = await Promise.all([teamsTurn('what can I do next?'), slackTurn('what can I do next?'), ready()]);
      if (t.apology) teams.push(t.ms);
      else unanswered += 1;
      if (s.apology) slackTimes.push(s.ms);
      else unanswered += 1;
      readyz.push(r.ms);
      if (r.status === 200) readyDuring += 1;
      await sleep(1_000);
    }
    if (fault === 'SIGSTOP') database.thaw();
    else await database.start();
    const back = performance.now();
    let readyAfter = NaN;
    let recovered = NaN;
    while (Number.isNaN(recovered) && performance.now() - back < 60_000) {
      const r = await ready();
      if (r.status === 200 && Number.isNaN(readyAfter)) readyAfter = performance.now() - back;
      const t = await teamsTurn('help');
      if (t.answered && !t.apology) recovered = performance.now() - back;
    }
    console.log(`${fault} for ${OUTAGE_MS / 1000} s`);
    console.log(`  Teams apology (POST answered): ${summary(teams)}`);
    console.log(`  Slack apology posted:          ${summary(slackTimes)}`);
    console.log(`  /readyz during the outage:     ${summary(readyz)}, ${readyDuring} answered 200`);
    console.log(`  turns with no apology:         ${unanswered}`);
    console.log(`  after the database returned:  /readyz 200 after ${readyAfter.toFixed(0)} ms, first normal answer after ${recovered.toFixed(0)} ms`);
  }
  await app.stop();
  await Promise.all([connector.stop(), slack.stop()]);
  await database.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
