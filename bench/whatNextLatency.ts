/**
 * "What next" turn latency at one conversation: POSTs Bot Framework activities to /api/messages
 * over loopback against the real database and reports p50/p95/p99. Run: npm run bench.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logging/logger';
import { startFerretDb } from '../src/store/embedded/ferretdb';
import { messageActivity } from '../test/support/activities';
import { FakeBotConnector } from '../test/support/fakeBotConnector';

const TURNS = Number(process.env.BENCH_TURNS ?? 300);
const WARM_UP = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startFerretDb({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'nextstep-bench-')) });
  const uri = process.env.MONGODB_URI ?? embedded?.uri ?? '';
  const connector = new FakeBotConnector();
  await connector.start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_URI: uri, MONGODB_DB: `bench_${Date.now()}`, LOG_LEVEL: 'silent' });
  const app = await startApp(config, createLogger('silent'), { host: '127.0.0.1' });
  try {
    await app.repos.staff.save({
      orgId: 'default', email: 'bench@school.org', name: 'Bench Person', pathway: 'teaching', stage: 'ect',
      role: 'staff', interests: [], source: 'directory',
    });
    connector.members.set('bench-user', { id: 'bench-user', name: 'Bench Person', email: 'bench@school.org' });
    const who = { serviceUrl: connector.url, conversationId: 'bench-conv', userId: 'bench-user' };
    const url = `http://127.0.0.1:${app.port}/api/messages`;
    const timings: number[] = [];
    for (let i = 0; i < TURNS + WARM_UP; i += 1) {
      const body = JSON.stringify(messageActivity(who, 'what can I do next at my stage?'));
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`turn ${i} answered ${response.status}`);
      if (i >= WARM_UP) timings.push(performance.now() - started);
      connector.clear();
    }
    timings.sort((a, b) => a - b);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    process.stdout.write(
      `what-next turns at 1 conversation (${TURNS} turns, ${embedded ? 'embedded FerretDB' : 'MONGODB_URI'}): ` +
        `p50 ${fmt(percentile(timings, 50))}, p95 ${fmt(percentile(timings, 95))}, p99 ${fmt(percentile(timings, 99))} (target p95 ≤ 25 ms)\n`,
    );
  } finally {
    await app.stop();
    await connector.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
