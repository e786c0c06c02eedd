import { normaliseEmail, type StaffMember } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import { withoutUndefined } from '../withoutUndefined';
import type { StaffDoc } from '../documents';

export type DirectoryRow = Pick<StaffMember, 'email' | 'name' | 'pathway' | 'stage' | 'role'> &
  Partial<Pick<StaffMember, 'school' | 'managerEmail' | 'nextDiscussion'>>;

const staffKey = (orgId: string, email: string) => `${orgId}:${normaliseEmail(email)}`;

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

  /** Upserts directory rows by email; keeps what people added themselves (interests). */
  async importDirectory(orgId: string, rows: DirectoryRow[]): Promise<{ created: number; updated: number }> {
    if (rows.length === 0) return { created: 0, updated: 0 };
    const now = new Date();
    const result = await this.c.staff.bulkWrite(
      rows.map((row) => {
        const email = normaliseEmail(row.email);
        const fields = withoutUndefined({ ...row, email });
        return {
          updateOne: {
            filter: { _id: staffKey(orgId, email) },
            update: {
              $set: { ...fields, orgId, source: 'directory' as const, updatedAt: now },
              $setOnInsert: { interests: [], createdAt: now },
            },
            upsert: true,
          },
        };
      }),
      { ordered: false },
    );
    return { created: result.upsertedCount, updated: result.matchedCount };
  }

  async existingEmails(orgId: string, emails: string[]): Promise<Set<string>> {
    const docs = await this.c.staff
      .find({ _id: { $in: emails.map((email) => staffKey(orgId, email)) } }, { projection: { email: 1 } })
      .toArray();
    return new Set(docs.map((doc) => doc.email));
  }
}
