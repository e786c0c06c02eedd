import { PLAN_STATUSES, type PlanStatus } from '../../core/plan/planStatus';
import type { StatusChange } from '../../core/ports';
import type { Collections } from '../collections';

export interface PlanItem {
  opportunityId: string;
  status: PlanStatus;
  history: { status: PlanStatus; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

const planKey = (orgId: string, email: string, opportunityId: string) => `${orgId}:${email}:${opportunityId}`;

export class PlanRepository {
  constructor(private readonly c: Pick<Collections, 'planItems'>) {}

  async list(orgId: string, email: string): Promise<PlanItem[]> {
    const docs = await this.c.planItems.find({ orgId, email }).sort({ createdAt: 1 }).toArray();
    return docs.map(({ opportunityId, status, history, createdAt, updatedAt }) => ({
      opportunityId,
      status,
      history,
      createdAt,
      updatedAt,
    }));
  }

  /** Adds an item as "interested"; returns false when it was already in the plan. */
  async add(orgId: string, email: string, opportunityId: string, now = new Date()): Promise<boolean> {
    const result = await this.c.planItems.updateOne(
      { _id: planKey(orgId, email, opportunityId) },
      {
        $setOnInsert: {
          orgId,
          email,
          opportunityId,
          status: 'interested',
          history: [{ status: 'interested', at: now }],
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  async setStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now = new Date()): Promise<boolean> {
    const result = await this.c.planItems.updateOne(
      { _id: planKey(orgId, email, opportunityId) },
      { $set: { status, updatedAt: now }, $push: { history: { status, at: now } } },
    );
    return result.matchedCount === 1;
  }

  /**
   * Moves an item forward to `status` only from an earlier status (a conditional write), so a
   * repeated or stale press changes nothing. Says why when nothing changed.
   */
  async advanceStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now = new Date()): Promise<StatusChange> {
    const _id = planKey(orgId, email, opportunityId);
    const earlier = PLAN_STATUSES.slice(0, PLAN_STATUSES.indexOf(status));
    const result = await this.c.planItems.updateOne(
      { _id, status: { $in: earlier } },
      { $set: { status, updatedAt: now }, $push: { history: { status, at: now } } },
    );
    if (result.matchedCount === 1) return 'changed';
    const current = await this.c.planItems.findOne({ _id }, { projection: { status: 1 } });
    if (!current) return 'missing';
    return current.status === status ? 'unchanged' : 'backwards';
  }

  async remove(orgId: string, email: string, opportunityId: string): Promise<boolean> {
    const result = await this.c.planItems.deleteOne({ _id: planKey(orgId, email, opportunityId) });
    return result.deletedCount === 1;
  }

  async deleteAllFor(orgId: string, email: string): Promise<number> {
    return (await this.c.planItems.deleteMany({ orgId, email })).deletedCount;
  }
}
