/**
 * Nudge planning over a large directory beside a raw cursor scan of the same staff collection,
 * with the memory each one peaks at. Staff discussions are spread over the year so a realistic
 * share of people is due on the planning day.
 */
import { performance } from 'node:perf_hooks';
import { MongoClient, type Db } from 'mongodb';
import { loadConfig } from '../../src/config';
import { ensureDefaultOrganisation } from '../../src/core/careerMap/seedOrganisation';
import { buildNudgeJob } from '../../src/jobs/nudgeJob';
import { planNudges } from '../../src/jobs/nudges/planNudges';
import { createLogger } from '../../src/logging/logger';
import { openRepositories } from '../../src/store';

const INSERT_BATCH = 5_000;
const STAGES = ['ect', 'developing', 'middle-leader'];
const PLANNING_DAY = new Date('2027-03-03T08:00:00Z');

export interface NudgePlanningOptions {
  uri: string;
  dbName: string;
  staff: number;
  log?: (line: string) => void;
}

export interface PhaseMeasure {
  ms: number;
  /** Highest RSS and V8 heap in use seen while the phase ran (sampled every 20 ms). */
  peakRssMb: number;
  peakHeapMb: number;
}

export interface NudgePlanningResult {
  staff: number;
  loadSeconds: number;
  rawScan: PhaseMeasure & { documents: number };
  /** Deciding who is due (dry run: reads only). */
  planning: PhaseMeasure & { people: number; planned: number };
  /** The same plan written to the outbox, as the job does. */
  planningWithWrites: PhaseMeasure & { inserted: number };
  /** planning.ms ÷ rawScan.ms; the target is ≤ 2. */
  ratio: number;
  rssBeforeMb: number;
}

async function measure<T>(work: () => Promise<T>): Promise<{ value: T } & PhaseMeasure> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRssMb: peakRss / 1e6, peakHeapMb: peakHeap / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

async function loadStaff(db: Db, count: number): Promise<void> {
  const now = new Date();
  for (let start = 0; start < count; start += INSERT_BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(count, start + INSERT_BATCH); i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      docs.push({
        _id: `default:p${i}@s.org`,
        orgId: 'default',
        email: `p${i}@s.org`,
        name: `Person ${i}`,
        pathway: 'teaching',
        stage: STAGES[i % STAGES.length],
        role: 'staff',
        interests: [],
        source: 'directory',
        managerEmail: `p${i - (i % 10)}@s.org`,
        nextDiscussion: `2027-${month}-${day}`,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.collection('staff').insertMany(docs as never[], { ordered: false });
  }
}

export async function measureNudgePlanning(options: NudgePlanningOptions): Promise<NudgePlanningResult> {
  const log = options.log ?? (() => undefined);
  const client = await MongoClient.connect(options.uri);
  const db = client.db(options.dbName);
  try {
    const repos = await openRepositories(db);
    await ensureDefaultOrganisation(repos);
    log(`nudge planning: loading ${options.staff} staff…`);
    const loadStarted = performance.now();
    await loadStaff(db, options.staff);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: options.uri, MONGODB_DB: options.dbName, LOG_LEVEL: 'silent' });
    const job = buildNudgeJob(config, repos, [], createLogger('silent'));
    const scan = async () => {
      let documents = 0;
      for await (const doc of db.collection('staff').find({ orgId: 'default' })) if (doc) documents += 1;
      return documents;
    };
    await scan(); // warm the database's caches for both, so neither pays for a cold start
    const rssBeforeMb = process.memoryUsage().rss / 1e6;
    log('nudge planning: raw cursor scan…');
    const rawScan = await measure(scan);
    log('nudge planning: planning (dry run)…');
    const planning = await measure(() => planNudges(job, 'default', PLANNING_DAY, { dryRun: true }));
    log('nudge planning: planning and writing the outbox…');
    const written = await measure(() => planNudges(job, 'default', PLANNING_DAY));
    await job.limits.stop();
    const phase = ({ ms, peakRssMb, peakHeapMb }: PhaseMeasure) => ({ ms, peakRssMb, peakHeapMb });
    return {
      staff: options.staff,
      loadSeconds,
      rawScan: { ...phase(rawScan), documents: rawScan.value },
      planning: { ...phase(planning), people: planning.value.people, planned: planning.value.planned.length },
      planningWithWrites: { ...phase(written), inserted: written.value.inserted },
      ratio: planning.ms / rawScan.ms,
      rssBeforeMb,
    };
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}
