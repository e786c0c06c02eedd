import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../errors';
import type { MemoryStore, Versioned } from '../../core/ports';
import type { Collections } from '../collections';

export type StoredItem = Record<string, unknown> & { eTag?: string };

export class EtagConflictError extends ConflictError {
  constructor(key: string) {
    super(`State for "${key}" was changed by another turn; the write was rejected (eTag conflict).`);
  }
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * Key/value documents with optimistic concurrency, following Bot Framework storage semantics:
 * reads omit missing keys; a write whose eTag is missing or '*' overwrites; a write with any other
 * eTag succeeds only if it matches the stored one (or nothing is stored yet).
 *
 * It is also the core's memory store: one document per key, read by `_id`, written only when the
 * memory changed and only over the version that was read.
 */
export class StateStore implements MemoryStore {
  constructor(private readonly c: Pick<Collections, 'botState' | 'botStateClaims'>) {}

  async read(keys: string[]): Promise<Record<string, StoredItem>> {
    if (keys.length === 0) return {};
    const docs = await this.c.botState.find({ _id: { $in: keys } }).toArray();
    const result: Record<string, StoredItem> = {};
    for (const doc of docs) {
      result[doc._id] = { ...(JSON.parse(doc.data) as Record<string, unknown>), eTag: doc.eTag };
    }
    return result;
  }

  async write(changes: Record<string, StoredItem>): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  async load<T extends object>(key: string): Promise<Versioned<T> | undefined> {
    const doc = await this.c.botState.findOne({ _id: key });
    return doc ? { value: JSON.parse(doc.data) as T, eTag: doc.eTag } : undefined;
  }

  /** With no eTag, succeeds only if nothing is stored yet: a unique insert is the atomic claim. */
  async save<T extends object>(key: string, value: T, eTag: string | undefined): Promise<void> {
    if (eTag) return this.writeOne(key, { ...value, eTag });
    try {
      await this.c.botState.insertOne({ _id: key, data: JSON.stringify(value), eTag: randomUUID(), updatedAt: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) throw new EtagConflictError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.c.botState.deleteOne({ _id: key });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.c.botState.deleteMany({ _id: { $in: keys } });
  }

  private async writeOne(key: string, item: StoredItem): Promise<void> {
    const { eTag: expected, ...body } = item;
    const next = { data: JSON.stringify(body), eTag: randomUUID(), updatedAt: new Date() };

    if (!expected || expected === '*') {
      await this.c.botState.replaceOne({ _id: key }, next, { upsert: true });
      return;
    }
    // Claim the eTag first. A unique insert is atomic on every supported server, whereas a
    // conditional update is not on all of them (FerretDB 1.x lets two concurrent ones both match).
    const claim = `${key}\u0000${expected}`;
    try {
      await this.c.botStateClaims.insertOne({ _id: claim, at: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) throw new EtagConflictError(key);
      throw error;
    }
    try {
      const updated = await this.c.botState.updateOne({ _id: key, eTag: expected }, { $set: next });
      if (updated.matchedCount === 1) return;
      try {
        await this.c.botState.insertOne({ _id: key, ...next });
      } catch (error) {
        if (isDuplicateKey(error)) throw new EtagConflictError(key);
        throw error;
      }
    } finally {
      // The eTag just replaced is never issued again, so releasing its claim cannot let a stale write in.
      await this.c.botStateClaims.deleteOne({ _id: claim });
    }
  }
}
