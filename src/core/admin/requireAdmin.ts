import type { ConversationContext } from '../conversation/context';
import type { CoreServices } from '../conversation/services';
import { adminStanding, AUDIT_ACTIONS, type AdminPolicyDeps, type AdminStanding } from './policy';

export type AdminCheckServices = Pick<CoreServices, 'admin' | 'audit' | 'settings'>;

export function policyDeps(services: AdminCheckServices): AdminPolicyDeps {
  return { roles: services.admin.roles, audit: services.audit, adminEmails: services.settings.adminEmails };
}

/** Who to name in the audit log: the platform's email, or the channel's own id for people it could not identify. */
export function actorOf(ctx: ConversationContext): string {
  return ctx.speaker.email ?? `${ctx.speaker.channel}:${ctx.speaker.channelUserId}`;
}

/** Whether the speaker could do admin tasks here, without replying or auditing (to decide what to offer). */
export async function speakerIsAdmin(ctx: ConversationContext, services: AdminCheckServices): Promise<boolean> {
  const email = ctx.speaker.email;
  if (ctx.shared || !email || ctx.memory.declaredEmail === email) return false;
  return (await adminStanding(policyDeps(services), ctx.org.id, email)) !== null;
}

type Refusal = 'shared-conversation' | 'unidentified' | 'self-declared-email' | 'not-admin';

const REFUSALS: Record<Refusal, (orgName: string) => string> = {
  'shared-conversation': () => 'Admin tasks happen in a personal chat with me, where nobody else can see them. Please send me a direct message.',
  unidentified: () => "I couldn't confirm who you are from Teams or Slack, so I can't do admin tasks for you. Please try again in a moment.",
  'self-declared-email': () =>
    'Admin tasks need an identity confirmed by Teams or Slack, and in this local set-up I only have the email you typed in, so I can\'t do them.',
  'not-admin': (orgName) =>
    `Sorry, only NextStep admins for ${orgName} can do that. If it needs doing, please ask one of your admins or your trust's people team.`,
};

/**
 * The server-side check in front of every admin action, typed or clicked. It trusts only the speaker
 * the channel resolved (never anything in a payload), refuses politely and audits the refusal.
 * Resolves the admin's standing, or null when it has already replied with a refusal.
 */
export async function requireAdmin(ctx: ConversationContext, services: AdminCheckServices, attempted: string): Promise<AdminStanding | null> {
  const refuse = async (reason: Refusal): Promise<null> => {
    await services.audit.record(ctx.org.id, actorOf(ctx), AUDIT_ACTIONS.refused, { attempted, reason, channel: ctx.speaker.channel });
    ctx.log.warn({ attempted, reason }, 'refused an admin action');
    await ctx.reply({ type: 'text', text: REFUSALS[reason](ctx.org.name) });
    return null;
  };
  if (ctx.shared) return refuse('shared-conversation');
  const email = ctx.speaker.email;
  if (!email) return refuse('unidentified');
  // In unauthenticated local mode the speaker may be known only by an email they typed themselves.
  if (ctx.memory.declaredEmail !== undefined && ctx.memory.declaredEmail === email) return refuse('self-declared-email');
  const standing = await adminStanding(policyDeps(services), ctx.org.id, email);
  return standing ?? refuse('not-admin');
}
