/**
 * A broadcast through the production outbox sender and Teams transport to a stand-in Bot
 * Connector on 127.0.0.1 that enforces the per-tenant limit with 429 + Retry-After. Everything is
 * counted from the connector's own log: achieved rate = accepted ÷ (last accepted − first
 * accepted); lost = recipients it never accepted; duplicated = recipients it accepted twice.
 */
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { createTeamsTransport } from '../../src/channels/teams/teamsTransport';
import { loadConfig } from '../../src/config';
import type { View } from '../../src/core/conversation/views';
import type { ChannelTransport, NewOutboxRecord } from '../../src/delivery/types';
import { buildNudgeJob } from '../../src/jobs/nudgeJob';
import { createLogger } from '../../src/logging/logger';
import { openRepositories } from '../../src/store';
import { FakeBotConnector } from '../../test/support/fakeBotConnector';

const TENANT = 'bench-tenant';

export interface BroadcastRateOptions {
  uri: string;
  dbName: string;
  recipients: number;
  /** `http`: the Teams transport to the 429-enforcing connector; `memory`: an in-process transport that only records. */
  transport?: 'http' | 'memory';
  /** Per-tenant limit; defaults to the configured TEAMS_MESSAGES_PER_SECOND. */
  perSecond?: number;
  log?: (line: string) => void;
}

export interface BroadcastRateResult {
  recipients: number;
  transport: 'http' | 'memory';
  limitPerSecond: number;
  /** Sends the connector may make back to back (its token bucket), for the record. */
  connectorBurst: number;
  accepted: number;
  refused429: number;
  achievedPerSecond: number;
  ofLimit: number;
  lost: number;
  duplicated: number;
  /** Records not ending "sent", from the database. */
  notSent: number;
  /** From the first claim to the last outcome written. */
  drainSeconds: number;
  /** Peak resident memory of the whole bench process during the run. */
  peakRssMb: number;
}

function outboxRecords(count: number, serviceUrl: string): NewOutboxRecord[] {
  const payload = JSON.stringify({ type: 'text', text: 'A new opportunity: a job swap across the trust. Say "tell me more" to hear about it.' } satisfies View);
  return Array.from({ length: count }, (_, index) => {
    const key = `bench:${String(index).padStart(6, '0')}`;
    const reference = {
      serviceUrl,
      channelId: 'msteams',
      conversation: { id: `conv-${index}`, conversationType: 'personal', tenantId: TENANT },
      user: { id: `user-${index}` },
      bot: { id: 'bot' },
    };
    return {
      _id: `bench:broadcast:${key}`,
      orgId: 'bench',
      purpose: 'broadcast' as const,
      key,
      campaign: 'bench',
      recipientEmail: `p${index}@bench.example`,
      address: { channel: 'teams' as const, workspaceId: TENANT, target: JSON.stringify(reference) },
      payload,
    };
  });
}

/** Accepted sends per second of the limit, lost and duplicated recipients, from what the connector logged. */
function tally(acceptedAt: { conversationId: string; at: number }[], recipients: number) {
  const perRecipient = new Map<string, number>();
  for (const { conversationId } of acceptedAt) perRecipient.set(conversationId, (perRecipient.get(conversationId) ?? 0) + 1);
  const times = acceptedAt.map((entry) => entry.at).sort((a, b) => a - b);
  const span = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
  return {
    accepted: acceptedAt.length,
    achievedPerSecond: span > 0 ? (acceptedAt.length - 1) / span : 0,
    lost: recipients - perRecipient.size,
    duplicated: [...perRecipient.values()].filter((count) => count > 1).length,
  };
}

export async function measureBroadcastRate(options: BroadcastRateOptions): Promise<BroadcastRateResult> {
  const transportKind = options.transport ?? 'http';
  const log = options.log ?? (() => undefined);
  const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: options.uri, MONGODB_DB: options.dbName, LOG_LEVEL: 'silent' });
  const perSecond = options.perSecond ?? config.delivery.teamsPerSecond;
  const connectorBurst = Math.max(2, Math.ceil(perSecond / 5));
  const connector = new FakeBotConnector();
  await connector.start();
  connector.limitRate({ perSecond, burst: connectorBurst });
  const client = await MongoClient.connect(options.uri);
  const db = client.db(options.dbName);
  const logger = createLogger('silent');
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  try {
    const repos = await openRepositories(db);
    log(`broadcast: queueing ${options.recipients} outbox records…`);
    await repos.outbox.insertNew(outboxRecords(options.recipients, connector.url));
    const memoryLog: { conversationId: string; at: number }[] = [];
    const memory: ChannelTransport = {
      channel: 'teams',
      send: async (address) => {
        const reference = JSON.parse(address.target) as { conversation: { id: string } };
        memoryLog.push({ conversationId: reference.conversation.id, at: performance.timeOrigin + performance.now() });
      },
    };
    // The production wiring (limits from configuration, the Teams transport) unless measuring in memory.
    const job = buildNudgeJob({ ...config, delivery: { ...config.delivery, teamsPerSecond: perSecond } }, repos, [transportKind === 'http' ? createTeamsTransport(config.teams, logger) : memory], logger);
    log(`broadcast: sending to ${options.recipients} at ${perSecond}/s over ${transportKind === 'http' ? 'HTTP (Teams transport)' : 'an in-process transport'}…`);
    const started = performance.now();
    await job.sender.drain({ waitMs: 30_000 });
    const drainSeconds = (performance.now() - started) / 1000;
    await job.limits.stop();
    const accepted = transportKind === 'http' ? connector.sent.map((sent) => ({ conversationId: sent.conversationId, at: sent.at ?? 0 })) : memoryLog;
    const counts = tally(accepted, options.recipients);
    const stored = await repos.outbox.counts('bench');
    const sentRecords = stored.filter((row) => row.state === 'sent').reduce((sum, row) => sum + row.count, 0);
    return {
      recipients: options.recipients,
      transport: transportKind,
      limitPerSecond: perSecond,
      connectorBurst,
      ...counts,
      refused429: connector.refused.filter((refusal) => refusal.status === 429).length,
      ofLimit: counts.achievedPerSecond / perSecond,
      notSent: options.recipients - sentRecords,
      drainSeconds,
      peakRssMb: peakRss / 1e6,
    };
  } finally {
    clearInterval(sampler);
    await db.dropDatabase();
    await client.close();
    await connector.stop();
  }
}

