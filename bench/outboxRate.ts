/**
 * Outbox send rate against the configured per-tenant limit, with an in-process transport that
 * records when each message was sent. Usage: N=2000 RATE=50 URI=mongodb://127.0.0.1:27100/ npx tsx bench/outboxRate.ts
 */
import { MongoClient } from 'mongodb';
import type { View } from '../src/core/conversation/views';
import { OutboxSender } from '../src/delivery/outboxSender';
import { WorkspaceRateLimits } from '../src/delivery/rateLimits';
import type { ChannelTransport, OutboxRecord } from '../src/delivery/types';
import { createLogger } from '../src/logging/logger';
import { openRepositories } from '../src/store';

const N = Number(process.env.N ?? 2000);
const RATE = Number(process.env.RATE ?? 50);

(async () => {
  const client = await MongoClient.connect(process.env.URI ?? 'mongodb://127.0.0.1:27100/');
  const db = client.db(`bench_rate_${Date.now()}`);
  try {
    const repos = await openRepositories(db);
    await repos.outbox.insertNew(
      Array.from({ length: N }, (_, i) => ({
        _id: `org:broadcast:b1:${String(i).padStart(6, '0')}`,
        orgId: 'org',
        purpose: 'broadcast' as const,
        key: `b1:${i}`,
        address: { channel: 'teams' as const, workspaceId: 'tenant', target: `c${i}` },
        payload: JSON.stringify({ type: 'text', text: `m${i}` }),
      })),
    );
    const sentAt: number[] = [];
    const targets = new Map<string, number>();
    const transport: ChannelTransport = {
      channel: 'teams',
      send: async (address) => {
        sentAt.push(Date.now());
        targets.set(address.target, (targets.get(address.target) ?? 0) + 1);
      },
    };
    const sender = new OutboxSender({
      outbox: repos.outbox,
      transports: [transport],
      limits: new WorkspaceRateLimits({ teamsPerSecond: RATE, slackPerSecond: 1 }),
      compose: (records: OutboxRecord[]) => JSON.parse(records[0]?.payload ?? '{}') as View,
      logger: createLogger('silent'),
      leaseMs: 120_000,
      maxAttempts: 5,
    });
    const started = Date.now();
    const summary = await sender.drain();
    const elapsed = (Date.now() - started) / 1000;
    const span = ((sentAt[sentAt.length - 1] ?? 0) - (sentAt[0] ?? 0)) / 1000;
    const duplicates = [...targets.values()].filter((count) => count > 1).length;
    const achieved = (sentAt.length - 1) / span;
    console.log(
      `${summary.sent}/${N} sent in ${elapsed.toFixed(1)} s; achieved ${achieved.toFixed(2)} msg/s between first and last send = ${(achieved / RATE).toFixed(3)} of the ${RATE}/s limit; overall ${(N / elapsed / RATE).toFixed(3)}; duplicates ${duplicates}; lost ${N - targets.size}`,
    );
  } finally {
    await db.dropDatabase();
    await client.close();
  }
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
