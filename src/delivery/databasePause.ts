import type { Logger } from '../logging/logger';
import { isDatabaseUnavailable } from '../store/databaseFaults';

const OTHER_FAILURE_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the sender's database work. While the database is unavailable the work waits for it —
 * delivery pauses, and resumes where it was when the database answers — for at most `maxPauseMs`
 * (kept under the claim lease, so no other runner takes over a claim whose "sent" is only waiting
 * to be written). Any other failure gets a few quick retries: a busy database must not lose a "sent".
 */
export class DatabasePause {
  private paused = false;

  constructor(
    private readonly logger: Logger,
    private readonly maxPauseMs: number,
    private readonly pollMs = 500,
  ) {}

  async execute<T>(work: () => Promise<T>): Promise<T> {
    let failures = 0;
    let pauseStarted: number | undefined;
    for (;;) {
      try {
        const result = await work();
        if (this.paused) {
          this.paused = false;
          this.logger.info('database answering again: delivery resumed');
        }
        return result;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          pauseStarted ??= Date.now();
          if (!this.paused) {
            this.paused = true;
            this.logger.warn({ err: error }, 'database unavailable: delivery paused until it answers');
          }
          if (Date.now() - pauseStarted >= this.maxPauseMs) throw error;
          await sleep(this.pollMs);
          continue;
        }
        failures += 1;
        if (failures >= OTHER_FAILURE_ATTEMPTS) throw error;
        await sleep(Math.min(50 * 2 ** (failures - 1), 2_000));
      }
    }
  }
}
