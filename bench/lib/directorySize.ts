import { MongoClient } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Recogniser } from '../../src/core/nlu';
import { createLogger } from '../../src/logging/logger';
import type { FakeBotConnector } from '../../test/support/fakeBotConnector';
import { messageActivity } from '../../test/support/activities';
import { generateStaff } from './generateStaff';
import { drive, type Speaker } from './load';

export interface DirectorySizeOptions {
  uri: string;
  dbPrefix: string;
  connector: FakeBotConnector;
  recogniser: Recogniser;
  text: string;
  sizes: readonly [small: number, large: number];
  /** Distinct people who speak, the same number at both sizes, spread evenly through each directory. */
  speakers: number;
  rounds: number;
  secondsPerRound: number;
  log: (line: string) => void;
}

export interface DirectorySizeResult {
  small: number;
  large: number;
  speakers: number;
  rounds: number;
  secondsPerRound: number;
  /** Median over rounds of each round's p50 turn latency. */
  p50Small: number;
  p50Large: number;
  ratio: number;
  roundP50s: { small: number; large: number }[];
  /** Median time of the turn's staff lookup (`find` by `_id`) for the same people, straight to the database. */
  staffFindMs: { small: number; large: number };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** `count` indices spread evenly over 0…size-1, so speakers sit at the start, middle and end of the directory. */
const spread = (size: number, count: number): number[] => Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * size) / count));

interface Directory {
  size: number;
  app: RunningApp;
  url: string;
  dbName: string;
  emails: string[];
  speakers: Speaker[];
}

/**
 * "What next" with a small and a large directory, fairly: both are prepared before anything is
 * timed (each in its own database with its own app, so neither shares a collection with the
 * other), the same number of people speak in both, every request speaks as the next of them, and
 * the two are measured in alternating short rounds (A,B then B,A …) so load from other processes
 * and the database's own housekeeping fall on both alike. The result is the median of round p50s.
 */
export async function measureDirectorySize(options: DirectorySizeOptions): Promise<DirectorySizeResult> {
  const { connector } = options;
  const directories: Directory[] = [];
  try {
    for (const size of options.sizes) {
      const dbName = `${options.dbPrefix}_dir${size}`;
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_URI: options.uri, MONGODB_DB: dbName, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' });
      const app = await startApp(config, createLogger('silent'), { host: '127.0.0.1', recogniser: options.recogniser });
      directories.push({ size, app, url: `http://127.0.0.1:${app.port}/api/messages`, dbName, emails: [], speakers: [] });
      options.log(`directory of ${size}: importing…`);
      const rows = generateStaff(size);
      await app.repos.staff.importDirectory('default', rows);
      for (const index of spread(size, options.speakers)) {
        const row = rows[index];
        if (!row) continue;
        const userId = `dir${size}-${index}`;
        connector.members.set(userId, { id: userId, name: row.name, email: row.email });
        directories.at(-1)?.speakers.push({ userId, conversationId: `conv-${userId}` });
        directories.at(-1)?.emails.push(row.email);
      }
    }
    for (const directory of directories) {
      for (const speaker of directory.speakers) {
        const body = JSON.stringify(messageActivity({ serviceUrl: connector.url, ...speaker }, options.text));
        const response = await fetch(directory.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (response.status !== 200) throw new Error(`warm-up turn answered ${response.status}`);
      }
    }
    connector.clear();
    // Let the imports' writes settle (FerretDB's SQLite write-ahead log is checkpointed in the background).
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const roundP50s: { small: number; large: number }[] = [];
    const [small, large] = directories as [Directory, Directory];
    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? [small, large] : [large, small];
      const p50 = new Map<Directory, number>();
      for (const directory of order) {
        const result = await drive(directory.url, connector.url, directory.speakers, options.text, 1, options.secondsPerRound, { rotate: true });
        connector.clear();
        if (result.errors + result.non2xx > 0) throw new Error(`${result.errors + result.non2xx} turns failed with ${directory.size} staff`);
        p50.set(directory, result.p50);
      }
      roundP50s.push({ small: p50.get(small) as number, large: p50.get(large) as number });
      options.log(`  round ${round + 1}: p50 ${roundP50s.at(-1)?.small.toFixed(1)} ms (${small.size}) vs ${roundP50s.at(-1)?.large.toFixed(1)} ms (${large.size})`);
    }
    const staffFindMs = await timeStaffFinds(options.uri, small, large);
    const p50Small = median(roundP50s.map((r) => r.small));
    const p50Large = median(roundP50s.map((r) => r.large));
    return {
      small: small.size,
      large: large.size,
      speakers: options.speakers,
      rounds: options.rounds,
      secondsPerRound: options.secondsPerRound,
      p50Small,
      p50Large,
      ratio: p50Large / p50Small,
      roundP50s,
      staffFindMs,
    };
  } finally {
    for (const directory of directories) await directory.app.stop();
    const client = await MongoClient.connect(options.uri);
    for (const directory of directories) await client.db(directory.dbName).dropDatabase().catch(() => undefined);
    await client.close();
  }
}

/** The turn's own staff lookup, by `_id`, for the same speakers at both sizes (three interleaved passes). */
async function timeStaffFinds(uri: string, small: Directory, large: Directory): Promise<{ small: number; large: number }> {
  const client = await MongoClient.connect(uri);
  try {
    const samples = new Map<Directory, number[]>([[small, []], [large, []]]);
    for (let pass = 0; pass < 3; pass += 1) {
      for (const directory of [small, large]) {
        const staff = client.db(directory.dbName).collection<{ _id: string }>('staff');
        for (const email of directory.emails) {
          const started = performance.now();
          await staff.findOne({ _id: `default:${email}` });
          samples.get(directory)?.push(performance.now() - started);
        }
      }
    }
    return { small: median(samples.get(small) ?? []), large: median(samples.get(large) ?? []) };
  } finally {
    await client.close();
  }
}
