import { TeamsInfo, type TurnContext } from 'botbuilder';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { MemberLookup } from '../../core/ports';
import type { Logger } from '../../logging/logger';
import type { MemberCache } from '../memberCache';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Who sent this activity. The email comes from the Bot Connector's member lookup, never from the
 * message or a card payload. When the lookup fails (e.g. the Emulator), there is no email and the
 * core asks for one during onboarding (local mode only).
 */
export function teamsMemberLookup(context: TurnContext, logger: Logger, cache: MemberCache): MemberLookup {
  return {
    async lookup() {
      const from = context.activity.from;
      const cacheKey = `${context.activity.serviceUrl}|${context.activity.conversation?.tenantId ?? ''}|${from.id}`;
      const known = cache.get(cacheKey);
      if (known) return { email: known.email, name: known.name };
      try {
        const member = await TeamsInfo.getMember(context, from.id);
        const candidate = member.email ?? member.userPrincipalName;
        const found = { email: candidate && EMAIL.test(candidate) ? normaliseEmail(candidate) : undefined, name: member.name ?? from.name };
        cache.set(cacheKey, found);
        return found;
      } catch (error) {
        logger.debug({ err: error }, 'member lookup failed; continuing without an email');
        return { name: from.name };
      }
    },
  };
}

export function tenantIdOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return context.activity.conversation?.tenantId ?? fromChannelData;
}
