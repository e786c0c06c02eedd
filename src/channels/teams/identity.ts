import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger';
import type { MemberCache } from '../memberCache';
import type { Speaker } from '../../core/conversation/context';
import { normaliseEmail } from '../../core/staff/staffMember';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
