import type { Collections } from '../collections';
import type { AuditDoc } from '../documents';

export interface AuditEntry {
  orgId: string;
  at: Date;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/** Entries returned by one listing at most, so a careless `--since 2000-01-01` stays bounded. */
export const AUDIT_LIST_LIMIT = 10_000;

function toEntry(doc: AuditDoc): AuditEntry {
  return { orgId: doc.orgId, at: doc.at, actor: doc.actor, action: doc.action, details: doc.details ?? {} };
}

export class AuditLog {
  constructor(private readonly c: Pick<Collections, 'audit'>) {}

  async record(orgId: string, actor: string, action: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.c.audit.insertOne({ orgId, at: new Date(), actor, action, details });
  }

  /** Entries at or after `since`, oldest first; every organisation's when `orgId` is undefined. */
  async list(orgId: string | undefined, since: Date, limit = AUDIT_LIST_LIMIT): Promise<AuditEntry[]> {
    const filter = orgId === undefined ? { at: { $gte: since } } : { orgId, at: { $gte: since } };
    const docs = await this.c.audit.find(filter).sort({ at: 1, _id: 1 }).limit(limit).toArray();
    return docs.map(toEntry);
  }
}
