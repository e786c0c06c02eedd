import { workEmailSchema } from '../staff/staffMember';
import { adminStanding, AUDIT_ACTIONS, isConfiguredAdmin, listAdmins, type AdminPolicyDeps } from './policy';

export interface RoleChange {
  orgId: string;
  /** The organisation as people know it, for messages. */
  orgName: string;
  /** The target's email as typed. */
  email: string;
  /** Who asks: an admin's email, or "cli" for an operator. */
  actor: string;
  now: Date;
}

export type RoleChangeOutcome =
  | 'granted'
  | 'already-admin'
  | 'revoked'
  | 'not-admin'
  | 'invalid-email'
  | 'configured'
  | 'last-admin'
  | 'busy';

export interface RoleChangeResult {
  outcome: RoleChangeOutcome;
  /** Whether the change was made (or was already so). */
  ok: boolean;
  /** A sentence for the person who asked. */
  message: string;
}

const BUSY = 'Someone else is changing admins at this moment. Please try again in a minute.';

function invalidEmail(email: string): RoleChangeResult {
  const shown = email.length > 60 ? `${email.slice(0, 60)}…` : email;
  return { outcome: 'invalid-email', ok: false, message: `"${shown}" doesn't look like a work email address, so nothing changed.` };
}

/** Makes someone an admin of one organisation; audited. Granting twice changes nothing. */
export async function grantAdmin(deps: AdminPolicyDeps, change: RoleChange): Promise<RoleChangeResult> {
  const parsed = workEmailSchema.safeParse(change.email);
  if (!parsed.success) return invalidEmail(change.email);
  const email = parsed.data;
  if (isConfiguredAdmin(deps, email)) {
    return { outcome: 'already-admin', ok: true, message: `${email} is already an admin (named in the ADMIN_EMAILS setting).` };
  }
  const added = await deps.roles.grant({ orgId: change.orgId, email, grantedBy: change.actor, grantedAt: change.now });
  if (!added) return { outcome: 'already-admin', ok: true, message: `${email} is already an admin of ${change.orgName}.` };
  await deps.audit.record(change.orgId, change.actor, AUDIT_ACTIONS.granted, { email });
  return { outcome: 'granted', ok: true, message: `${email} is now an admin of ${change.orgName}.` };
}

/**
 * Takes someone's admin role away; audited, refusals included. Admins named in ADMIN_EMAILS stay
 * (that is configuration), and so does an organisation's last admin.
 */
export async function revokeAdmin(deps: AdminPolicyDeps, change: RoleChange): Promise<RoleChangeResult> {
  const parsed = workEmailSchema.safeParse(change.email);
  if (!parsed.success) return invalidEmail(change.email);
  const email = parsed.data;
  const refuse = async (outcome: RoleChangeOutcome, message: string): Promise<RoleChangeResult> => {
    await deps.audit.record(change.orgId, change.actor, AUDIT_ACTIONS.refused, { attempted: 'revokeAdmin', email, reason: outcome });
    return { outcome, ok: false, message };
  };

  if (isConfiguredAdmin(deps, email)) {
    return refuse(
      'configured',
      `${email} is an admin because the ADMIN_EMAILS setting names them, so I can't remove them here. Whoever runs NextStep can take them out of that setting.`,
    );
  }
  const result = await deps.roles.exclusively(change.orgId, async (): Promise<RoleChangeResult | 'refuse-last'> => {
    if (!(await adminStanding(deps, change.orgId, email))) {
      return { outcome: 'not-admin', ok: true, message: `${email} isn't an admin of ${change.orgName}, so there was nothing to remove.` };
    }
    const admins = await listAdmins(deps, change.orgId);
    if (admins.filter((admin) => admin.email !== email).length === 0) return 'refuse-last';
    if (!(await deps.roles.revoke(change.orgId, email))) {
      return { outcome: 'not-admin', ok: true, message: `${email} isn't an admin of ${change.orgName}, so there was nothing to remove.` };
    }
    await deps.audit.record(change.orgId, change.actor, AUDIT_ACTIONS.revoked, { email });
    return { outcome: 'revoked', ok: true, message: `${email} is no longer an admin of ${change.orgName}.` };
  });
  if (result === undefined) return { outcome: 'busy', ok: false, message: BUSY };
  if (result === 'refuse-last') {
    return refuse(
      'last-admin',
      `${email} is the last admin of ${change.orgName}, so I've kept them. Make someone else an admin first, then remove ${email}.`,
    );
  }
  return result;
}
