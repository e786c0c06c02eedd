import type { FindCursor } from 'mongodb';
import type { PlanStatus } from '../../core/plan/planStatus';
import type { StaffMember } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import type { ConversationReferenceDoc } from '../documents';

/** The fields planning reads from each person; nothing else is fetched. */
export type DirectoryEntry = Pick<StaffMember, 'email' | 'name' | 'pathway' | 'stage' | 'managerEmail' | 'nextDiscussion' | 'interests' | 'school'>;

const ENTRY_PROJECTION = { _id: 0, email: 1, name: 1, pathway: 1, stage: 1, managerEmail: 1, nextDiscussion: 1, interests: 1, school: 1 };

/**
 * Whole-organisation reads for proactive work: a cursor over the staff directory and the people
 * and references it needs in bulk. One query per collection per run, never one per person.
 */
export class DirectoryReader {
  constructor(private readonly c: Pick<Collections, 'staff' | 'planItems' | 'cpdEntries' | 'conversationReferences'>) {}

  /** Streams everyone in the organisation (the driver fetches in batches). */
  streamStaff(orgId: string, batchSize = 2_000): FindCursor<DirectoryEntry> {
    return this.c.staff.find<DirectoryEntry>({ orgId }, { projection: ENTRY_PROJECTION, batchSize });
  }

  /** A manager's direct reports, from the directory (never from anything a client sent). */
  async reportsOf(orgId: string, managerEmail: string): Promise<DirectoryEntry[]> {
    const docs = await this.c.staff
      .find<DirectoryEntry>({ orgId, managerEmail }, { projection: ENTRY_PROJECTION })
      .sort({ name: 1 })
      .toArray();
    return docs.map((doc) => ({ ...doc, interests: doc.interests ?? [] }));
  }

  /** Plan items of several people, grouped by email. */
  async plansOf(orgId: string, emails: string[]): Promise<Map<string, { opportunityId: string; status: PlanStatus }[]>> {
    const result = new Map<string, { opportunityId: string; status: PlanStatus }[]>();
    if (emails.length === 0) return result;
    const docs = await this.c.planItems
      .find({ orgId, email: { $in: emails } }, { projection: { email: 1, opportunityId: 1, status: 1, createdAt: 1 } })
      .sort({ createdAt: 1 })
      .toArray();
    for (const doc of docs) {
      const list = result.get(doc.email) ?? [];
      list.push({ opportunityId: doc.opportunityId, status: doc.status });
      result.set(doc.email, list);
    }
    return result;
  }

  /** CPD days logged between two dates (inclusive), per email. */
  async cpdDaysOf(orgId: string, emails: string[], range: { from: string; to: string }): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (emails.length === 0) return result;
    const docs = await this.c.cpdEntries
      .find({ orgId, email: { $in: emails }, date: { $gte: range.from, $lte: range.to } }, { projection: { email: 1, days: 1 } })
      .toArray();
    for (const doc of docs) result.set(doc.email, (result.get(doc.email) ?? 0) + doc.days);
    return result;
  }

  /** Every stored conversation reference of an organisation, in one query. */
  async referencesOf(orgId: string): Promise<ConversationReferenceDoc[]> {
    return this.c.conversationReferences.find({ orgId }).sort({ updatedAt: 1 }).toArray();
  }
}
