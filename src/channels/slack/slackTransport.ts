import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { View } from '../../core/conversation/views';
import { DeliveryError, type ChannelTransport, type DeliveryAddress } from '../../delivery/types';
import type { Logger } from '../../logging/logger';
import { viewToSlack } from './viewToSlack';

/** Slack errors that retrying cannot fix: the person or channel is gone or closed to the bot. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'is_archived',
  'not_in_channel',
  'cannot_dm_bot',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
]);

/** Maps a Slack Web API failure to what the outbox should do about it. */
export function classifySlackFailure(error: unknown): DeliveryError {
  const coded = (error ?? {}) as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (coded.code === webApi.ErrorCode.RateLimitedError) {
    return new DeliveryError('rateLimited', 'Slack asked us to slow down (ratelimited)', (coded.retryAfter ?? 1) * 1000, { cause: error });
  }
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const reason = coded.data?.error ?? 'unknown_error';
    if (reason === 'ratelimited') return new DeliveryError('rateLimited', 'Slack asked us to slow down (ratelimited)', 1000, { cause: error });
    return new DeliveryError(PERMANENT_ERRORS.has(reason) ? 'permanent' : 'transient', `Slack answered ${reason}`, undefined, { cause: error });
  }
  if (coded.code === webApi.ErrorCode.HTTPError && coded.statusCode !== undefined && coded.statusCode < 500 && coded.statusCode !== 408) {
    return new DeliveryError('permanent', `Slack answered HTTP ${coded.statusCode}`, undefined, { cause: error });
  }
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

/**
 * Sends to a Slack user by opening (or reusing) the direct message with them, then posting. The
 * client does not retry or queue on its own: the outbox owns retries and rate limits.
 */
export class SlackTransport implements ChannelTransport {
  readonly channel = 'slack' as const;
  /** Direct-message channel per user, so conversations.open (a lower rate tier) is called once each. */
  private readonly directChannels = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  async send(address: DeliveryAddress, view: View): Promise<void> {
    try {
      const channel = await this.directChannel(address.target);
      const message = viewToSlack(view);
      await this.client.chat.postMessage({ channel, ...message });
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const classified = classifySlackFailure(error);
      this.logger.debug({ kind: classified.kind, reason: classified.message }, 'Slack send failed');
      throw classified;
    }
  }

  private async directChannel(target: string): Promise<string> {
    // Channel ids (C…, G…, D…) are posted to directly; user ids get a direct message opened.
    if (!/^[UW]/.test(target)) return target;
    const known = this.directChannels.get(target);
    if (known) return known;
    const opened = await this.client.conversations.open({ users: target });
    const id = opened.channel?.id;
    if (!id) throw new DeliveryError('permanent', 'Slack did not open a direct message with this person');
    if (this.directChannels.size > 50_000) this.directChannels.clear();
    this.directChannels.set(target, id);
    return id;
  }
}

export function createSlackTransport(config: SlackConfig, logger: Logger): SlackTransport {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
  return new SlackTransport(client, logger);
}
