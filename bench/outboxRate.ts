/**
 * The broadcast row of `npm run bench` on its own. Usage:
 * N=2000 RATE=50 TRANSPORT=http|memory URI=mongodb://127.0.0.1:27100/ npx tsx bench/outboxRate.ts
 */
import { measureBroadcastRate } from './lib/broadcastRate';

measureBroadcastRate({
  uri: process.env.URI ?? 'mongodb://127.0.0.1:27100/',
  dbName: `bench_rate_${Date.now()}`,
  recipients: Number(process.env.N ?? 2000),
  ...(process.env.RATE ? { perSecond: Number(process.env.RATE) } : {}),
  transport: process.env.TRANSPORT === 'memory' ? 'memory' : 'http',
  log: (line) => process.stderr.write(`${line}\n`),
})
  .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exit(1);
  });
