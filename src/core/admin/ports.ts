import type { Opportunity } from '../careerMap/schema';

/** A stored admin role: someone an admin (or an operator) made an admin of one organisation. */
export interface AdminGrant {
  orgId: string;
  email: string;
  /** Who granted it: an admin's email, or "cli" for an operator. */
  grantedBy: string;
  grantedAt: Date;
}

/** Admin roles per organisation, keyed `${orgId}:${email}`. Implemented in `store/`. */
export interface AdminRoleStore {
  find(orgId: string, email: string): Promise<AdminGrant | null>;
  list(orgId: string): Promise<AdminGrant[]>;
  /** Resolves false when the person already had the role (nothing changed). */
  grant(grant: AdminGrant): Promise<boolean>;
  /** Resolves false when the person did not have the role. */
  revoke(orgId: string, email: string): Promise<boolean>;
  /**
   * Runs `work` while holding the organisation's admin-change lock, so that two revokes cannot
   * both see "one other admin left". Resolves undefined when someone else holds it.
   */
  exclusively<T>(orgId: string, work: () => Promise<T>): Promise<T | undefined>;
}

/** An opportunity as an admin last saved it, with when it first appeared. */
export interface AdminOpportunity {
  opportunity: Opportunity;
  createdAt: Date;
  updatedAt: Date;
}

/** What admins' opportunity editing needs from storage. */
export interface AdminOpportunityStore {
  get(orgId: string, id: string): Promise<AdminOpportunity | null>;
  /** Inserts or replaces one opportunity by id (as an admin import); 'unchanged' when it was already exactly this. */
  saveOne(orgId: string, item: Opportunity): Promise<'created' | 'updated' | 'unchanged'>;
  /** The newest opportunities added by admins (imports and chat), newest first. */
  latest(orgId: string, limit: number): Promise<AdminOpportunity[]>;
}

/** What the audit log offers the admin features. */
export interface AuditTrail {
  record(orgId: string, actor: string, action: string, details?: Record<string, unknown>): Promise<void>;
}

/** The one field admin features add to the core's services. */
export interface AdminStores {
  roles: AdminRoleStore;
  opportunities: AdminOpportunityStore;
}
