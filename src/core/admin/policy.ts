import { normaliseEmail } from '../staff/staffMember';
import type { AdminRoleStore, AuditTrail } from './ports';

/** Where someone's admin rights come from: the ADMIN_EMAILS setting, or a grant stored in the database. */
export type AdminSource = 'configuration' | 'granted';

export interface AdminStanding {
  email: string;
  source: AdminSource;
}

/** What deciding who is an admin needs. */
export interface AdminPolicyDeps {
  roles: AdminRoleStore;
  audit: AuditTrail;
  /** Bootstrap admins from ADMIN_EMAILS, already lower-cased; admins of every organisation this deployment serves. */
  adminEmails: readonly string[];
}

export const AUDIT_ACTIONS = {
  granted: 'admin.granted',
  revoked: 'admin.revoked',
  refused: 'admin.refused',
  opportunitySaved: 'opportunity.saved',
} as const;

export function isConfiguredAdmin(deps: Pick<AdminPolicyDeps, 'adminEmails'>, email: string): boolean {
  return deps.adminEmails.includes(normaliseEmail(email));
}

/** Whether `email` is an admin of the organisation, and why. Never reads the staff directory. */
export async function adminStanding(deps: Pick<AdminPolicyDeps, 'roles' | 'adminEmails'>, orgId: string, email: string): Promise<AdminStanding | null> {
  const normalised = normaliseEmail(email);
  if (isConfiguredAdmin(deps, normalised)) return { email: normalised, source: 'configuration' };
  const grant = await deps.roles.find(orgId, normalised);
  return grant ? { email: normalised, source: 'granted' } : null;
}

export interface AdminListEntry {
  email: string;
  source: AdminSource;
  grantedBy?: string;
  grantedAt?: Date;
}

/** Everyone who is an admin of the organisation: configured ones first, then grants by email. */
export async function listAdmins(deps: Pick<AdminPolicyDeps, 'roles' | 'adminEmails'>, orgId: string): Promise<AdminListEntry[]> {
  const configured = [...new Set(deps.adminEmails)].map((email): AdminListEntry => ({ email, source: 'configuration' }));
  const configuredSet = new Set(deps.adminEmails);
  const granted = (await deps.roles.list(orgId))
    .filter((grant) => !configuredSet.has(grant.email))
    .map((grant): AdminListEntry => ({ email: grant.email, source: 'granted', grantedBy: grant.grantedBy, grantedAt: grant.grantedAt }));
  return [...configured, ...granted];
}
