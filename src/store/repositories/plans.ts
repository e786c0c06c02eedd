import type { StatusChange } from '../../core/ports';
import { PLAN_STATUSES, type PlanStatus } from '../../core/plan/planStatus';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import type { PlanItemFields } from '../documents';
import { isDuplicateKey, personKey } from './personKey';

export type PlanItem = PlanItemFields;

// Item keys become field names (`items.<id>`), so only slugs may be used: never `.` or `$`.
const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Development plans: one document per person (`${orgId}:${email}`) holding their items keyed by
 * opportunity id. Every operation is one command by `_id`, whatever the size of the directory.
 */
export class PlanRepository {
  constructor(private readonly c: Pick<Collections, 'plans'>) {}

  /** The person's items, oldest first. */
  async list(orgId: string, email: string): Promise<PlanItem[]> {
    const doc = await this.c.plans.findOne({ _id: personKey(orgId, email) });
    return Object.values(doc?.items ?? {}).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Adds an item as "interested"; returns false when it was already in the plan. */
  async add(orgId: string, email: string, opportunityId: string, now = new Date()): Promise<boolean> {
    if (!SAFE_ID.test(opportunityId)) return false;
    const item: PlanItemFields = {
      opportunityId,
      status: 'interested',
      history: [{ status: 'interested', at: now }],
      createdAt: now,
      updatedAt: now,
    };
    try {
      // When the item exists the filter misses, and the upsert's insert of the same `_id` is refused.
      await this.c.plans.updateOne(
        { _id: personKey(orgId, email), [`items.${opportunityId}`]: { $exists: false } },
        { $set: { [`items.${opportunityId}`]: item, updatedAt: now }, $setOnInsert: { orgId, email: normaliseEmail(email) } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async setStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now = new Date()): Promise<boolean> {
    if (!SAFE_ID.test(opportunityId)) return false;
    const path = `items.${opportunityId}`;
    const result = await this.c.plans.updateOne(
      { _id: personKey(orgId, email), [path]: { $exists: true } },
      {
        $set: { [`${path}.status`]: status, [`${path}.updatedAt`]: now, updatedAt: now },
        $push: { [`${path}.history`]: { status, at: now } },
      },
    );
    return result.matchedCount === 1;
  }

  /**
   * Moves an item forward to `status` only from an earlier status (a conditional write), so a
   * repeated or stale press changes nothing. Says why when nothing changed. Two presses at once may
   * both match on FerretDB 1.x; that only repeats the same status, and CPD for a completion is
   * guarded separately by a unique claim.
   */
  async advanceStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now = new Date()): Promise<StatusChange> {
    if (!SAFE_ID.test(opportunityId)) return 'missing';
    const _id = personKey(orgId, email);
    const path = `items.${opportunityId}`;
    const earlier = PLAN_STATUSES.slice(0, PLAN_STATUSES.indexOf(status));
    const result = await this.c.plans.updateOne(
      { _id, [`${path}.status`]: { $in: earlier } },
      {
        $set: { [`${path}.status`]: status, [`${path}.updatedAt`]: now, updatedAt: now },
        $push: { [`${path}.history`]: { status, at: now } },
      },
    );
    if (result.matchedCount === 1) return 'changed';
    const doc = await this.c.plans.findOne({ _id }, { projection: { [path]: 1 } });
    const current = doc?.items?.[opportunityId];
    if (!current) return 'missing';
    return current.status === status ? 'unchanged' : 'backwards';
  }

  async remove(orgId: string, email: string, opportunityId: string): Promise<boolean> {
    if (!SAFE_ID.test(opportunityId)) return false;
    const path = `items.${opportunityId}`;
    const result = await this.c.plans.updateOne(
      { _id: personKey(orgId, email), [path]: { $exists: true } },
      { $unset: { [path]: '' }, $set: { updatedAt: new Date() } },
    );
    return result.matchedCount === 1;
  }

  /** Deletes the person's plan; returns how many items it held. */
  async deleteAllFor(orgId: string, email: string): Promise<number> {
    const doc = await this.c.plans.findOneAndDelete({ _id: personKey(orgId, email) });
    return Object.keys(doc?.items ?? {}).length;
  }
}
