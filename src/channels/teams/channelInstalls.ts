import { TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger';
import { tenantIdOf } from './identity';

/** Where team channels the bot is added to (or removed from) are recorded, for broadcasts. */
export interface ChannelInstallRecorder {
  added(tenantId: string | undefined, channel: { id: string; name: string; reference: string }): Promise<void>;
  removed(tenantId: string | undefined, channelId: string): Promise<void>;
}

/**
 * Team-scope `conversationUpdate` (the bot among membersAdded / membersRemoved) and
 * `installationUpdate` (add / remove): records the channel. Resolves true when the activity was one
 * of these, so the turn handler need not look at it further.
 */
export async function recordChannelInstall(turn: TurnContext, recorder: ChannelInstallRecorder | undefined, log: Logger): Promise<boolean> {
  const activity = turn.activity;
  if (!recorder || activity.conversation?.conversationType !== 'channel') return false;
  const botId = activity.recipient?.id;
  let change: 'added' | 'removed' | undefined;
  if (activity.type === 'conversationUpdate') {
    if ((activity.membersAdded ?? []).some((member) => member.id === botId)) change = 'added';
    else if ((activity.membersRemoved ?? []).some((member) => member.id === botId)) change = 'removed';
  } else if (activity.type === 'installationUpdate') {
    change = activity.action?.startsWith('remove') ? 'removed' : activity.action?.startsWith('add') ? 'added' : undefined;
  }
  if (!change) return false;
  const channelData = activity.channelData as { channel?: { id?: unknown; name?: unknown }; team?: { name?: unknown } } | undefined;
  const id = activity.conversation.id;
  const name = [channelData?.team?.name, channelData?.channel?.name].filter((part): part is string => typeof part === 'string').join(' › ') || id;
  try {
    if (change === 'added') {
      const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
      await recorder.added(tenantIdOf(turn), { id, name, reference: JSON.stringify(reference) });
    } else {
      await recorder.removed(tenantIdOf(turn), id);
    }
    log.info({ channelId: id, change }, 'recorded a team channel for broadcasts');
  } catch (error) {
    log.warn({ err: error, channelId: id }, 'could not record a team channel for broadcasts');
  }
  return true;
}
