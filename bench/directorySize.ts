/**
 * The directory-size row of `npm run bench` on its own: "what next" with 100 and 20,100 staff,
 * measured fairly (see bench/lib/directorySize.ts). Uses MONGODB_URI, or starts its own FerretDB.
 * Usage: npx tsx bench/directorySize.ts [--quick]
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecogniser } from '../src/core/nlu';
import { startFerretDb } from '../src/store/embedded/ferretdb';
import { FakeBotConnector } from '../test/support/fakeBotConnector';
import { measureDirectorySize } from './lib/directorySize';

const QUICK = process.argv.includes('--quick');

async function main(): Promise<void> {
  const embedded = process.env.MONGODB_URI ? undefined : await startFerretDb({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'nextstep-bench-')) });
  const connector = new FakeBotConnector();
  await connector.start();
  try {
    const result = await measureDirectorySize({
      uri: process.env.MONGODB_URI ?? embedded?.uri ?? '',
      dbPrefix: `bench_${Date.now()}`,
      connector,
      recogniser: await createRecogniser(),
      text: 'what can I do next at my stage?',
      sizes: [100, 20_100],
      speakers: 50,
      rounds: QUICK ? 4 : 8,
      secondsPerRound: QUICK ? 2 : 4,
      log: (line) => void process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${JSON.stringify({ when: new Date().toISOString(), loadAverage: os.loadavg(), database: embedded ? 'embedded FerretDB' : 'MONGODB_URI', ...result }, null, 2)}\n`);
  } finally {
    await connector.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
