import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
import { normaliseEmail, type StaffMember } from '../../core/staff/staffMember';
import type { StaffDoc } from '../documents';
import { withoutUndefined } from '../withoutUndefined';
import { directoryFingerprint } from './directoryFingerprint';
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
  /**
   * Active directory people missing from the file whom this import leaves as they are (only with
   * `reportMissing` and without `deactivateMissing`).
   */
  missing: { email: string; name: string }[];
  /** With `reportMissing`: the fingerprint of who is an active directory person once the plan is applied. */
  fingerprint?: string;
}

export interface DirectoryImportOptions {
  deactivateMissing?: boolean;
  /** Read the whole organisation's directory to list who is missing from the file, and fingerprint the result. */
  reportMissing?: boolean;
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

/** Someone a directory file may deactivate: imported from a file (not set up in chat) and active. */
export const isActiveDirectoryPerson = (doc: Pick<StaffDoc, 'source' | 'active'>): boolean => doc.source === 'directory' && doc.active !== false;

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
  options: DirectoryImportOptions = {},
): Promise<DirectoryPlan> {
  const plan: DirectoryPlan = { created: [], changed: [], unchanged: [], deactivated: [], missing: [] };
  const stored = await readStored(staff, orgId, rows, Boolean(options.deactivateMissing || options.reportMissing));
  const listed = new Set<string>();
  for (const original of rows) {
    const row = { ...original, email: normaliseEmail(original.email) };
    listed.add(row.email);
    const before = stored.get(personKey(orgId, row.email));
    if (!before) plan.created.push(row);
    else if (isUnchanged(row, before)) plan.unchanged.push(row.email);
    else plan.changed.push(row);
  }
  for (const doc of stored.values()) {
    if (!isActiveDirectoryPerson(doc) || listed.has(doc.email)) continue;
    if (options.deactivateMissing) plan.deactivated.push(doc.email);
    else if (options.reportMissing) plan.missing.push({ email: doc.email, name: doc.name });
  }
  if (options.reportMissing) plan.fingerprint = directoryFingerprint([...listed, ...plan.missing.map((person) => person.email)]);
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

/**
 * Marks these people inactive (leavers), only those still active directory people: someone since
 * deleted, reactivated by hand or set up in chat is left alone. Resolves how many were changed.
 */
export async function deactivateDirectoryPeople(staff: Collection<StaffDoc>, orgId: string, emails: readonly string[], now = new Date()): Promise<number> {
  let deactivated = 0;
  for (const batch of inBatches(emails, UPDATE_BATCH)) {
    const result = await staff.bulkWrite(
      batch.map((email) => ({
        updateOne: {
          filter: { _id: personKey(orgId, email), source: 'directory', active: { $ne: false } },
          update: { $set: { active: false, deactivatedAt: now, updatedAt: now } },
        },
      })),
      { ordered: false },
    );
    deactivated += result.modifiedCount;
  }
  return deactivated;
}

/** The fingerprint of who is an active directory person in the organisation now, from one read. */
export async function currentDirectoryFingerprint(staff: Collection<StaffDoc>, orgId: string): Promise<string> {
  const emails: string[] = [];
  const projection = { _id: 0, email: 1, source: 1, active: 1 };
  for await (const doc of staff.find<Pick<StaffDoc, 'email' | 'source' | 'active'>>({ orgId }, { projection, batchSize: 10 * DIRECTORY_BATCH })) {
    if (isActiveDirectoryPerson(doc)) emails.push(doc.email);
  }
  return directoryFingerprint(emails);
}
