import type { Logger } from '../logging/logger';
import type { OutboxOutcome, OutboxRepository } from '../store/repositories/outbox';
import type { DatabasePause } from './databasePause';

export interface OutcomeWriterOptions {
  /** Outcomes held before a write starts without waiting for the window to close. */
  maxBatch: number;
  /** Longest an outcome waits to be written. */
  windowMs: number;
}

export const DEFAULT_OUTCOME_WINDOW: OutcomeWriterOptions = { maxBatch: 100, windowMs: 200 };

/**
 * Records what became of each send a little after the send, in one serial stream, instead of
 * making every send wait for its own write. Sends then keep the rate limiter's pace while the
 * database works, and writes never queue against each other (FerretDB on SQLite serialises them
 * and does worse when they contend). One updateOne per outcome, by _id: FerretDB 1.x scans the
 * whole collection for each statement of a multi-statement update (a bulkWrite of 10 updates took
 * 3.6× as long as 10 updateOne calls, measured), while an updateOne by _id is an index lookup.
 *
 * An outcome not yet written is still in memory; its record is "sending" in the database, so a
 * crash re-sends it after the claim lease (src/delivery/README.md). `flush()` writes everything;
 * an outcome whose write fails stays queued for the next flush rather than being dropped.
 */
export class OutcomeWriter {
  private readonly queue: { outcome: OutboxOutcome; at: Date }[] = [];
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private lastError?: Error;
  private readonly roomWaiters: (() => void)[] = [];

  constructor(
    private readonly outbox: Pick<OutboxRepository, 'recordOutcome'>,
    private readonly persist: DatabasePause,
    private readonly logger: Logger,
    private readonly options: OutcomeWriterOptions = DEFAULT_OUTCOME_WINDOW,
  ) {}

  /** Outcomes not yet written. */
  get backlog(): number {
    return this.queue.length;
  }

  record(outcome: OutboxOutcome): void {
    this.queue.push({ outcome, at: new Date() });
    if (this.queue.length >= this.options.maxBatch) this.startWriting();
    else this.later(this.options.windowMs);
  }

  /** Waits while more than `limit` outcomes are unwritten, so memory and the crash window stay bounded. */
  async room(limit = this.options.maxBatch * 4): Promise<void> {
    while (this.queue.length > limit) {
      if (this.lastError !== undefined) throw this.lastError;
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
  }

  /** Writes every outcome recorded so far; rejects if the database still refuses after its retries. */
  async flush(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      this.startWriting();
      await this.writing;
      if (this.lastError && this.queue.length > 0) {
        const error = this.lastError;
        this.lastError = undefined;
        throw error;
      }
    }
  }

  private startWriting(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.writeQueued().finally(() => {
      this.writing = undefined;
      for (const resolve of this.roomWaiters.splice(0)) resolve();
      if (this.queue.length > 0 && !this.lastError) this.later(0);
    });
  }

  private async writeQueued(): Promise<void> {
    this.lastError = undefined;
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      const { outcome, at } = next;
      try {
        await this.persist.execute(() => this.outbox.recordOutcome(outcome, at));
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.logger.error({ err: error, unwritten: this.queue.length }, 'could not record send outcomes; kept to retry');
        // Try again after a window; the records stay "sending" meanwhile, so nothing is lost.
        this.later(this.options.windowMs);
        return;
      }
      this.queue.shift();
      if (this.roomWaiters.length > 0 && this.queue.length <= this.options.maxBatch) for (const resolve of this.roomWaiters.splice(0)) resolve();
    }
  }

  /** Timers never keep the process alive: drain() and stop() flush before they return. */
  private later(ms: number): void {
    this.timer ??= setTimeout(() => this.startWriting(), ms);
    this.timer.unref();
  }
}
