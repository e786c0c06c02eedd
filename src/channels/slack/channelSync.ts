import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../logging/logger';
import { botWorkspace, listBotChannels } from './channelDirectory';
import type { SlackChannelRecorder, SlackChannelSyncOutcome } from './channelRecorder';

export type SlackChannelSync = { synced: true; outcome: SlackChannelSyncOutcome } | { synced: false; teamId: string };

/**
 * Catches up with channels the bot joined or left while no event reached NextStep (added before
 * this release, or while it was down): lists the bot's channels and records exactly those for its
 * workspace. Nothing is changed when the listing fails part way.
 */
export async function syncSlackChannels(client: webApi.WebClient, recorder: SlackChannelRecorder, log: Logger): Promise<SlackChannelSync> {
  const teamId = await botWorkspace(client);
  const listedAt = new Date();
  const channels = await listBotChannels(client, log);
  const outcome = await recorder.synced(teamId, channels, listedAt);
  if (!outcome) {
    log.warn({ teamId }, 'no organisation owns this Slack workspace; map it with "nextstep org add <org> --slack-team <team id>"');
    return { synced: false, teamId };
  }
  log.info(outcome, 'synchronised the Slack channels the bot is a member of');
  return { synced: true, outcome };
}

/** A Web API client for work outside a Slack request (the sync from the command line). */
export function createSlackWebClient(config: SlackConfig): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    timeout: 10_000,
    retryConfig: { retries: 2 },
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  });
}
