import { INTEREST_RECORD } from '../../core/plan/interestRecord';
import type { DeliveryState } from '../../delivery/types';
import type { Collections } from '../collections';
import { personKey } from './personKey';

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

export interface BroadcastRecordFacts {
  campaign: string;
  key: string;
  recipientEmail?: string;
  state: DeliveryState;
  sentAt?: Date;
}

export type CampaignCounts = Record<DeliveryState, number>;

export const broadcastKey = (orgId: string, id: string) => `${orgId}:${id}`;

export function emptyCampaignCounts(): CampaignCounts {
  return { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, cancelled: 0 };
}

export class BroadcastRepository {
  constructor(private readonly c: Pick<Collections, 'broadcasts' | 'outbox' | 'staff' | 'plans' | 'audit' | 'actionClaims'>) {}

  /** Person and channel records of these broadcasts (the fields reports need), one query. */
  async records(orgId: string, ids: string[]): Promise<BroadcastRecordFacts[]> {
    if (ids.length === 0) return [];
    return this.c.outbox
      .find<BroadcastRecordFacts>(
        { orgId, purpose: 'broadcast', campaign: { $in: ids } },
        { projection: { _id: 0, campaign: 1, key: 1, recipientEmail: 1, state: 1, sentAt: 1 } },
      )
      .toArray();
  }

  /** Everyone a broadcast reached since a moment (sent records), one query. */
  async reachedSince(orgId: string, since: Date): Promise<Set<string>> {
    const docs = await this.c.outbox
      .find<{ recipientEmail?: string }>({ orgId, purpose: 'broadcast', state: 'sent', sentAt: { $gte: since } }, { projection: { _id: 0, recipientEmail: 1 } })
      .toArray();
    return new Set(docs.flatMap((doc) => (doc.recipientEmail ? [doc.recipientEmail] : [])));
  }

  /** When each of these people first put this opportunity in their plan, by `_id` reads. */
  async planItemsCreated(orgId: string, emails: string[], opportunityId: string): Promise<Map<string, Date>> {
    const result = new Map<string, Date>();
    if (emails.length === 0) return result;
    const docs = await this.c.plans.find({ _id: { $in: emails.map((email) => personKey(orgId, email)) } }, { projection: { email: 1, items: 1 } }).toArray();
    for (const doc of docs) {
      const item = Object.values(doc.items ?? {}).find((entry) => entry.opportunityId === opportunityId);
      if (item) result.set(doc.email, item.createdAt);
    }
    return result;
  }

  /**
   * When each person first pressed "I'm interested" on each opportunity, where that was at or after
   * a moment. One read of the organisation's interest records (once-only claims, taken on every
   * press since they were introduced; all of them, so a first press before the moment is seen) and
   * one of the audit entries since the moment (written only when the opportunity had an owner, and
   * all that exists of older presses). A person counts once per opportunity, at their earliest press.
   */
  async interestSince(orgId: string, since: Date): Promise<{ actor: string; opportunityId: string; at: Date }[]> {
    const [claims, audited] = await Promise.all([
      this.c.actionClaims.find({ orgId, kind: INTEREST_RECORD }, { projection: { email: 1, subject: 1, at: 1 } }).toArray(),
      this.c.audit.find({ orgId, action: 'opportunity.interest', at: { $gte: since } }, { projection: { actor: 1, details: 1, at: 1 } }).toArray(),
    ]);
    const earliest = new Map<string, { actor: string; opportunityId: string; at: Date }>();
    const note = (actor: string, opportunityId: string, at: Date) => {
      const key = `${actor}\n${opportunityId}`;
      const known = earliest.get(key);
      if (!known || at < known.at) earliest.set(key, { actor, opportunityId, at });
    };
    for (const claim of claims) note(claim.email, claim.subject, claim.at);
    for (const entry of audited) if (typeof entry.details?.opportunityId === 'string') note(entry.actor, entry.details.opportunityId, entry.at);
    return [...earliest.values()].filter((entry) => entry.at >= since);
  }

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

  /** The schools of the organisation's active staff, A to Z (one $match/$group; an admin path, not a hot one). */
  async schools(orgId: string): Promise<string[]> {
    const rows = await this.c.staff
      .aggregate<{ _id: unknown }>([{ $match: { orgId, active: { $ne: false }, school: { $exists: true } } }, { $group: { _id: '$school' } }])
      .toArray();
    return rows
      .map((row) => row._id)
      .filter((school): school is string => typeof school === 'string' && school.trim() !== '')
      .sort((a, b) => a.localeCompare(b, 'en-GB'));
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
