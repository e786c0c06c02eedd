import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger';
import type { Speaker } from '../../core/conversation/context';
import { normaliseEmail } from '../../core/staff/staffMember';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface KnownMember {
  email?: string;
  name?: string;
  at: number;
}

/**
 * Member lookups go to the Bot Connector over the network on every turn otherwise; a person's
 * email does not change between messages, so remember it for a while.
 */
export class MemberCache {
  private readonly members = new Map<string, KnownMember>();

  constructor(
    private readonly ttlMs = 3_600_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): KnownMember | undefined {
    const hit = this.members.get(key);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    return hit;
  }

  set(key: string, member: Omit<KnownMember, 'at'>): void {
    if (this.members.size >= this.maxEntries) this.members.clear();
    this.members.set(key, { ...member, at: Date.now() });
  }
}

/**
 * Who sent this activity. The email comes from the Bot Connector's member lookup, never from the
 * message or a card payload. When the lookup fails (e.g. the Emulator), the speaker has no email
 * and the core asks them for it during onboarding.
 */
export async function resolveSpeaker(context: TurnContext, logger: Logger, cache?: MemberCache): Promise<Speaker> {
  const from = context.activity.from;
  const speaker: Speaker = { channel: 'teams', channelUserId: from.aadObjectId ?? from.id, name: from.name };
  const cacheKey = `${context.activity.serviceUrl}|${context.activity.conversation?.tenantId ?? ''}|${from.id}`;
  const known = cache?.get(cacheKey);
  if (known) {
    if (known.email) speaker.email = known.email;
    if (known.name) speaker.name = known.name;
    return speaker;
  }
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    const candidate = member.email ?? member.userPrincipalName;
    if (candidate && EMAIL.test(candidate)) speaker.email = normaliseEmail(candidate);
    if (member.name) speaker.name = member.name;
    cache?.set(cacheKey, { email: speaker.email, name: speaker.name });
  } catch (error) {
    logger.debug({ err: error }, 'member lookup failed; continuing without an email');
  }
  return speaker;
}

export function tenantIdOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return context.activity.conversation?.tenantId ?? fromChannelData;
}
