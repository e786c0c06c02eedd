import type { NudgePreferences } from '../../core/nudges/planning';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Collections } from '../collections';

export interface NudgePreferencesDoc extends NudgePreferences {
  _id: string;
  orgId: string;
  email: string;
  /** Opportunity ids the person wants to raise at their next discussion. */
  agenda?: string[];
  /** Discussions marked as held: date and who recorded it. */
  held?: { date: string; by: string; at: Date }[];
  updatedAt: Date;
}

export type StoredNudgePreferences = NudgePreferences & { agenda: string[] };

const key = (orgId: string, email: string) => `${orgId}:${normaliseEmail(email)}`;

/** Per-person nudge choices and records: opt-outs, snoozes, agenda, discussions held. */
export class NudgePreferencesRepository {
  constructor(private readonly c: Pick<Collections, 'nudgePreferences'>) {}

  async get(orgId: string, email: string): Promise<StoredNudgePreferences> {
    const doc = await this.c.nudgePreferences.findOne({ _id: key(orgId, email) });
    return toPreferences(doc);
  }

  /** Everyone's preferences in an organisation, in one query (planning never asks per person). */
  async forOrg(orgId: string): Promise<Map<string, StoredNudgePreferences>> {
    const docs = await this.c.nudgePreferences.find({ orgId }).toArray();
    return new Map(docs.map((doc) => [doc.email, toPreferences(doc)]));
  }

  async set(orgId: string, email: string, changes: Partial<NudgePreferences>): Promise<void> {
    const set: Record<string, unknown> = { orgId, email: normaliseEmail(email), updatedAt: new Date() };
    const unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) unset[field] = '';
      else set[field] = value;
    }
    await this.c.nudgePreferences.updateOne(
      { _id: key(orgId, email) },
      { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
      { upsert: true },
    );
  }

  /** Adds an opportunity to the discussion agenda; false when it was already there. */
  async addToAgenda(orgId: string, email: string, opportunityId: string): Promise<boolean> {
    const result = await this.c.nudgePreferences.updateOne(
      { _id: key(orgId, email) },
      { $set: { orgId, email: normaliseEmail(email), updatedAt: new Date() }, $addToSet: { agenda: opportunityId } },
      { upsert: true },
    );
    return result.modifiedCount === 1 || result.upsertedCount === 1;
  }

  /** Records a discussion as held on `date` (idempotent for the same date) and clears the agenda. */
  async recordHeld(orgId: string, email: string, date: string, by: string, now = new Date()): Promise<void> {
    const current = await this.c.nudgePreferences.findOne({ _id: key(orgId, email) }, { projection: { held: 1 } });
    const already = (current?.held ?? []).some((entry) => entry.date === date);
    await this.c.nudgePreferences.updateOne(
      { _id: key(orgId, email) },
      {
        $set: { orgId, email: normaliseEmail(email), lastHeld: date, agenda: [], updatedAt: now },
        $unset: { snoozedUntil: '', managerSnoozedUntil: '' },
        ...(already ? {} : { $push: { held: { date, by, at: now } } }),
      },
      { upsert: true },
    );
  }

  async deleteFor(orgId: string, email: string): Promise<void> {
    await this.c.nudgePreferences.deleteOne({ _id: key(orgId, email) });
  }
}

function toPreferences(doc: NudgePreferencesDoc | null): StoredNudgePreferences {
  return {
    ...(doc?.optedOut ? { optedOut: true } : {}),
    ...(doc?.snoozedUntil ? { snoozedUntil: doc.snoozedUntil } : {}),
    ...(doc?.managerSnoozedUntil ? { managerSnoozedUntil: doc.managerSnoozedUntil } : {}),
    ...(doc?.lastHeld ? { lastHeld: doc.lastHeld } : {}),
    agenda: doc?.agenda ?? [],
  };
}
