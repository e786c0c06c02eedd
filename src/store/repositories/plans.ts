import type { PlanStatus } from '../../core/plan/planStatus';
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

  async remove(orgId: string, email: string, opportunityId: string): Promise<boolean> {
    const result = await this.c.planItems.deleteOne({ _id: planKey(orgId, email, opportunityId) });
    return result.deletedCount === 1;
  }

  async deleteAllFor(orgId: string, email: string): Promise<number> {
    return (await this.c.planItems.deleteMany({ orgId, email })).deletedCount;
  }
}
