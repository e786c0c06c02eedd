import type { AppConfig, SlackConfig } from '../config';
import { createTeamsTransport } from '../channels/teams/teamsTransport';
import type { ChannelTransport, DeliveryAddress } from '../delivery/types';
import type { View } from '../core/conversation/views';
import type { Logger } from '../logging/logger';

/** The channels the outbox can send through with this configuration (Slack only when set up). */
export function createTransports(config: AppConfig, logger: Logger): ChannelTransport[] {
  return [
    createTeamsTransport(config.teams, logger.child({ channel: 'teams' })),
    ...(config.slack ? [new DeferredSlackTransport(config.slack, logger.child({ channel: 'slack' }))] : []),
  ];
}

/**
 * Loads the Slack transport (and Bolt's Web API client) on the first send, so importing the jobs
 * does not pull the Slack SDK into a server that has no Slack configured.
 */
class DeferredSlackTransport implements ChannelTransport {
  readonly channel = 'slack' as const;
  private transport?: Promise<ChannelTransport>;

  constructor(
    private readonly config: SlackConfig,
    private readonly logger: Logger,
  ) {}

  async send(address: DeliveryAddress, view: View): Promise<void> {
    this.transport ??= import('../channels/slack/slackTransport').then(({ createSlackTransport }) => createSlackTransport(this.config, this.logger));
    const transport = await this.transport;
    await transport.send(address, view);
  }
}
