import type { AuditAboutPerson, PersonalDataStore } from '../../core/ports';
import type { Collections } from '../collections';
import { TraceMatcher, type PersonTraces } from './traces';

type Erasable = Pick<
  Collections,
  | 'audit'
  | 'outbox'
  | 'outboxClaims'
  | 'nudgePreferences'
  | 'adminRoles'
  | 'adminRoleLocks'
  | 'staff'
  | 'conversationReferences'
  | 'botState'
  | 'actionClaims'
  | 'confirmations'
  | 'broadcasts'
  | 'directoryUploads'
>;

/**
 * Everything held about a person outside their profile, plan and CPD log (which their own stores
 * delete): audit entries are kept for the organisation but pseudonymised; messages to or about
 * them, their roles, preferences, claims, tokens, references and memory are deleted; other
 * people's records that name them (a manager field, who granted a role, who sent a broadcast) lose
 * the mention.
 */
export class PersonalDataRepository implements PersonalDataStore {
  constructor(private readonly c: Erasable) {}

  async eraseTraces(person: PersonTraces): Promise<Record<string, number>> {
    const { orgId, email } = person;
    const match = new TraceMatcher(person);
    const counts: Record<string, number> = {};

    counts.audit = await this.pseudonymiseAudit(orgId, match);

    const outbox = (await this.c.outbox.find({ orgId }).toArray()).filter((doc) => match.mentions(doc));
    const outboxIds = outbox.map((doc) => doc._id);
    counts.outbox = outboxIds.length ? (await this.c.outbox.deleteMany({ _id: { $in: outboxIds } })).deletedCount : 0;
    const claims = (await this.c.outboxClaims.find({}, { projection: { _id: 1 } }).toArray()).filter(
      (claim) => match.mentions(claim._id) || outboxIds.some((id) => claim._id.startsWith(`${id}:`)),
    );
    counts.outboxClaims = claims.length ? (await this.c.outboxClaims.deleteMany({ _id: { $in: claims.map((claim) => claim._id) } })).deletedCount : 0;

    counts.nudgePreferences = 0;
    for (const doc of await this.c.nudgePreferences.find({ orgId }).toArray()) {
      if (!match.mentions(doc)) continue;
      if (doc.email === email) await this.c.nudgePreferences.deleteOne({ _id: doc._id });
      else await this.c.nudgePreferences.replaceOne({ _id: doc._id }, match.scrub(doc));
      counts.nudgePreferences += 1;
    }
    counts.adminRoles = 0;
    for (const doc of await this.c.adminRoles.find({ orgId }).toArray()) {
      if (!match.mentions(doc)) continue;
      if (doc.email === email) await this.c.adminRoles.deleteOne({ _id: doc._id });
      else await this.c.adminRoles.replaceOne({ _id: doc._id }, match.scrub(doc));
      counts.adminRoles += 1;
    }
    const locks = (await this.c.adminRoleLocks.find({}).toArray()).filter((lock) => match.mentions(lock._id));
    if (locks.length) await this.c.adminRoleLocks.deleteMany({ _id: { $in: locks.map((lock) => lock._id) } });

    counts.broadcasts = 0;
    for (const doc of await this.c.broadcasts.find({ orgId }).toArray()) {
      if (!match.mentions(doc)) continue;
      await this.c.broadcasts.replaceOne({ _id: doc._id }, match.scrub(doc));
      counts.broadcasts += 1;
    }

    // A staff file sent in chat keeps who it left out, for its "deactivate" button: take them off that list.
    counts.directoryUploads = 0;
    for (const doc of await this.c.directoryUploads.find({ orgId }, { projection: { _id: 1, missing: 1 } }).toArray()) {
      if (!match.mentions(doc.missing)) continue;
      await this.c.directoryUploads.updateOne({ _id: doc._id }, { $set: { missing: doc.missing.filter((entry) => !match.mentions(entry)) } });
      counts.directoryUploads += 1;
    }

    counts.managerOf = (await this.c.staff.updateMany({ orgId, managerEmail: email }, { $unset: { managerEmail: '' } })).modifiedCount;

    const references = (await this.c.conversationReferences.find({ orgId }).toArray()).filter(
      (doc) => person.channelUserIds.includes(doc.channelUserId) || match.mentions(doc),
    );
    counts.conversationReferences = references.length
      ? (await this.c.conversationReferences.deleteMany({ _id: { $in: references.map((doc) => doc._id) } })).deletedCount
      : 0;

    // Memory keys are `memory:<orgId>:<channel>:<user>`; a range over `_id` stays on the primary key.
    const memories = (await this.c.botState.find({ _id: { $gte: `memory:${orgId}:`, $lt: `memory:${orgId};` } }).toArray()).filter(
      (doc) => person.channelUserIds.some((id) => doc._id.endsWith(`:${id}`)) || match.mentions(doc.data),
    );
    counts.memory = memories.length ? (await this.c.botState.deleteMany({ _id: { $in: memories.map((doc) => doc._id) } })).deletedCount : 0;

    counts.actionClaims = (await this.c.actionClaims.deleteMany({ orgId, email })).deletedCount;
    counts.confirmations = (await this.c.confirmations.deleteMany({ orgId, email })).deletedCount;
    return counts;
  }

  async auditAbout(orgId: string, email: string, name: string | undefined, limit: number): Promise<AuditAboutPerson> {
    const match = new TraceMatcher({ orgId, email, ...(name ? { name } : {}) });
    const docs = (await this.c.audit.find({ orgId }).sort({ at: -1 }).toArray()).filter((doc) => doc.actor === email || match.mentions(doc.details));
    return {
      total: docs.length,
      entries: docs.slice(0, limit).map((doc) => ({ at: doc.at, action: doc.action, byThem: doc.actor === email })),
    };
  }

  private async pseudonymiseAudit(orgId: string, match: TraceMatcher): Promise<number> {
    const docs = (await this.c.audit.find({ orgId }).toArray()).filter((doc) => match.mentions({ actor: doc.actor, details: doc.details }));
    for (const doc of docs) {
      await this.c.audit.updateOne({ _id: doc._id }, { $set: { actor: match.scrub(doc.actor), details: match.scrub(doc.details ?? {}) } });
    }
    return docs.length;
  }
}
