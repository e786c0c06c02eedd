import type { AdminGrant, AdminRoleStore, AuditTrail } from '../../../src/core/admin/ports';

/** In-memory stand-in for the admin role port (the database version has its own integration tests). */
export class MemoryAdminRoles implements AdminRoleStore {
  readonly grants = new Map<string, AdminGrant>();
  locked = false;

  async find(orgId: string, email: string) {
    return this.grants.get(`${orgId}:${email}`) ?? null;
  }
  async list(orgId: string) {
    return [...this.grants.values()].filter((grant) => grant.orgId === orgId).sort((a, b) => a.email.localeCompare(b.email));
  }
  async grant(grant: AdminGrant) {
    const key = `${grant.orgId}:${grant.email}`;
    if (this.grants.has(key)) return false;
    this.grants.set(key, grant);
    return true;
  }
  async revoke(orgId: string, email: string) {
    return this.grants.delete(`${orgId}:${email}`);
  }
  async exclusively<T>(_orgId: string, work: () => Promise<T>) {
    if (this.locked) return undefined;
    this.locked = true;
    try {
      return await work();
    } finally {
      this.locked = false;
    }
  }
}

export interface RecordedAudit {
  orgId: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export class MemoryAudit implements AuditTrail {
  readonly entries: RecordedAudit[] = [];
  async record(orgId: string, actor: string, action: string, details: Record<string, unknown> = {}) {
    this.entries.push({ orgId, actor, action, details });
  }
}
