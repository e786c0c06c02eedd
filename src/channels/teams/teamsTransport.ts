import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { TeamsConfig } from '../../config';
import type { View } from '../../core/conversation/views';
import { DeliveryError, type ChannelTransport, type DeliveryAddress } from '../../delivery/types';
import type { Logger } from '../../logging/logger';
import { createTeamsAdapter } from './adapter';
import { viewToActivity } from './viewToActivity';

interface HttpFailure {
  statusCode?: number;
  code?: string;
  response?: { status?: number; headers?: { get?(name: string): string | null | undefined } | Record<string, string | undefined> };
}

const TRANSIENT_NETWORK_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

function header(failure: HttpFailure, name: string): string | undefined {
  const headers = failure.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | undefined>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Maps a Bot Connector failure to what the outbox should do about it. */
export function classifyTeamsFailure(error: unknown): DeliveryError {
  const failure = (error ?? {}) as HttpFailure;
  const status = failure.statusCode ?? failure.response?.status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 429) return new DeliveryError('rateLimited', 'Teams asked us to slow down (429)', retryAfterMs(header(failure, 'retry-after')), { cause: error });
  if (status === 403) return new DeliveryError('permanent', 'the bot was uninstalled or blocked by this person (403)', undefined, { cause: error });
  if (status === 404) return new DeliveryError('permanent', 'the conversation no longer exists (404)', undefined, { cause: error });
  if (status === 401) return new DeliveryError('permanent', 'the Bot Connector refused our credentials (401)', undefined, { cause: error });
  if (status === 412 || (status !== undefined && status >= 500)) return new DeliveryError('transient', `Teams answered ${status}`, undefined, { cause: error });
  if (failure.code && TRANSIENT_NETWORK_CODES.has(failure.code)) return new DeliveryError('transient', `network error ${failure.code}`, undefined, { cause: error });
  if (status !== undefined && status >= 400) return new DeliveryError('permanent', `Teams refused the message (${status})`, undefined, { cause: error });
  return new DeliveryError('transient', message, undefined, { cause: error });
}

/** Sends to a person's personal chat through the conversation reference stored when they last talked to the bot. */
export class TeamsTransport implements ChannelTransport {
  readonly channel = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  async send(address: DeliveryAddress, view: View): Promise<void> {
    let reference: Partial<ConversationReference>;
    try {
      reference = JSON.parse(address.target) as Partial<ConversationReference>;
    } catch (error) {
      throw new DeliveryError('permanent', 'the stored conversation reference is not valid JSON', undefined, { cause: error });
    }
    // The adapter's turn-error handler would swallow a failed send, so catch it inside the turn.
    // (The Bot Connector client already retries 429s after Retry-After and 5xx a few times itself;
    // what reaches us here is what is left after those.)
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        try {
          await context.sendActivity(viewToActivity(view));
        } catch (error) {
          failure = error ?? new Error('send failed');
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return;
    const classified = classifyTeamsFailure(failure);
    this.logger.debug({ kind: classified.kind, reason: classified.message }, 'Teams send failed');
    throw classified;
  }
}

export function createTeamsTransport(config: TeamsConfig, logger: Logger): TeamsTransport {
  return new TeamsTransport(createTeamsAdapter(config, logger), config.appId ?? '', logger);
}
