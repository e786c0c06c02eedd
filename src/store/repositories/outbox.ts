import { MongoBulkWriteError } from 'mongodb';
import type { DeliveryPurpose, DeliveryState, NewOutboxRecord, OutboxRecord } from '../../delivery/types';
import type { Collections } from '../collections';

export interface OutboxClaimDoc {
  _id: string;
  owner: string;
  at: Date;
}

export interface OutboxCount {
  orgId: string;
  purpose: DeliveryPurpose;
  state: DeliveryState;
  count: number;
}

/** What became of one send: sent, given up on, or back to pending for a later attempt. */
export type OutboxOutcome =
  | { record: OutboxRecord; state: 'sent' }
  | { record: OutboxRecord; state: 'failed' | 'unreachable'; reason: string }
  | { record: OutboxRecord; state: 'pending'; notBefore: Date; reason: string };

const INSERT_BATCH = 1_000;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

const claimId = (record: Pick<OutboxRecord, '_id' | 'attempts'>) => `${record._id}:${record.attempts}`;

/**
 * The delivery outbox: one record per (purpose, recipient, key). Sending is guarded by claim
 * documents `recordId:attempt` created with a unique insert, the one atomic test-and-set every
 * supported server offers (see StateStore).
 */
export class OutboxRepository {
  constructor(private readonly c: Pick<Collections, 'outbox' | 'outboxClaims'>) {}

