import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import type { CpdLogEntry } from '../documents';
import { isDuplicateKey, personKey } from './personKey';

/**
 * The claim that a completion's CPD was logged: one per person, opportunity and school year (from
 * 1 September), so an annual item completed again next year is logged again.
 */
export function completionClaimId(orgId: string, email: string, opportunityId: string, date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  const schoolYear = month >= 9 ? year : year - 1;
  return `${orgId}:${normaliseEmail(email)}:completion:${opportunityId}:${schoolYear}`;
}

export interface CpdEntry {
  id: string;
  title: string;
  days: number;
  /** YYYY-MM-DD */
  date: string;
  opportunityId?: string;
}

const newestFirst = (a: CpdLogEntry, b: CpdLogEntry): number =>
  b.date.localeCompare(a.date) || b.createdAt.getTime() - a.createdAt.getTime();

/**
 * CPD logs: one document per person (`${orgId}:${email}`) holding their entries, so "my progress"
 * is one read by `_id` whatever the size of the directory.
 */
export class CpdRepository {
  constructor(private readonly c: Pick<Collections, 'cpdLogs' | 'actionClaims'>) {}

  async add(orgId: string, email: string, entry: Omit<CpdEntry, 'id'>): Promise<CpdEntry> {
    const id = randomUUID();
    const now = new Date();
    const stored: CpdLogEntry = { id, title: entry.title, days: entry.days, date: entry.date, createdAt: now };
    if (entry.opportunityId) stored.opportunityId = entry.opportunityId;
    await this.c.cpdLogs.updateOne(
      { _id: personKey(orgId, email) },
      { $push: { entries: stored }, $set: { updatedAt: now }, $setOnInsert: { orgId, email: normaliseEmail(email) } },
      { upsert: true },
    );
    return { id, ...entry };
  }

  /**
   * Logs CPD for completing an opportunity; false when that completion was already logged this
   * school year. The claim is a unique insert (atomic on every supported server), then the entry.
   */
  async addForCompletion(orgId: string, email: string, entry: Omit<CpdEntry, 'id'> & { opportunityId: string }): Promise<boolean> {
    try {
      await this.c.actionClaims.insertOne({
        _id: completionClaimId(orgId, email, entry.opportunityId, entry.date),
        orgId,
        email: normaliseEmail(email),
        kind: 'completion',
        subject: entry.opportunityId,
        at: new Date(),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await this.add(orgId, email, entry);
    return true;
  }

  /** Entries, newest first; only those dated within [from, to] inclusive (YYYY-MM-DD) when a range is given. */
  async list(orgId: string, email: string, range?: { from: string; to: string }): Promise<CpdEntry[]> {
    const doc = await this.c.cpdLogs.findOne({ _id: personKey(orgId, email) });
    return (doc?.entries ?? [])
      .filter((entry) => !range || (entry.date >= range.from && entry.date <= range.to))
      .sort(newestFirst)
      .map(({ id, title, days, date, opportunityId }) => ({ id, title, days, date, ...(opportunityId ? { opportunityId } : {}) }));
  }

  /** Deletes the person's log; returns how many entries it held. */
  async deleteAllFor(orgId: string, email: string): Promise<number> {
    const doc = await this.c.cpdLogs.findOneAndDelete({ _id: personKey(orgId, email) });
    return doc?.entries.length ?? 0;
  }
}
