/**
 * `npm run bench` (or `npm run bench -- --quick`): starts its own FerretDB, the app, a stand-in Bot
 * Connector and two anchor bots on 127.0.0.1, measures, prints one table and writes it as JSON to
 * bench/results/<timestamp>.json. With MONGODB_URI set it uses that server instead of FerretDB.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { parseStaffDirectory } from '../src/core/imports';
import { createRecogniser } from '../src/core/nlu';
import { createLogger } from '../src/logging/logger';
import { startFerretDb } from '../src/store/embedded/ferretdb';
import { FakeBotConnector } from '../test/support/fakeBotConnector';
import { messageActivity } from '../test/support/activities';
import { startEchoBot, startStatefulBot } from './lib/anchors';
import { measureBroadcastRate } from './lib/broadcastRate';
import { measureNudgePlanning } from './lib/nudgePlanning';
import { build, measureColdStart, PRODUCTION_WITH_SLACK, startProdArgs } from './lib/coldStart';
import { CommandCountingProxy } from './lib/commandCounter';
import { measureDirectorySize } from './lib/directorySize';
import { BENCH_SEED, generateStaff, toCsv } from './lib/generateStaff';
import { drive, type LoadResult, type Speaker } from './lib/load';
import { printTable } from './lib/report';

const QUICK = process.argv.includes('--quick');
const SECONDS = QUICK ? 4 : 15;
const CONCURRENCY = [1, 10, 50];
const SMALL_DIRECTORY = 100;
const LARGE_DIRECTORY = 20_000;
const WHAT_NEXT = 'what can I do next at my stage?';
const BROADCAST_RECIPIENTS = QUICK ? 500 : 10_000;
const PLANNING_STAFF = QUICK ? 5_000 : 100_000;
const TURN_TYPES: [string, string][] = [
  ['what next', WHAT_NEXT],
  ['browse', 'show me NPQs'],
  ['details', 'tell me about chartered teacher'],
  ['reading list', 'what should I read?'],
  ['help', 'help'],
  ['plan view', 'my plan'],
  ['my progress', "how's my CPD going?"],
  ['log CPD (saves)', 'I did a 2-day course on phonics'],
];

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const runStarted = performance.now();
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startFerretDb({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'nextstep-bench-')) });
  const uri = process.env.MONGODB_URI ?? embedded?.uri ?? '';
  const target = new URL(uri);
  const proxy = new CommandCountingProxy({ host: target.hostname, port: Number(target.port || 27017) });
  await proxy.start();
  const connector = new FakeBotConnector();
  await connector.start();
  const recogniser = await createRecogniser();
  const dbName = `bench_${Date.now()}`;
  const configFor = (mongoUri: string) =>
    loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_URI: mongoUri, MONGODB_DB: dbName, LOG_LEVEL: 'silent' });
  const app: RunningApp = await startApp(configFor(uri), createLogger('silent'), { host: '127.0.0.1', recogniser });
  const echo = await startEchoBot();
  const stateful = await startStatefulBot(uri, `${dbName}_anchor`);
  const appUrl = `http://127.0.0.1:${app.port}/api/messages`;

  const speakersFor = (rows: { email: string }[], prefix: string): Speaker[] =>
    rows.map((row, i) => {
      const userId = `${prefix}${i}`;
      connector.members.set(userId, { id: userId, name: row.email, email: row.email });
      return { userId, conversationId: `conv-${userId}` };
    });
  const warm = async (url: string, speakers: readonly Speaker[]): Promise<void> => {
    for (const s of speakers) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity({ serviceUrl: connector.url, ...s }, WHAT_NEXT)) });
      if (r.status !== 200) throw new Error(`warm-up turn answered ${r.status}`);
    }
    connector.clear();
  };
  const load = async (url: string, speakers: readonly Speaker[], connections: number): Promise<LoadResult> => {
    const result = await drive(url, connector.url, speakers, WHAT_NEXT, connections, SECONDS);
    connector.clear();
    return result;
  };

  try {
    // 1. "What next" beside the anchors, 100 people in the directory.
    const small = generateStaff(SMALL_DIRECTORY);
    await app.repos.staff.importDirectory('default', small);
    const speakers = speakersFor(small, 'u');
    await warm(appUrl, speakers.slice(0, 50));
    await warm(echo.url, speakers.slice(0, 50));
    await warm(stateful.url, speakers.slice(0, 50));
    const whatNext: { connections: number; nextstep: LoadResult; echo: LoadResult; stateful: LoadResult }[] = [];
    for (const c of CONCURRENCY) {
      log(`what next at ${c} concurrent: NextStep…`);
      const nextstep = await load(appUrl, speakers, c);
      log(`  ${JSON.stringify(nextstep)}; echo…`);
      const echoed = await load(echo.url, speakers, c);
      log(`  ${JSON.stringify(echoed)}; stateful…`);
      const statefulResult = await load(stateful.url, speakers, c);
      log(`  ${JSON.stringify(statefulResult)}`);
      whatNext.push({ connections: c, nextstep, echo: echoed, stateful: statefulResult });
    }

    // 2. Database commands per turn type, counted on a proxy in front of the database.
    log('commands per turn…');
    const counted = await startApp(configFor(proxy.uri), createLogger('silent'), { host: '127.0.0.1', recogniser });
    const countedAnchor = await startStatefulBot(proxy.uri, `${dbName}_anchor`);
    const commands: { turn: string; perTurn: number; breakdown: Record<string, number> }[] = [];
    const countTurns = async (url: string, text: string, speaker: Speaker, turns = 5) => {
      const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity({ serviceUrl: connector.url, ...speaker }, text)) });
      await send();
      proxy.reset();
      for (let i = 0; i < turns; i += 1) await send();
      const breakdown = Object.fromEntries(Object.entries(proxy.snapshot()).map(([name, n]) => [name, n / turns]));
      return { perTurn: proxy.total() / turns, breakdown };
    };
    const counter = speakers[0] as Speaker;
    for (const [turn, text] of TURN_TYPES) {
      commands.push({ turn, ...(await countTurns(`http://127.0.0.1:${counted.port}/api/messages`, text, counter)) });
    }
    commands.push({ turn: 'stateful anchor', ...(await countTurns(countedAnchor.url, 'hello', counter)) });
    await countedAnchor.stop();
    await counted.stop();
    connector.clear();

    // 3. Import 20,000 people (CSV → validation → one read → batched writes), then again unchanged.
    log(`importing ${LARGE_DIRECTORY} staff…`);
    const large = generateStaff(LARGE_DIRECTORY, BENCH_SEED, SMALL_DIRECTORY);
    const csv = Buffer.from(toCsv(large));
    const map = await app.repos.careerMaps.get('default');
    if (!map) throw new Error('no career map for the default organisation');
    const importOnce = async () => {
      const started = performance.now();
      const parsed = parseStaffDirectory({ bytes: csv, fileName: 'staff.csv' }, map, { maxBytes: 64 * 1024 * 1024 });
      if (!parsed.ok) throw new Error(parsed.problems.slice(0, 5).join('\n'));
      const summary = await app.repos.staff.importDirectory('default', parsed.staff);
      return { seconds: (performance.now() - started) / 1000, summary };
    };
    const firstImport = await importOnce();
    const reimport = await importOnce();

    // 4. The same turn with 100 and with 20,100 people in the directory, each in its own database,
    //    both prepared first, then measured in alternating rounds (bench/lib/directorySize.ts).
    log('what next with 100 and 20,100 staff, alternating rounds…');
    const directorySize = await measureDirectorySize({
      uri,
      dbPrefix: dbName,
      connector,
      recogniser,
      text: WHAT_NEXT,
      sizes: [SMALL_DIRECTORY, SMALL_DIRECTORY + LARGE_DIRECTORY],
      speakers: 50,
      rounds: QUICK ? 4 : 8,
      secondsPerRound: QUICK ? 2 : 4,
      log,
    });

    // 5. Cold start and idle memory of the compiled build.
    log('building and timing a cold start…');
    build();
    const firstStart = await measureColdStart(uri, `${dbName}_cold`, 1000);
    const coldStart = await measureColdStart(uri, `${dbName}_cold`);
    const productionStart = await measureColdStart(uri, `${dbName}_cold`, 5000, PRODUCTION_WITH_SLACK);

    // 6. A broadcast through the outbox to the stand-in connector enforcing the Teams limit with 429s,
    // then nudge planning over a large directory beside a raw cursor scan of it.
    const broadcast = await measureBroadcastRate({ uri, dbName: `${dbName}_broadcast`, recipients: BROADCAST_RECIPIENTS, log });
    const nudgePlanning = await measureNudgePlanning({ uri, dbName: `${dbName}_plan`, staff: PLANNING_STAFF, log });

    const results = {
      when: new Date().toISOString(),
      quick: QUICK,
      secondsPerLoad: SECONDS,
      database: embedded ? 'embedded FerretDB 1.24 (SQLite)' : 'MONGODB_URI',
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', loadAverage: os.loadavg(), node: process.version },
      seed: BENCH_SEED,
      whatNext,
      commands,
      directorySize,
      staffImport: { rows: LARGE_DIRECTORY, seconds: firstImport.seconds, summary: firstImport.summary, unchangedReimport: reimport },
      coldStart: {
        command: `node ${startProdArgs().map((arg) => path.relative(process.cwd(), arg) || arg).join(' ')}`,
        firstStartMs: firstStart.readyMs,
        readyMs: coldStart.readyMs,
        idleRssMb: coldStart.idleRssMb,
        productionWithSlack: productionStart,
      },
      broadcast,
      nudgePlanning,
      totalSeconds: (performance.now() - runStarted) / 1000,
    };
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${results.when.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
    process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file)}\n`);
  } finally {
    await echo.stop();
    await stateful.stop();
    await app.stop();
    await connector.stop();
    await proxy.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
