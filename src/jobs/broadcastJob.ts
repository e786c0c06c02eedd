import { schedule } from 'node-cron';
import type { AppConfig } from '../config';
import type { Logger } from '../logging/logger';
import type { Repositories } from '../store';
import { runBroadcastPass } from './broadcasts/runBroadcastPass';
import { buildNudgeJob } from './nudgeJob';
import { createTransports } from './transports';

/** Queued broadcasts are picked up within this long (node-cron, seconds field first). */
export const BROADCAST_SCHEDULE = '*/20 * * * * *';

/**
 * Sends queued broadcasts: every 20 seconds, one replica (the lease holder) drains the outbox
 * through the same sender, limits and retries as the nudges. A pass still running when the next
 * is due is not overlapped.
 */
export function startBroadcastDelivery(config: AppConfig, repos: Repositories, logger: Logger): { stop(): Promise<void> } {
  const log = logger.child({ component: 'broadcasts' });
  const job = buildNudgeJob(config, repos, createTransports(config, logger), log);
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const task = schedule(
    BROADCAST_SCHEDULE,
    async () => {
      if (stopped) return;
      running = runBroadcastPass({ repos, sender: job.sender, logger: log, leaseMs: config.delivery.leaseMs }, { waitMs: 15_000 }).catch((error: unknown) =>
        log.error({ err: error }, 'broadcast pass failed'),
      );
      await running;
    },
    { timezone: config.timezone, name: 'broadcasts', noOverlap: true },
  );
  return {
    stop: async () => {
      stopped = true;
      await task.stop();
      await task.destroy();
      await job.sender.stop();
      await running;
      await job.limits.stop();
    },
  };
}
