import type { DeliveryState } from '../../delivery/types';
import type { Collections } from '../collections';

export type BroadcastStatus = 'queued' | 'sending' | 'done' | 'cancelled';

export interface BroadcastFilters {
  pathway?: string;
  stage?: string;
  school?: string;
  /** Channel ids from the channels store (`teams:…` / `slack:…`). */
  channels?: string[];
}

/** One admin broadcast, keyed `${orgId}:${id}`. Per-recipient delivery lives in the outbox. */
export interface BroadcastDoc {
  _id: string;
  orgId: string;
  id: string;
  opportunityId: string;
  opportunityTitle: string;
  filters: BroadcastFilters;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  status: BroadcastStatus;
  /** Fixed when queued: people and channels addressed, and people with nowhere to send to. */
  counts: { recipients: number; people: number; channels: number; unreachable: number };
  cancelledBy?: string;
  cancelledAt?: Date;
}

export type CampaignCounts = Record<DeliveryState, number>;

export const broadcastKey = (orgId: string, id: string) => `${orgId}:${id}`;

export function emptyCampaignCounts(): CampaignCounts {
  return { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, cancelled: 0 };
}

export class BroadcastRepository {
  constructor(private readonly c: Pick<Collections, 'broadcasts' | 'outbox' | 'staff'>) {}

  /** Active staff matching the filters (leavers never), in one query; uses the orgId+pathway+stage / orgId+school indexes where the server does. */
  async audience(orgId: string, filters: { pathway?: string; stage?: string; school?: string }): Promise<{ email: string }[]> {
    return this.c.staff
      .find<{ email: string }>(
        {
          orgId,
          ...(filters.pathway ? { pathway: filters.pathway } : {}),
          ...(filters.stage ? { stage: filters.stage } : {}),
          ...(filters.school ? { school: filters.school } : {}),
          active: { $ne: false },
        },
        { projection: { _id: 0, email: 1 } },
      )
      .sort({ email: 1 })
      .toArray();
  }

  /** Pathway, stage and school of everyone in the organisation (for the reach report), one query. */
  async staffFacets(orgId: string): Promise<{ email: string; pathway: string; stage: string; school?: string; active?: boolean }[]> {
    return this.c.staff
      .find<{ email: string; pathway: string; stage: string; school?: string; active?: boolean }>(
        { orgId },
        { projection: { _id: 0, email: 1, pathway: 1, stage: 1, school: 1, active: 1 } },
      )
      .toArray();
  }

  async create(doc: BroadcastDoc): Promise<void> {
    await this.c.broadcasts.insertOne(doc);
  }

  async get(orgId: string, id: string): Promise<BroadcastDoc | null> {
    return this.c.broadcasts.findOne({ _id: broadcastKey(orgId, id) });
  }

  /** Broadcasts created since a moment, oldest first. */
  async since(orgId: string, since: Date): Promise<BroadcastDoc[]> {
    return this.c.broadcasts.find({ orgId, createdAt: { $gte: since } }).sort({ createdAt: 1 }).toArray();
  }

  async setStatus(orgId: string, id: string, status: BroadcastStatus, extra: Partial<Pick<BroadcastDoc, 'cancelledBy' | 'cancelledAt'>> = {}): Promise<void> {
    await this.c.broadcasts.updateOne({ _id: broadcastKey(orgId, id) }, { $set: { status, updatedAt: new Date(), ...extra } });
  }

  /** Outbox records of one broadcast by state, with one $match/$group. */
  async deliveryCounts(orgId: string, id: string): Promise<CampaignCounts> {
    const rows = await this.c.outbox
      .aggregate<{ _id: DeliveryState; count: number }>([
        { $match: { orgId, purpose: 'broadcast', campaign: id } },
        { $group: { _id: '$state', count: { $sum: 1 } } },
      ])
      .toArray();
    const counts = emptyCampaignCounts();
    for (const row of rows) counts[row._id] = row.count;
    return counts;
  }

  /**
   * Marks the broadcast's pending records cancelled. Records already claimed by a sender finish
   * (their send may be in flight); a sender that read a record just before this update may still
   * send it, which is the "claimed ones finish" side of the race.
   */
  async cancelPending(orgId: string, id: string, now = new Date()): Promise<number> {
    const result = await this.c.outbox.updateMany(
      { orgId, purpose: 'broadcast', campaign: id, state: 'pending' },
      { $set: { state: 'cancelled', reason: 'broadcast cancelled', updatedAt: now } },
    );
    return result.modifiedCount;
  }
}
