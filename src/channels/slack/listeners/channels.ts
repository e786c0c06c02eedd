import type { App } from '@slack/bolt';
import type { Logger } from '../../../logging/logger';
import { channelName } from '../channelDirectory';
import { slackChannelName, type SlackChannelRecorder } from '../channelRecorder';
import { channelGoneEventSchema, channelMemberEventSchema, channelRenameEventSchema } from '../schema';

export interface ChannelListenerDeps {
  recorder: SlackChannelRecorder;
  logger: Logger;
}

type Change = 'joined' | 'left' | 'renamed';

/**
 * Channels the bot is added to or removed from, and channels archived, deleted or renamed: each
 * becomes a change in the channels broadcasts can target. Other people joining or leaving are
 * ignored. The bot's own user id comes from Bolt's context (auth.test, once).
 */
export function registerChannelListeners(app: App, deps: ChannelListenerDeps): void {
  const log = deps.logger.child({ surface: 'channels' });
  const noted = (change: Change, channelId: string, orgId: string | undefined) => {
    if (orgId) log.info({ channelId, change, orgId }, 'recorded a Slack channel for broadcasts');
    else log.warn({ channelId, change }, 'no organisation owns this Slack workspace; the channel was not recorded');
  };
  const failed = (error: unknown, channelId: string) => log.warn({ err: error, channelId }, 'could not record a Slack channel for broadcasts');

  const onMembership = async ({ event, context, client }: { event: unknown; context: { botUserId?: string; teamId?: string }; client: App['client'] }) => {
    const parsed = channelMemberEventSchema.safeParse(event);
    if (!parsed.success || !context.botUserId || parsed.data.user !== context.botUserId) return;
    const { channel, type } = parsed.data;
    const teamId = context.teamId ?? parsed.data.team;
    try {
      if (type === 'member_joined_channel') {
        noted('joined', channel, await deps.recorder.joined(teamId, channel, () => channelName(client, channel, log)));
      } else {
        noted('left', channel, await deps.recorder.left(teamId, channel));
      }
    } catch (error) {
      failed(error, channel);
    }
  };
  app.event('member_joined_channel', onMembership);
  app.event('member_left_channel', onMembership);

  const onGone = async ({ event, context }: { event: unknown; context: { teamId?: string } }) => {
    const parsed = channelGoneEventSchema.safeParse(event);
    if (!parsed.success) return;
    try {
      noted('left', parsed.data.channel, await deps.recorder.left(context.teamId, parsed.data.channel));
    } catch (error) {
      failed(error, parsed.data.channel);
    }
  };
  for (const type of ['channel_left', 'group_left', 'channel_archive', 'group_archive', 'channel_deleted', 'group_deleted'] as const) {
    app.event(type, onGone);
  }

  const onRename = async ({ event, context }: { event: unknown; context: { teamId?: string } }) => {
    const parsed = channelRenameEventSchema.safeParse(event);
    if (!parsed.success) return;
    const { id, name } = parsed.data.channel;
    try {
      noted('renamed', id, await deps.recorder.renamed(context.teamId, { id, name: slackChannelName(name) }));
    } catch (error) {
      failed(error, id);
    }
  };
  app.event('channel_rename', onRename);
  app.event('group_rename', onRename);
}
