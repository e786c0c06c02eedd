import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { OutboxRepository } from '../store/repositories/outbox';
import { DatabasePause } from './databasePause';
import { OutcomeWriter, type OutcomeWriterOptions } from './outcomeWriter';
import { WorkspaceRateLimits } from './rateLimits';
import { DEFAULT_RETRY, deliveryRetryPolicy, type RetrySettings } from './retryPolicy';
import { DeliveryError, type ChannelTransport, type ComposeView, type OutboxRecord } from './types';

export interface OutboxSenderOptions {
  outbox: OutboxRepository;
  transports: readonly ChannelTransport[];
  limits: WorkspaceRateLimits;
  compose: ComposeView;
  logger: Logger;
  /** Claims older than this are presumed abandoned by a process that died. */
  leaseMs: number;
  /** Claims per record before it is marked failed. */
  maxAttempts: number;
  retry?: Partial<RetrySettings>;
  batchSize?: number;
  /** Records being claimed or sent at once by this runner (the rate limiter paces the sends). */
  concurrency?: number;
  /** How outcomes are gathered before they are written (see OutcomeWriter). */
  outcomeWindow?: OutcomeWriterOptions;
  /** Test seams to simulate a crash at a precise point; production never sets them. */
  hooks?: { afterClaim?(records: OutboxRecord[]): Promise<void>; beforeSend?(records: OutboxRecord[]): Promise<void> };
}

export interface DrainSummary {
  sent: number;
  failed: number;
  unreachable: number;
  /** Records put back for a later attempt (transient failures, long Retry-After). */
  deferred: number;
  /** Records another process held. */
  skipped: number;
  recovered: number;
}

const progressOf = (s: DrainSummary) => s.sent + s.failed + s.unreachable + s.deferred + s.recovered;

const emptySummary = (): DrainSummary => ({ sent: 0, failed: 0, unreachable: 0, deferred: 0, skipped: 0, recovered: 0 });

/**
 * Sends what the outbox holds. For every record: claim (unique insert), mark "sending", send
 * through the workspace's rate limiter with retries, record the outcome. A record marked sent is
 * never sent again; a record whose sender died mid-way is retried after `leaseMs` — see
 * src/delivery/README.md for why this is the right side of the at-least/at-most-once trade-off.
 */
export class OutboxSender {
  readonly owner = `sender-${randomUUID()}`;
  private readonly transports: Map<string, ChannelTransport>;
  private readonly retry: RetrySettings;
  private stopping = false;
  private inFlight = new Set<Promise<unknown>>();
  /** Database work pauses while the database is down and is retried when busy: nothing lost, nothing sent twice. */
  private readonly persist: DatabasePause;
  /** What became of each send, written shortly after it in one serial stream. */
  private readonly outcomes: OutcomeWriter;
  /** Records this runner has claimed and not yet finished, per workspace (see `withinLease`). */
  private readonly heldPerWorkspace = new Map<string, number>();

  constructor(private readonly options: OutboxSenderOptions) {
    this.transports = new Map(options.transports.map((transport) => [transport.channel, transport]));
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.persist = new DatabasePause(options.logger, options.leaseMs / 2);
    this.outcomes = new OutcomeWriter(options.outbox, this.persist, options.logger, options.outcomeWindow);
  }

