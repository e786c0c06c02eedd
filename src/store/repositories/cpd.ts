import { randomUUID } from 'node:crypto';
import type { Collections } from '../collections';
import { isDuplicateKey } from '../duplicateKey';

/** One completion of one opportunity logs CPD once: its entry has this `_id`. */
export const completionEntryId = (orgId: string, email: string, opportunityId: string) => `${orgId}:${email}:completion:${opportunityId}`;

export interface CpdEntry {
  id: string;
  title: string;
  days: number;
  /** YYYY-MM-DD */
  date: string;
  opportunityId?: string;
}

export class CpdRepository {
  constructor(private readonly c: Pick<Collections, 'cpdEntries'>) {}

  async add(orgId: string, email: string, entry: Omit<CpdEntry, 'id'>): Promise<CpdEntry> {
    const id = randomUUID();
    await this.c.cpdEntries.insertOne({ _id: id, orgId, email, ...entry, createdAt: new Date() });
    return { id, ...entry };
  }

  /** Logs CPD for completing an opportunity; false when that completion was already logged. */
  async addForCompletion(orgId: string, email: string, entry: Omit<CpdEntry, 'id'> & { opportunityId: string }): Promise<boolean> {
    try {
      await this.c.cpdEntries.insertOne({
        _id: completionEntryId(orgId, email, entry.opportunityId),
        orgId,
        email,
        ...entry,
        createdAt: new Date(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Entries, newest first; only those dated within [from, to] inclusive (YYYY-MM-DD) when a range is given. */
  async list(orgId: string, email: string, range?: { from: string; to: string }): Promise<CpdEntry[]> {
    const docs = await this.c.cpdEntries
      .find({ orgId, email, ...(range ? { date: { $gte: range.from, $lte: range.to } } : {}) })
      .sort({ date: -1, createdAt: -1 })
      .toArray();
    return docs.map(({ _id, title, days, date, opportunityId }) => ({
      id: _id,
      title,
      days,
      date,
      ...(opportunityId ? { opportunityId } : {}),
    }));
  }

  async deleteAllFor(orgId: string, email: string): Promise<number> {
    return (await this.c.cpdEntries.deleteMany({ orgId, email })).deletedCount;
  }
}
