import { MongoBulkWriteError, type AnyBulkWriteOperation } from 'mongodb';
import type { Collections } from '../collections';
import type { CpdLogDoc, PlanDoc } from '../documents';
import { inBatches, isDuplicateKey, personKey } from './personKey';
import { UPDATE_BATCH } from './staffDirectory';

const BATCH = 1000;

/** Runs an unordered bulk write in which a duplicate key means "already migrated". */
async function writeSkippingDuplicates<T extends PlanDoc | CpdLogDoc>(
  collection: Collections['plans'] | Collections['cpdLogs'],
  writes: AnyBulkWriteOperation<T>[],
): Promise<void> {
  const target = collection as unknown as { bulkWrite(w: AnyBulkWriteOperation<T>[], o: object): Promise<unknown> };
  for (const batch of inBatches(writes, UPDATE_BATCH)) {
    try {
      await target.bulkWrite(batch, { ordered: false });
    } catch (error) {
      const failures = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [error];
      if (!failures.every((failure) => isDuplicateKey(failure))) throw error;
    }
  }
}

/**
 * Folds documents of the earlier shapes (one per plan item, one per CPD entry, found by scanning on
 * `orgId` + `email`) into the per-person documents read by `_id`, then deletes them. Idempotent and
 * safe to interrupt: an item already moved is skipped by its key, and legacy documents are deleted
 * only after their batch was written. Costs one empty `find` per collection once migrated.
 */
export async function migrateLegacyShapes(c: Pick<Collections, 'planItems' | 'cpdEntries' | 'plans' | 'cpdLogs'>): Promise<void> {
  for (;;) {
    const items = await c.planItems.find({}).limit(BATCH).toArray();
    if (items.length === 0) break;
    await writeSkippingDuplicates<PlanDoc>(
      c.plans,
      items.map(({ orgId, email, opportunityId, status, history, createdAt, updatedAt }) => ({
        updateOne: {
          filter: { _id: personKey(orgId, email), [`items.${opportunityId}`]: { $exists: false } },
          update: {
            $set: { [`items.${opportunityId}`]: { opportunityId, status, history, createdAt, updatedAt }, updatedAt },
            $setOnInsert: { orgId, email },
          },
          upsert: true,
        },
      })),
    );
    for (const batch of inBatches(items.map((item) => item._id), BATCH)) await c.planItems.deleteMany({ _id: { $in: batch } });
  }
  for (;;) {
    const entries = await c.cpdEntries.find({}).limit(BATCH).toArray();
    if (entries.length === 0) break;
    await writeSkippingDuplicates<CpdLogDoc>(
      c.cpdLogs,
      entries.map(({ _id, orgId, email, title, days, date, opportunityId, createdAt }) => ({
        updateOne: {
          filter: { _id: personKey(orgId, email), 'entries.id': { $ne: _id } },
          update: {
            $push: { entries: { id: _id, title, days, date, createdAt, ...(opportunityId ? { opportunityId } : {}) } },
            $set: { updatedAt: createdAt },
            $setOnInsert: { orgId, email },
          },
          upsert: true,
        },
      })),
    );
    await c.cpdEntries.deleteMany({ _id: { $in: entries.map((entry) => entry._id) } });
  }
}
