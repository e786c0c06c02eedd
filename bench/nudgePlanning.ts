/**
 * Nudge planning over N staff (default 100,000) against a raw cursor scan of the same collection.
 * Usage: N=100000 URI=mongodb://127.0.0.1:27100/ npx tsx bench/nudgePlanning.ts
 */
import { MongoClient } from 'mongodb';
import { loadConfig } from '../src/config';
import { openRepositories } from '../src/store';
import { ensureDefaultOrganisation } from '../src/core/careerMap/seedOrganisation';
import { buildNudgeJob } from '../src/jobs/nudgeJob';
import { planNudges } from '../src/jobs/nudges/planNudges';
import { createLogger } from '../src/logging/logger';

const N = Number(process.env.N ?? 100000);
(async () => {
  const uri = process.env.URI ?? 'mongodb://127.0.0.1:27100/';
  const dbName = `bench_plan_${Date.now()}`;
  const client = await MongoClient.connect(uri);
  const db = client.db(dbName);
  try {
    const repos = await openRepositories(db);
    await ensureDefaultOrganisation(repos);
    const stages = ['ect', 'developing', 'middle-leader'];
    let t = Date.now();
    for (let start = 0; start < N; start += 5000) {
      const docs = [];
      for (let i = start; i < Math.min(N, start + 5000); i++) {
        const day = 1 + (i % 28);
        const month = 1 + (i % 12);
        docs.push({ _id: `default:p${i}@s.org`, orgId: 'default', email: `p${i}@s.org`, name: `Person ${i}`, pathway: 'teaching', stage: stages[i % 3], role: 'staff', interests: [], source: 'directory', managerEmail: `p${i - (i % 10)}@s.org`, nextDiscussion: `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, createdAt: new Date(), updatedAt: new Date() });
      }
      await db.collection('staff').insertMany(docs as never[], { ordered: false });
    }
    console.log(`loaded ${N} staff in ${Date.now() - t} ms`);
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: uri, MONGODB_DB: dbName, LOG_LEVEL: 'silent' });
    const job = buildNudgeJob(config, repos, [], createLogger('silent'));
    for (let round = 0; round < 2; round++) {
      t = Date.now();
      let n = 0;
      for await (const doc of db.collection('staff').find({ orgId: 'default' })) if (doc) n++;
      const scan = Date.now() - t;
      const rssBefore = process.memoryUsage().rss;
      t = Date.now();
      const plan = await planNudges(job, 'default', new Date('2027-03-03T08:00:00Z'), { dryRun: true });
      const planMs = Date.now() - t;
      console.log(`round ${round}: raw scan ${n} docs ${scan} ms; dry-run planning ${plan.people} people ${planMs} ms (${(planMs / scan).toFixed(2)}x), ${plan.planned.length} records planned; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (before ${(rssBefore / 1e6).toFixed(0)})`);
    }
    t = Date.now();
    const written = await planNudges(job, 'default', new Date('2027-03-03T08:00:00Z'));
    console.log(`planning with writes: ${written.inserted} outbox records inserted in ${Date.now() - t} ms`);
    await job.limits.stop();
  } finally {
    await db.dropDatabase();
    await client.close();
  }
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
