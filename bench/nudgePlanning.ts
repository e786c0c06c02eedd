/**
 * The nudge planning row of `npm run bench` on its own. Usage:
 * N=100000 URI=mongodb://127.0.0.1:27100/ npx tsx bench/nudgePlanning.ts
 */
import { measureNudgePlanning } from './lib/nudgePlanning';

measureNudgePlanning({
  uri: process.env.URI ?? 'mongodb://127.0.0.1:27100/',
  dbName: `bench_plan_${Date.now()}`,
  staff: Number(process.env.N ?? 100_000),
  log: (line) => process.stderr.write(`${line}\n`),
})
  .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exit(1);
  });
