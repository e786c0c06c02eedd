import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logging/logger';
import { slackChannelName, type SlackChannelEntry } from './channelRecorder';
import { authTestSchema, channelPageSchema, conversationInfoSchema, slackChannelSchema } from './schema';

/** Slack recommends pages of at most 200; the listing stops after this many pages whatever happens. */
const PAGE_SIZE = 200;
const MAX_PAGES = 500;

/**
 * The channel's name as admins know it (`conversations.info`, channels:read / groups:read). When
 * Slack cannot say, the id stands in until the next sync finds the name.
 */
export async function channelName(client: webApi.WebClient, channelId: string, log: Logger): Promise<string> {
  try {
    const parsed = conversationInfoSchema.safeParse(await client.conversations.info({ channel: channelId }));
    if (parsed.success) return slackChannelName(parsed.data.channel.name);
    log.warn({ channelId }, 'conversations.info gave no channel name');
  } catch (error) {
    log.warn({ err: error, channelId }, 'could not read the Slack channel name');
  }
  return channelId;
}

/** The workspace the bot token belongs to (`auth.test`). */
export async function botWorkspace(client: webApi.WebClient): Promise<string> {
  return authTestSchema.parse(await client.auth.test()).team_id;
}

/**
 * Every public and private channel the bot is a member of (`users.conversations` with the bot
 * token, archived ones left out), following the cursor page by page.
 */
export async function listBotChannels(client: webApi.WebClient, log: Logger): Promise<SlackChannelEntry[]> {
  const found = new Map<string, SlackChannelEntry>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = channelPageSchema.parse(
      await client.users.conversations({ types: 'public_channel,private_channel', exclude_archived: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    );
    for (const entry of answer.channels) {
      const channel = slackChannelSchema.safeParse(entry);
      if (channel.success) found.set(channel.data.id, { id: channel.data.id, name: slackChannelName(channel.data.name) });
      else log.warn('skipped a channel Slack listed without a usable id and name');
    }
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) return [...found.values()];
  }
  throw new Error(`users.conversations gave more than ${MAX_PAGES} pages; stopped without changing anything`);
}
