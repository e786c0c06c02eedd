import type { AppConfig } from '../config';
import { createSlackTransport } from '../channels/slack/slackTransport';
import { createTeamsTransport } from '../channels/teams/teamsTransport';
import type { ChannelTransport } from '../delivery/types';
import type { Logger } from '../logging/logger';

/** The channels the outbox can send through with this configuration (Slack only when set up). */
export function createTransports(config: AppConfig, logger: Logger): ChannelTransport[] {
  return [
    createTeamsTransport(config.teams, logger.child({ channel: 'teams' })),
    ...(config.slack ? [createSlackTransport(config.slack, logger.child({ channel: 'slack' }))] : []),
  ];
}
