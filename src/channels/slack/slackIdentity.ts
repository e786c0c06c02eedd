import type { webApi } from '@slack/bolt';
import type { MemberLookup } from '../../core/ports';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Logger } from '../../logging/logger';
import type { MemberCache } from '../memberCache';

/**
 * A Slack user's work email and name from `users.info` (needs users:read and users:read.email),
 * remembered in the member cache. Never taken from a payload.
 */
export function slackMemberLookup(
  client: webApi.WebClient,
  workspace: { teamId?: string; enterpriseId?: string },
  userId: string,
  cache: MemberCache,
  log: Logger,
): MemberLookup {
  return {
    async lookup() {
      const key = `${workspace.enterpriseId ?? ''}|${workspace.teamId ?? ''}|${userId}`;
      const known = cache.get(key);
      if (known) return { email: known.email, name: known.name };
      try {
        const info = await client.users.info({ user: userId });
        const email = info.user?.profile?.email;
        const found = { email: email ? normaliseEmail(email) : undefined, name: info.user?.real_name ?? info.user?.name };
        cache.set(key, found);
        return found;
      } catch (error) {
        log.warn({ err: error }, 'Slack users.info failed; continuing without an email');
        return {};
      }
    },
  };
}

/** Where to reach a Slack user later: a direct message is opened from these with conversations.open. */
export function slackReference(workspace: { teamId?: string; enterpriseId?: string }, userId: string): Record<string, string> {
  return {
    userId,
    ...(workspace.teamId ? { teamId: workspace.teamId } : {}),
    ...(workspace.enterpriseId ? { enterpriseId: workspace.enterpriseId } : {}),
  };
}
