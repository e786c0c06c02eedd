import type { AdminOpportunity } from '../../core/admin/ports';
import type { Opportunity } from '../../core/careerMap/schema';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Collections } from '../collections';
import { withoutUndefined } from '../withoutUndefined';
import { inBatches } from './personKey';
import { UPDATE_BATCH } from './staffDirectory';
import type { OpportunityDoc } from '../documents';

export type OpportunityOrigin = 'default-map' | 'import';

export interface StoredOpportunity {
  opportunity: Opportunity;
  createdAt: Date;
  origin: OpportunityOrigin;
}

export interface UpsertSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

const opportunityKey = (orgId: string, id: string) => `${orgId}:${id}`;

function toOpportunity(doc: OpportunityDoc): Opportunity {
  const { _id, orgId, createdAt, updatedAt, origin, ...opportunity } = doc;
  return opportunity;
}

function sameContent(a: Opportunity, b: Opportunity): boolean {
  const canonical = (o: Opportunity) => JSON.stringify(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

export class OpportunityRepository {
  constructor(private readonly c: Pick<Collections, 'opportunities'>) {}

  async listForOrg(orgId: string): Promise<StoredOpportunity[]> {
    const docs = await this.c.opportunities.find({ orgId }).sort({ _id: 1 }).toArray();
    return docs.map((doc) => ({ opportunity: toOpportunity(doc), createdAt: doc.createdAt, origin: doc.origin ?? 'import' }));
  }

  async count(orgId: string): Promise<number> {
    return this.c.opportunities.countDocuments({ orgId });
  }

  /** What an upsert would do, without writing. */
  async plan(orgId: string, items: Opportunity[]): Promise<UpsertSummary> {
    const existing = new Map((await this.listForOrg(orgId)).map((s) => [s.opportunity.id, s.opportunity]));
    const summary: UpsertSummary = { created: [], updated: [], unchanged: [] };
    for (const item of items) {
      const before = existing.get(item.id);
      if (!before) summary.created.push(item.id);
      else if (sameContent(before, item)) summary.unchanged.push(item.id);
      else summary.updated.push(item.id);
    }
    return summary;
  }

  /** Inserts or replaces by id; re-running with the same items changes nothing. */
  async upsertMany(orgId: string, items: Opportunity[], origin: OpportunityOrigin = 'import'): Promise<UpsertSummary> {
    const summary = await this.plan(orgId, items);
    const changed = new Set([...summary.created, ...summary.updated]);
    const now = new Date();
    const writes = items
      .filter((item) => changed.has(item.id))
      .map((item): AnyBulkWriteOperation<OpportunityDoc> => ({
        updateOne: {
          filter: { _id: opportunityKey(orgId, item.id) },
          update: {
            $set: { ...withoutUndefined(item), orgId, updatedAt: now },
            $unset: Object.fromEntries(
              (['provider', 'url', 'closes', 'owner', 'durationDays'] as const)
                .filter((field) => item[field] === undefined)
                .map((field) => [field, '']),
            ),
            $setOnInsert: { createdAt: now, origin },
          },
          upsert: true,
        },
      }));
    // Small batches: FerretDB 1.24 stops answering an update command of 100 or more statements.
    for (const batch of inBatches(writes, UPDATE_BATCH)) await this.c.opportunities.bulkWrite(batch, { ordered: false });
    return summary;
  }

  // One opportunity at a time, for admins editing in chat (the bulk import above is separate).

  async get(orgId: string, id: string): Promise<AdminOpportunity | null> {
    const doc = await this.c.opportunities.findOne({ _id: opportunityKey(orgId, id) });
    return doc ? { opportunity: toOpportunity(doc), createdAt: doc.createdAt, updatedAt: doc.updatedAt } : null;
  }

  /** Inserts or replaces one item by id, keeping when it first appeared; the same item twice changes nothing. */
  async saveOne(orgId: string, item: Opportunity): Promise<'created' | 'updated' | 'unchanged'> {
    const before = await this.get(orgId, item.id);
    if (before && sameContent(before.opportunity, item)) return 'unchanged';
    const now = new Date();
    const unset = (['provider', 'url', 'closes', 'owner', 'durationDays'] as const).filter((field) => item[field] === undefined);
    const write = () =>
      this.c.opportunities.updateOne(
        { _id: opportunityKey(orgId, item.id) },
        {
          $set: { ...withoutUndefined(item), orgId, updatedAt: now },
          ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}),
          $setOnInsert: { createdAt: now, origin: 'import' },
        },
        { upsert: true },
      );
    try {
      await write();
    } catch (error) {
      // Two identical submits racing: the loser's upsert collides with the winner's insert.
      if ((error as { code?: unknown }).code !== 11000) throw error;
      await write();
    }
    return before ? 'updated' : 'created';
  }

  /** Newest first among the items admins added (imports and chat), not the shipped default map. */
  async latest(orgId: string, limit: number): Promise<AdminOpportunity[]> {
    const docs = await this.c.opportunities
      .find({ orgId, origin: 'import' })
      .sort({ createdAt: -1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ opportunity: toOpportunity(doc), createdAt: doc.createdAt, updatedAt: doc.updatedAt }));
  }
}
