import { normaliseEmail, type StaffMember } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import { withoutUndefined } from '../withoutUndefined';
import type { StaffDoc } from '../documents';
import { personKey } from './personKey';
import type { DirectoryImportOutcome } from '../../core/uploads/ports';
import {
  applyDirectoryImport,
  currentDirectoryFingerprint,
  deactivateDirectoryPeople,
  planDirectoryImport,
  summariseDirectoryPlan,
  type DirectoryImportOptions,
  type DirectoryPlan,
  type DirectoryRow,
  type DirectorySummary,
} from './staffDirectory';

export { summariseDirectoryPlan, type DirectoryPlan, type DirectoryRow, type DirectorySummary } from './staffDirectory';

const staffKey = personKey;

function toStaffMember(doc: StaffDoc): StaffMember {
  const { _id, createdAt, updatedAt, ...member } = doc;
  // FerretDB 1.x drops empty arrays written by `$setOnInsert`, so an imported person may lack this.
  return { ...member, interests: member.interests ?? [] };
}

export class StaffRepository {
  constructor(private readonly c: Pick<Collections, 'staff'>) {}

  async findByEmail(orgId: string, email: string): Promise<StaffMember | null> {
    const doc = await this.c.staff.findOne({ _id: staffKey(orgId, email) });
    return doc ? toStaffMember(doc) : null;
  }

  /** Inserts or replaces a person's record, keeping when it was first created. */
  async save(member: StaffMember): Promise<StaffMember> {
    const email = normaliseEmail(member.email);
    const now = new Date();
    const { orgId, ...rest } = { ...member, email };
    await this.c.staff.updateOne(
      { _id: staffKey(orgId, email) },
      { $set: { ...withoutUndefined(rest), orgId, updatedAt: now }, $setOnInsert: { createdAt: now } },
      { upsert: true },
    );
    return { ...member, email };
  }

  async update(orgId: string, email: string, changes: Partial<Omit<StaffMember, 'orgId' | 'email'>>): Promise<StaffMember | null> {
    const doc = await this.c.staff.findOneAndUpdate(
      { _id: staffKey(orgId, email) },
      { $set: { ...withoutUndefined(changes), updatedAt: new Date() } },
      { returnDocument: 'after' },
    );
    return doc ? toStaffMember(doc) : null;
  }

  async delete(orgId: string, email: string): Promise<boolean> {
    const result = await this.c.staff.deleteOne({ _id: staffKey(orgId, email) });
    return result.deletedCount === 1;
  }

  /** What importing `rows` would do (new / changed / unchanged / deactivated), without writing. */
  planDirectory(orgId: string, rows: readonly DirectoryRow[], options: DirectoryImportOptions = {}): Promise<DirectoryPlan> {
    return planDirectoryImport(this.c.staff, orgId, rows, options);
  }

  /** Writes a plan from `planDirectory`; `onProgress` hears how many writes are done after each batch. */
  applyDirectory(orgId: string, plan: DirectoryPlan, onProgress?: (written: number) => void): Promise<void> {
    return applyDirectoryImport(this.c.staff, orgId, plan, onProgress);
  }

  /**
   * Upserts directory rows by email, keeping what people added themselves (interests) and their role;
   * rows that match what is stored are not written.
   */
  async importDirectory(orgId: string, rows: readonly DirectoryRow[], options: { deactivateMissing?: boolean } = {}): Promise<DirectorySummary> {
    const plan = await this.planDirectory(orgId, rows, options);
    await this.applyDirectory(orgId, plan);
    return summariseDirectoryPlan(plan);
  }

  /**
   * A directory file sent in chat: imported like `importDirectory`, reading the whole organisation
   * once so it can also say who the file leaves out (and fingerprint the directory it leaves behind).
   */
  async importDirectoryFile(orgId: string, rows: readonly DirectoryRow[], options: { deactivateMissing?: boolean } = {}): Promise<DirectoryImportOutcome> {
    const plan = await this.planDirectory(orgId, rows, { ...options, reportMissing: true });
    await this.applyDirectory(orgId, plan);
    return { summary: summariseDirectoryPlan(plan), missing: plan.missing, fingerprint: plan.fingerprint ?? '' };
  }

  /** Fingerprint of who is an active directory person now (see directoryFingerprint.ts), from one read. */
  directoryFingerprint(orgId: string): Promise<string> {
    return currentDirectoryFingerprint(this.c.staff, orgId);
  }

  /** Deactivates these leavers, those still active directory people only; resolves how many changed. */
  deactivateLeavers(orgId: string, emails: readonly string[], now?: Date): Promise<number> {
    return deactivateDirectoryPeople(this.c.staff, orgId, emails, now);
  }
}