  /** Inserts records that do not exist yet; returns how many were new. Planning twice adds nothing. */
  async insertNew(records: NewOutboxRecord[], now = new Date()): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < records.length; start += INSERT_BATCH) {
      const batch = records.slice(start, start + INSERT_BATCH).map((record) => ({
        insertOne: {
          document: { ...record, state: record.state ?? 'pending', attempts: 0, createdAt: now, updatedAt: now, notBefore: now },
        },
      }));
      try {
        inserted += (await this.c.outbox.bulkWrite(batch, { ordered: false })).insertedCount;
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const writeErrors = [error.writeErrors].flat();
        if (writeErrors.some((writeError) => writeError.code !== 11000)) throw error;
        inserted += error.insertedCount;
      }
    }
    return inserted;
  }

  /** Which of these ids are already in the outbox. */
  async existing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const docs = await this.c.outbox.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray();
    return docs.map((doc) => doc._id);
  }

  /** State and reason of each of these records. */
  async statesOf(ids: string[]): Promise<Map<string, { state: DeliveryState; reason?: string }>> {
    if (ids.length === 0) return new Map();
    const docs = await this.c.outbox.find({ _id: { $in: ids } }, { projection: { state: 1, reason: 1 } }).toArray();
    return new Map(docs.map((doc) => [doc._id, { state: doc.state, ...(doc.reason ? { reason: doc.reason } : {}) }]));
  }

  async get(id: string): Promise<OutboxRecord | null> {
    return this.c.outbox.findOne({ _id: id });
  }

  /** Pending records whose time has come, in id order, after `afterId` when given (one sweep pages through). */
  async ready(now: Date, limit: number, orgId?: string, afterId?: string): Promise<OutboxRecord[]> {
    return this.c.outbox
      .find({ ...(orgId ? { orgId } : {}), ...(afterId ? { _id: { $gt: afterId } } : {}), state: 'pending', notBefore: { $lte: now } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** When the next record waiting for a later moment (a retry, a Retry-After) becomes due. */
  async nextDue(after: Date, orgId?: string): Promise<Date | undefined> {
    const [next] = await this.c.outbox
      .find({ ...(orgId ? { orgId } : {}), state: 'pending', notBefore: { $gt: after } }, { projection: { notBefore: 1 } })
      .sort({ notBefore: 1 })
      .limit(1)
      .toArray();
    return next?.notBefore;
  }

  /**
   * Takes the right to send one attempt of a record. A claim left behind by a process that died
   * before marking the record "sending" is recognised by its age; the record then moves to its
   * next attempt so a later claim can succeed.
   */
  async claim(record: OutboxRecord, owner: string, staleBefore: Date, now = new Date()): Promise<'claimed' | 'held' | 'recovered'> {
    try {
      await this.c.outboxClaims.insertOne({ _id: claimId(record), owner, at: now });
      return 'claimed';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.c.outboxClaims.findOne({ _id: claimId(record) });
    // Our own insert whose answer was lost (a retried write) is still ours.
    if (existing?.owner === owner) return 'claimed';
    if (!existing || existing.at >= staleBefore) return 'held';
    // $set (not $inc): two processes recovering the same record agree on the next attempt.
    await this.c.outbox.updateOne(
      { _id: record._id, state: 'pending', attempts: record.attempts },
      { $set: { attempts: record.attempts + 1, reason: 'claim abandoned; retrying', updatedAt: now } },
    );
    return 'recovered';
  }

  /**
   * Claims the current attempt of many records with one unordered insert; the duplicates are records
   * another runner holds (or abandoned, which `claim` explains).
   */
  async claimMany(records: OutboxRecord[], owner: string, staleBefore: Date, now = new Date()): Promise<{ claimed: OutboxRecord[]; held: number; recovered: number }> {
    const refused = new Set<number>();
    if (records.length === 0) return { claimed: [], held: 0, recovered: 0 };
    try {
      await this.c.outboxClaims.insertMany(records.map((record) => ({ _id: claimId(record), owner, at: now })), { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = [error.writeErrors].flat();
      if (writeErrors.some((writeError) => writeError.code !== 11000)) throw error;
      for (const writeError of writeErrors) refused.add(writeError.index);
    }
    const claimed = records.filter((_, index) => !refused.has(index));
    const contested = records.filter((_, index) => refused.has(index));
    if (contested.length === 0) return { claimed, held: 0, recovered: 0 };
    const claims = new Map(
      (await this.c.outboxClaims.find({ _id: { $in: contested.map(claimId) } }).toArray()).map((claim) => [claim._id, claim]),
    );
    let held = 0;
    let recovered = 0;
    for (const record of contested) {
      const existing = claims.get(claimId(record));
      if (existing?.owner === owner) claimed.push(record);
      else if (!existing || existing.at >= staleBefore) held += 1;
      else {
        await this.c.outbox.updateOne(
          { _id: record._id, state: 'pending', attempts: record.attempts },
          { $set: { attempts: record.attempts + 1, reason: 'claim abandoned; retrying', updatedAt: now } },
        );
        recovered += 1;
      }
    }
    return { claimed, held, recovered };
  }

  async markSendingMany(records: OutboxRecord[], owner: string, now = new Date()): Promise<void> {
    if (records.length === 0) return;
    await this.c.outbox.updateMany(
      { _id: { $in: records.map((record) => record._id) } },
      { $set: { state: 'sending', claimedAt: now, claimedBy: owner, updatedAt: now } },
    );
  }

  async markSending(record: OutboxRecord, owner: string, now = new Date()): Promise<void> {
    await this.c.outbox.updateOne(
      { _id: record._id },
      { $set: { state: 'sending', claimedAt: now, claimedBy: owner, updatedAt: now } },
    );
  }

  async markSent(record: OutboxRecord, now = new Date()): Promise<void> {
    await this.c.outbox.updateOne(
      { _id: record._id },
      { $set: { state: 'sent', sentAt: now, attempts: record.attempts + 1, updatedAt: now }, $unset: { reason: '', lastError: '' } },
    );
  }

  async markFinal(record: OutboxRecord, state: 'failed' | 'unreachable', reason: string, now = new Date()): Promise<void> {
    await this.c.outbox.updateOne(
      { _id: record._id },
      { $set: { state, reason, lastError: reason, attempts: record.attempts + 1, updatedAt: now } },
    );
  }

  async recordOutcome(outcome: OutboxOutcome, now = new Date()): Promise<void> {
    if (outcome.state === 'sent') await this.markSent(outcome.record, now);
    else if (outcome.state === 'pending') await this.markRetry(outcome.record, outcome.notBefore, outcome.reason, now);
    else await this.markFinal(outcome.record, outcome.state, outcome.reason, now);
  }

  async markRetry(record: OutboxRecord, notBefore: Date, error: string, now = new Date()): Promise<void> {
    await this.c.outbox.updateOne(
      { _id: record._id },
      { $set: { state: 'pending', notBefore, lastError: error, reason: 'waiting to retry', attempts: record.attempts + 1, updatedAt: now } },
    );
  }

  /**
   * Records left "sending" by a process that stopped before recording the outcome go back to
   * pending under their next attempt (see the trade-off in src/delivery/README.md).
   */
  async recoverStale(staleBefore: Date, now = new Date()): Promise<number> {
    const stale = await this.c.outbox
      .find({ state: 'sending', claimedAt: { $lt: staleBefore } }, { projection: { attempts: 1 } })
      .toArray();
    let recovered = 0;
    for (const record of stale) {
      const result = await this.c.outbox.updateOne(
        { _id: record._id, state: 'sending', attempts: record.attempts },
        { $set: { state: 'pending', attempts: record.attempts + 1, reason: 'interrupted; retrying', notBefore: now, updatedAt: now } },
      );
      recovered += result.modifiedCount;
    }
    return recovered;
  }

  async counts(orgId?: string): Promise<OutboxCount[]> {
    const rows = await this.c.outbox
      .aggregate<{ _id: { orgId: string; purpose: DeliveryPurpose; state: DeliveryState }; count: number }>([
        ...(orgId ? [{ $match: { orgId } }] : []),
        { $group: { _id: { orgId: '$orgId', purpose: '$purpose', state: '$state' }, count: { $sum: 1 } } },
      ])
      .toArray();
    return rows
      .map((row) => ({ ...row._id, count: row.count }))
      .sort((a, b) => a.orgId.localeCompare(b.orgId) || a.purpose.localeCompare(b.purpose) || a.state.localeCompare(b.state));
  }

  async list(filter: { orgId?: string; purpose?: DeliveryPurpose; campaign?: string } = {}): Promise<OutboxRecord[]> {
    return this.c.outbox.find(filter).sort({ _id: 1 }).toArray();
  }
}
