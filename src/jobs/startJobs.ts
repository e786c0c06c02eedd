import { schedule, type ScheduledTask } from 'node-cron';
import type { AppConfig } from '../config';
import type { Logger } from '../logging/logger';
import type { Repositories } from '../store';
import { startBroadcastDelivery } from './broadcastJob';
import { buildNudgeJob } from './nudgeJob';
import { NUDGE_LEASE, runNudgePass } from './nudges/runNudgePass';
import { createTransports } from './transports';

export interface RunningJobs {
  /** Stops the schedule and waits for sends in flight to finish. */
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * Schedules the nudge pass (NUDGE_SCHEDULE in TIMEZONE). Each pass plans from stored data, so a
 * pass missed while the bot was down is caught up by the next one; and when no pass has run for a
 * day (the process was down at the scheduled time), one runs straight after start-up, so a
 * day-before reminder is not lost to a restart. Passes are idempotent, so an extra one is harmless.
 */
export function startJobs(config: AppConfig, repos: Repositories, logger: Logger): RunningJobs {
  const log = logger.child({ component: 'jobs' });
  if (!config.nudges.jobsEnabled) {
    log.info('scheduled jobs are turned off (JOBS_ENABLED)');
    return { stop: async () => undefined };
  }
  const job = buildNudgeJob(config, repos, createTransports(config, logger), log);
  const broadcasts = startBroadcastDelivery(config, repos, log);
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const pass = async () => {
    if (stopped) return;
    running = runNudgePass(job, new Date()).catch((error: unknown) => log.error({ err: error }, 'nudge pass failed'));
    await running;
  };
  const task: ScheduledTask = schedule(config.nudges.schedule, pass, { timezone: config.timezone, name: 'nudges', noOverlap: true });
  const catchUp = setTimeout(() => {
    repos.leases
      .current(NUDGE_LEASE)
      .then(async (last) => {
        if (last && Date.now() - last.acquiredAt.getTime() < DAY_MS) return;
        log.info({ lastPass: last?.acquiredAt }, 'no nudge pass in the last day; catching up now');
        await pass();
      })
      .catch((error: unknown) => log.error({ err: error }, 'nudge catch-up failed'));
  }, 1_000);
  log.info({ schedule: config.nudges.schedule, timezone: config.timezone, next: task.getNextRun() }, 'nudge schedule started');
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(catchUp);
      await task.stop();
      await task.destroy();
      await job.sender.stop();
      await running;
      await job.limits.stop();
      await broadcasts.stop();
    },
  };
}
