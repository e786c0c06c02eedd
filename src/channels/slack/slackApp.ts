import { App, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { RunTurn } from '../../core/conversation/runTurn';
import type { Logger } from '../../logging/logger';
import { MemberCache } from '../memberCache';
import type { SlackChannelRecorder } from './channelRecorder';
import { registerChannelListeners } from './listeners/channels';
import { registerCommandListener } from './listeners/command';
import { registerHomeListener } from './listeners/home';
import { registerInteractionListeners } from './listeners/interactions';
import { registerMessageListeners } from './listeners/messages';
import { RestifyReceiver } from './restifyReceiver';
import type { SlackReplayGuard } from './slackReplayLog';

export interface SlackDeps {
  runTurn: RunTurn;
  replays: SlackReplayGuard;
  /** Where channels the bot joins and leaves are recorded, for broadcasts. */
  channels: SlackChannelRecorder;
  logger: Logger;
}

export interface SlackChannel {
  app: App;
  receiver: RestifyReceiver;
}

/**
 * Bolt over the restify receiver, with a listener per Slack surface: direct messages, mentions,
 * the /nextstep command, the App Home, buttons and modals, and the channels the bot is in. Only
 * created when Slack is configured.
 */
export function createSlackChannel(config: SlackConfig, deps: SlackDeps): SlackChannel {
  const receiver = new RestifyReceiver(config.signingSecret, deps.logger, deps.replays);
  const app = new App({
    token: config.botToken,
    receiver,
    logLevel: LogLevel.WARN,
    // Web API calls give up after 10 s (and retry twice), so a hanging Slack never holds a turn for long.
    clientOptions: { timeout: 10_000, retryConfig: { retries: 2 }, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}) },
  });
  const listenerDeps = { runTurn: deps.runTurn, members: new MemberCache(), logger: deps.logger };
  registerMessageListeners(app, listenerDeps);
  registerCommandListener(app, listenerDeps);
  registerHomeListener(app, listenerDeps);
  registerInteractionListeners(app, listenerDeps);
  registerChannelListeners(app, { recorder: deps.channels, logger: deps.logger });
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'Slack listener failed');
  });
  return { app, receiver };
}
