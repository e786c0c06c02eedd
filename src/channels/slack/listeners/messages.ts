import type { App } from '@slack/bolt';
import { appMentionSchema, messageEventSchema } from '../schema';
import { SlackReplier } from '../slackReplier';
import { apologise, runSlackTurn, type SlackListenerDeps } from '../slackTurn';

/** `<@U123>` mentions of the bot are not part of what the person asked. */
const MENTION = /<@[A-Z0-9]+>/g;

/** Direct messages (personal) and mentions in channels (shared: browse and explain only). */
export function registerMessageListeners(app: App, deps: SlackListenerDeps): void {
  app.event('message', async ({ event, context, client }) => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success || parsed.data.subtype !== undefined || parsed.data.bot_id || parsed.data.channel_type !== 'im') return;
    const message = parsed.data;
    const log = deps.logger.child({ surface: 'dm' });
    try {
      await runSlackTurn(deps, {
        client,
        workspace: { teamId: context.teamId, enterpriseId: context.enterpriseId },
        userId: message.user,
        conversation: 'personal',
        input: { kind: 'text', text: message.text },
        replier: new SlackReplier({ client, userId: message.user, channel: message.channel }),
        log,
      });
    } catch (error) {
      await apologise(client, message.channel, log, error);
    }
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    const parsed = appMentionSchema.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    const log = deps.logger.child({ surface: 'mention' });
    try {
      await runSlackTurn(deps, {
        client,
        workspace: { teamId: context.teamId, enterpriseId: context.enterpriseId },
        userId: mention.user,
        conversation: 'shared',
        ...(typeof body.api_app_id === 'string' ? { appId: body.api_app_id } : {}),
        input: { kind: 'text', text: mention.text.replace(MENTION, ' ').trim() },
        replier: new SlackReplier({ client, userId: mention.user, channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts }),
        log,
      });
    } catch (error) {
      await apologise(client, mention.channel, log, error);
    }
  });
}
