import type { FindCursor } from 'mongodb';
import type { PlanStatus } from '../../core/plan/planStatus';
import type { StaffMember } from '../../core/staff/staffMember';
import { personKey } from './personKey';
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
  constructor(private readonly c: Pick<Collections, 'staff' | 'plans' | 'cpdLogs' | 'conversationReferences'>) {}

  /** Streams everyone still in the organisation (leavers receive nothing); the driver fetches in batches. */
  streamStaff(orgId: string, batchSize = 2_000): FindCursor<DirectoryEntry> {
    return this.c.staff.find<DirectoryEntry>({ orgId, active: { $ne: false } }, { projection: ENTRY_PROJECTION, batchSize });
  }

  /** A manager's direct reports, from the directory (never from anything a client sent). */
  async reportsOf(orgId: string, managerEmail: string): Promise<DirectoryEntry[]> {
    const docs = await this.c.staff
      .find<DirectoryEntry>({ orgId, managerEmail, active: { $ne: false } }, { projection: ENTRY_PROJECTION })
      .sort({ name: 1 })
      .toArray();
    return docs.map((doc) => ({ ...doc, interests: doc.interests ?? [] }));
  }

  /** Plan items of several people, grouped by email: one read by `_id` for the whole batch. */
  async plansOf(orgId: string, emails: string[]): Promise<Map<string, { opportunityId: string; status: PlanStatus }[]>> {
    const result = new Map<string, { opportunityId: string; status: PlanStatus }[]>();
    if (emails.length === 0) return result;
    const docs = await this.c.plans
      .find({ _id: { $in: emails.map((email) => personKey(orgId, email)) } }, { projection: { email: 1, items: 1 } })
      .toArray();
    for (const doc of docs) {
      const items = Object.values(doc.items ?? {}).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      result.set(
        doc.email,
        items.map((item) => ({ opportunityId: item.opportunityId, status: item.status })),
      );
    }
    return result;
  }

  /** CPD days logged between two dates (inclusive), per email: one read by `_id` for the whole batch. */
  async cpdDaysOf(orgId: string, emails: string[], range: { from: string; to: string }): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (emails.length === 0) return result;
    const docs = await this.c.cpdLogs
      .find({ _id: { $in: emails.map((email) => personKey(orgId, email)) } }, { projection: { email: 1, entries: 1 } })
      .toArray();
    for (const doc of docs) {
      const days = (doc.entries ?? [])
        .filter((entry) => entry.date >= range.from && entry.date <= range.to)
        .reduce((sum, entry) => sum + entry.days, 0);
      result.set(doc.email, days);
    }
    return result;
  }

  /** Every stored conversation reference of an organisation, in one query. */
  async referencesOf(orgId: string): Promise<ConversationReferenceDoc[]> {
    return this.c.conversationReferences.find({ orgId }).sort({ updatedAt: 1 }).toArray();
  }
}
