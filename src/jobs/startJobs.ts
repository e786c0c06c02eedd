import { schedule, type ScheduledTask } from 'node-cron';
import type { AppConfig } from '../config';
import type { Logger } from '../logging/logger';
import type { Repositories } from '../store';
import { buildNudgeJob } from './nudgeJob';
import { runNudgePass } from './nudges/runNudgePass';
import { createTransports } from './transports';

export interface RunningJobs {
  /** Stops the schedule and waits for sends in flight to finish. */
  stop(): Promise<void>;
}

/**
 * Schedules the nudge pass (NUDGE_SCHEDULE in TIMEZONE). Each pass plans from stored data, so a
 * pass missed while the bot was down is caught up by the next one.
 */
export function startJobs(config: AppConfig, repos: Repositories, logger: Logger): RunningJobs {
  const log = logger.child({ component: 'jobs' });
  if (!config.nudges.jobsEnabled) {
    log.info('scheduled jobs are turned off (JOBS_ENABLED)');
    return { stop: async () => undefined };
  }
  const job = buildNudgeJob(config, repos, createTransports(config, logger), log);
  let running: Promise<unknown> | undefined;
  const task: ScheduledTask = schedule(
    config.nudges.schedule,
    async () => {
      running = runNudgePass(job, new Date()).catch((error: unknown) => log.error({ err: error }, 'nudge pass failed'));
      await running;
    },
    { timezone: config.timezone, name: 'nudges', noOverlap: true },
  );
  log.info({ schedule: config.nudges.schedule, timezone: config.timezone, next: task.getNextRun() }, 'nudge schedule started');
  return {
    stop: async () => {
      await task.stop();
      await task.destroy();
      await job.sender.stop();
      await running;
      await job.limits.stop();
    },
  };
}
