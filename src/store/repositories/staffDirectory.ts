import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { normaliseEmail, type StaffMember } from '../../core/staff/staffMember';
import type { StaffDoc } from '../documents';
import { withoutUndefined } from '../withoutUndefined';
import { inBatches, personKey } from './personKey';

/** What a directory file says about one person. Admin rights never come from here. */
export type DirectoryRow = Pick<StaffMember, 'email' | 'name' | 'pathway' | 'stage'> &
  Partial<Pick<StaffMember, 'school' | 'managerEmail' | 'nextDiscussion' | 'jobTitle'>>;

/** The fields a directory row sets; a field left out of a row keeps its stored value. */
const DIRECTORY_FIELDS = ['name', 'pathway', 'stage', 'school', 'managerEmail', 'nextDiscussion', 'jobTitle'] as const;

export const DIRECTORY_BATCH = 1000;

export interface DirectoryPlan {
  created: DirectoryRow[];
  changed: DirectoryRow[];
  /** Emails of rows that match what is stored; they are not written. */
  unchanged: string[];
  /** Emails of directory people missing from the file (only with `deactivateMissing`). */
  deactivated: string[];
}

export interface DirectorySummary {
  created: number;
  changed: number;
  unchanged: number;
  deactivated: number;
}

export const summariseDirectoryPlan = (plan: DirectoryPlan): DirectorySummary => ({
  created: plan.created.length,
  changed: plan.changed.length,
  unchanged: plan.unchanged.length,
  deactivated: plan.deactivated.length,
});

type StoredFields = Pick<StaffDoc, '_id' | 'source' | 'active' | (typeof DIRECTORY_FIELDS)[number]>;

function isUnchanged(row: DirectoryRow, stored: StoredFields): boolean {
  if (stored.source !== 'directory' || stored.active === false) return false;
  return DIRECTORY_FIELDS.every((field) => row[field] === undefined || row[field] === stored[field]);
}

/**
 * Works out what a directory import would do, reading what is stored once: one `find` by `_id`
 * per batch of rows, plus (with `deactivateMissing`) one pass over the organisation's directory.
 */
export async function planDirectoryImport(
  staff: Collection<StaffDoc>,
  orgId: string,
  rows: readonly DirectoryRow[],
  options: { deactivateMissing?: boolean } = {},
): Promise<DirectoryPlan> {
  const plan: DirectoryPlan = { created: [], changed: [], unchanged: [], deactivated: [] };
  const projection = Object.fromEntries([...DIRECTORY_FIELDS, 'source', 'active'].map((field) => [field, 1]));
  for (const batch of inBatches(rows, DIRECTORY_BATCH)) {
    const keyed = batch.map((row) => ({ row: { ...row, email: normaliseEmail(row.email) }, key: personKey(orgId, row.email) }));
    const stored = await staff
      .find({ _id: { $in: keyed.map(({ key }) => key) } }, { projection })
      .toArray();
    const byKey = new Map(stored.map((doc) => [doc._id, doc as StoredFields]));
    for (const { row, key } of keyed) {
      const before = byKey.get(key);
      if (!before) plan.created.push(row);
      else if (isUnchanged(row, before)) plan.unchanged.push(row.email);
      else plan.changed.push(row);
    }
  }
  if (options.deactivateMissing) {
    const listed = new Set(rows.map((row) => normaliseEmail(row.email)));
    const directory = staff.find({ orgId, source: 'directory' }, { projection: { email: 1, active: 1 } });
    for await (const doc of directory) {
      if (doc.active !== false && !listed.has(doc.email)) plan.deactivated.push(doc.email);
    }
  }
  return plan;
}

/** Writes a planned import with unordered bulk writes in batches; unchanged rows are not written. */
export async function applyDirectoryImport(
  staff: Collection<StaffDoc>,
  orgId: string,
  plan: DirectoryPlan,
  onProgress: (written: number) => void = () => undefined,
): Promise<void> {
  const now = new Date();
  const upsert = (row: DirectoryRow): AnyBulkWriteOperation<StaffDoc> => ({
    updateOne: {
      filter: { _id: personKey(orgId, row.email) },
      update: {
        $set: { ...withoutUndefined(row), orgId, source: 'directory', updatedAt: now },
        $unset: { active: '', deactivatedAt: '' },
        $setOnInsert: { role: 'staff', interests: [], createdAt: now },
      },
      upsert: true,
    },
  });
  const deactivate = (email: string): AnyBulkWriteOperation<StaffDoc> => ({
    updateOne: {
      filter: { _id: personKey(orgId, email) },
      update: { $set: { active: false, deactivatedAt: now, updatedAt: now } },
    },
  });
  const writes = [...plan.created.map(upsert), ...plan.changed.map(upsert), ...plan.deactivated.map(deactivate)];
  let written = 0;
  for (const batch of inBatches(writes, DIRECTORY_BATCH)) {
    await staff.bulkWrite(batch, { ordered: false });
    written += batch.length;
    onProgress(written);
  }
}
