import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
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
/**
 * FerretDB 1.24 (SQLite) stops answering an unordered `update` command of 100 or more statements, and
 * each update by `_id` costs a pass over the collection there; inserts are cheap. So updates go in small batches.
 */
export const UPDATE_BATCH = 50;
const DUPLICATE_KEY = 11000;

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

type StoredFields = Pick<StaffDoc, '_id' | 'email' | 'source' | 'active' | (typeof DIRECTORY_FIELDS)[number]>;

function isUnchanged(row: DirectoryRow, stored: StoredFields): boolean {
  if (stored.source !== 'directory' || stored.active === false) return false;
  return DIRECTORY_FIELDS.every((field) => row[field] === undefined || row[field] === stored[field]);
}

/** Stored directory fields of the people the import may touch, by `_id`. */
async function readStored(
  staff: Collection<StaffDoc>,
  orgId: string,
  rows: readonly DirectoryRow[],
  wholeOrganisation: boolean,
): Promise<Map<string, StoredFields>> {
  const projection = Object.fromEntries([...DIRECTORY_FIELDS, 'email', 'source', 'active'].map((field) => [field, 1]));
  // FerretDB 1.x scans the collection for every `$in` query (only single `_id` lookups are direct), so a
  // large file is matched against one pass over the organisation's directory rather than one `$in` per batch.
  const filter =
    wholeOrganisation || rows.length > DIRECTORY_BATCH ? { orgId } : { _id: { $in: rows.map((row) => personKey(orgId, row.email)) } };
  const stored = new Map<string, StoredFields>();
  for await (const doc of staff.find(filter, { projection, batchSize: 10 * DIRECTORY_BATCH })) stored.set(doc._id, doc);
  return stored;
}

/**
 * Works out what a directory import would do with one read of what is stored: a single `find` by
 * `_id` for a small file, otherwise one pass over the organisation's directory.
 */
export async function planDirectoryImport(
  staff: Collection<StaffDoc>,
  orgId: string,
  rows: readonly DirectoryRow[],
  options: { deactivateMissing?: boolean } = {},
): Promise<DirectoryPlan> {
  const plan: DirectoryPlan = { created: [], changed: [], unchanged: [], deactivated: [] };
  const stored = await readStored(staff, orgId, rows, Boolean(options.deactivateMissing));
  const listed = new Set<string>();
  for (const original of rows) {
    const row = { ...original, email: normaliseEmail(original.email) };
    listed.add(row.email);
    const before = stored.get(personKey(orgId, row.email));
    if (!before) plan.created.push(row);
    else if (isUnchanged(row, before)) plan.unchanged.push(row.email);
    else plan.changed.push(row);
  }
  if (options.deactivateMissing) {
    for (const doc of stored.values()) {
      if (doc.source === 'directory' && doc.active !== false && !listed.has(doc.email)) plan.deactivated.push(doc.email);
    }
  }
  return plan;
}

/**
 * Writes a planned import; unchanged rows are not written. New people go in with unordered
 * `insertMany` batches (one that lost a race with onboarding is upserted instead); changes and
 * deactivations with unordered `bulkWrite` batches of updates by `_id`.
 */
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
  const newDoc = (row: DirectoryRow): StaffDoc => ({
    ...withoutUndefined(row),
    _id: personKey(orgId, row.email),
    orgId,
    role: 'staff',
    interests: [],
    source: 'directory',
    createdAt: now,
    updatedAt: now,
  });

  let written = 0;
  const lostRaces: DirectoryRow[] = [];
  for (const batch of inBatches(plan.created, DIRECTORY_BATCH)) {
    const racesBefore = lostRaces.length;
    try {
      await staff.insertMany(batch.map(newDoc), { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const failed = [error.writeErrors].flat();
      if (!failed.every((failure) => failure.code === DUPLICATE_KEY)) throw error;
      for (const failure of failed) lostRaces.push(batch[failure.index] as DirectoryRow);
    }
    written += batch.length - (lostRaces.length - racesBefore);
    onProgress(written);
  }
  const updates = [...lostRaces.map(upsert), ...plan.changed.map(upsert), ...plan.deactivated.map(deactivate)];
  for (const batch of inBatches(updates, UPDATE_BATCH)) {
    await staff.bulkWrite(batch, { ordered: false });
    written += batch.length;
    onProgress(written);
  }
}