  /**
   * Sends every ready record (of one organisation, or all), waiting up to `waitMs` for records
   * deferred by a short Retry-After. Returns when nothing more is ready or `stop()` was called.
   */
  async drain(options: { orgId?: string; waitMs?: number } = {}): Promise<DrainSummary> {
    const summary = emptySummary();
    const { outbox } = this.options;
    summary.recovered = await this.persist.execute(() => outbox.recoverStale(new Date(Date.now() - this.options.leaseMs)));
    // Sweeps page through ready records in id order, fetching the next page while the previous one
    // is being sent so the rate limiter never waits for the database. Another sweep follows while
    // the last one made progress; records other runners hold are left to them rather than polled.
    let afterId: string | undefined;
    let sweepStart = progressOf(summary);
    let previous: Promise<void> | undefined;
    const settle = async () => {
      const page = previous;
      previous = undefined;
      await page;
    };
    try {
      while (!this.stopping) {
        const batch = await this.persist.execute(() => outbox.ready(new Date(), this.options.batchSize ?? 200, options.orgId, afterId));
        if (batch.length > 0) {
          const groups = this.withinLease(groupRecords(batch));
          if (groups.length === 0 && previous) {
            // This runner already holds as much of these workspaces as a lease allows: read the
            // same page again once the page in flight is done.
            await settle();
            continue;
          }
          afterId = groups.length > 0 ? lastId(groups) : batch[batch.length - 1]?._id;
          const page = this.track(this.deliverPage(groups, summary));
          page.catch(() => undefined); // awaited below; this only stops an early rejection being reported as unhandled
          await settle();
          previous = page;
          continue;
        }
        await settle();
        // Retries written as pending again are what nextDue looks for.
        await this.outcomes.flush();
        const sweptSomething = afterId !== undefined;
        afterId = undefined;
        const progressed = progressOf(summary) > sweepStart;
        sweepStart = progressOf(summary);
        if (sweptSomething && progressed) continue;
        const next = await this.persist.execute(() => outbox.nextDue(new Date(), options.orgId));
        const wait = next ? next.getTime() - Date.now() : Infinity;
        if (wait > (options.waitMs ?? 0)) break;
        await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 10)));
      }
    } finally {
      // Whatever happens, nothing this runner started is left running behind its back, and every
      // outcome it knows of is written.
      await Promise.allSettled([...this.inFlight]);
      await this.outcomes.flush();
    }
    return summary;
  }

  /** Stops taking new records, waits for the sends in flight and writes their outcomes. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
    await this.outcomes.flush();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    return promise.finally(() => this.inFlight.delete(promise));
  }

  /**
   * Claims a page with one insert and marks it sending with one update, then sends its groups with
   * bounded concurrency (the rate limiter paces the sends). Records left unclaimed by a database
   * error are picked up by a later sweep.
   */
  private async deliverPage(groups: OutboxRecord[][], summary: DrainSummary): Promise<void> {
    const { outbox, hooks } = this.options;
    const records = groups.flat();
    if (records.length === 0) return;
    let claimed: OutboxRecord[];
    try {
      const result = await this.persist.execute(() => outbox.claimMany(records, this.owner, new Date(Date.now() - this.options.leaseMs)));
      claimed = result.claimed;
      summary.skipped += result.held;
      summary.recovered += result.recovered;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not claim outbox records; a later pass will');
      this.release(records);
      return;
    }
    const expired = claimed.filter((record) => record.expiresAt && record.expiresAt.getTime() <= Date.now());
    await Promise.all(expired.map((record) => this.persist.execute(() => outbox.markFinal(record, 'failed', 'expired before it could be sent'))));
    summary.failed += expired.length;
    const ready = new Set(claimed.filter((record) => !expired.includes(record)).map((record) => record._id));
    this.release(records.filter((record) => !ready.has(record._id)));
    const claimedGroups = groups.map((group) => group.filter((record) => ready.has(record._id))).filter((group) => group.length > 0);
    if (claimedGroups.length === 0) return;
    const all = claimedGroups.flat();
    await hooks?.afterClaim?.(all);
    await this.persist.execute(() => outbox.markSendingMany(all, this.owner));
    await hooks?.beforeSend?.(all);

    const queue = [...claimedGroups];
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        try {
          await this.sendGroup(group, summary);
        } finally {
          this.release(group);
        }
        await this.outcomes.room();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 32, queue.length) }, worker));
  }

  /**
   * The groups of a page this runner can send well within the lease: per workspace, at most half
   * a lease's worth of sends at its rate are held at once (a Slack workspace at 1/s with a 120 s
   * lease: 60). Without this a page of Slack messages could outlast its lease and be taken over,
   * and sent again, by another runner. Groups left out stay pending for the next read or sweep.
   */
  private withinLease(groups: OutboxRecord[][]): OutboxRecord[][] {
    const takenNow = new Map<string, number>();
    return groups.filter((group) => {
      const address = group[0]?.address;
      if (!address) return true;
      const key = `${address.channel}:${address.workspaceId}`;
      const budget = Math.max(1, Math.floor((this.options.limits.perSecond(address) * this.options.leaseMs) / 2000));
      const held = this.heldPerWorkspace.get(key) ?? 0;
      const taken = takenNow.get(key) ?? 0;
      // A page takes at most half the budget, so the next page can be claimed while this one sends.
      const fits = held + group.length <= budget && taken + group.length <= Math.ceil(budget / 2);
      if (!fits && (held > 0 || taken > 0)) return false;
      this.heldPerWorkspace.set(key, held + group.length);
      takenNow.set(key, taken + group.length);
      return true;
    });
  }

  private release(records: OutboxRecord[]): void {
    for (const record of records) {
      if (!record.address) continue;
      const key = `${record.address.channel}:${record.address.workspaceId}`;
      const held = (this.heldPerWorkspace.get(key) ?? 0) - 1;
      if (held > 0) this.heldPerWorkspace.set(key, held);
      else this.heldPerWorkspace.delete(key);
    }
  }

  private async sendGroup(claimed: OutboxRecord[], summary: DrainSummary): Promise<void> {
    const [first] = claimed as [OutboxRecord, ...OutboxRecord[]];
    const address = first.address;
    const transport = address ? this.transports.get(address.channel) : undefined;
    if (!address || !transport) {
      const reason = address ? `${address.channel} is not configured` : 'no address';
      for (const record of claimed) this.outcomes.record({ record, state: 'unreachable', reason });
      summary.unreachable += claimed.length;
      return;
    }

    const log = this.options.logger.child({ records: claimed.map((record) => record._id), channel: address.channel });
    try {
      const view = this.options.compose(claimed);
      const policy = deliveryRetryPolicy(this.retry, (ms) => this.options.limits.pause(address, ms));
      await policy.execute(() => this.options.limits.schedule(address, () => transport.send(address, view)));
    } catch (error) {
      this.recordFailure(claimed, error, summary, log);
      return;
    }
    summary.sent += claimed.length;
    for (const record of claimed) this.outcomes.record({ record, state: 'sent' });
  }

  private recordFailure(claimed: OutboxRecord[], error: unknown, summary: DrainSummary, log: Logger): void {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      log.info({ reason: message }, 'recipient unreachable');
      for (const record of claimed) this.outcomes.record({ record, state: 'unreachable', reason: message });
      summary.unreachable += claimed.length;
      return;
    }
    const rateLimited = error instanceof DeliveryError && error.kind === 'rateLimited';
    for (const record of claimed) {
      // Being told to wait is not a failure: a rate-limited record is never given up on.
      if (rateLimited || record.attempts + 1 < this.options.maxAttempts) {
        const wait = rateLimited ? (error.retryAfterMs ?? 1_000) : this.retry.baseDelayMs * 2 ** (record.attempts + this.retry.triesPerClaim);
        this.outcomes.record({ record, state: 'pending', notBefore: new Date(Date.now() + wait), reason: message });
        summary.deferred += 1;
      } else {
        log.warn({ err: error }, 'delivery failed after every attempt');
        this.outcomes.record({ record, state: 'failed', reason: message });
        summary.failed += 1;
      }
    }
  }
}

/** The greatest record id in these groups (ids order a sweep). */
function lastId(groups: OutboxRecord[][]): string | undefined {
  let last: string | undefined;
  for (const record of groups.flat()) if (last === undefined || record._id > last) last = record._id;
  return last;
}

/** Records with the same group and address travel together; others alone. */
function groupRecords(records: OutboxRecord[]): OutboxRecord[][] {
  const groups = new Map<string, OutboxRecord[]>();
  for (const record of records) {
    const key = record.group && record.address ? `${record.group}\u0000${record.address.target}` : record._id;
    const list = groups.get(key) ?? [];
    list.push(record);
    groups.set(key, list);
  }
  return [...groups.values()];
}
