import type { View } from '../core/conversation/views';
import { NextStepError } from '../errors';

/** Why a record exists. Broadcasts will add their own purpose and reuse everything else. */
export type DeliveryPurpose = 'nudge' | 'managerReminder' | 'managerAttention' | 'broadcast';

/** `cancelled`: a broadcast withdrawn before this record was claimed; never sent. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable' | 'cancelled';

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sending', 'sent', 'failed', 'unreachable', 'cancelled'];

/** Where a message goes, snapshotted when the record is planned. */
export interface DeliveryAddress {
  channel: 'teams' | 'slack';
  /** Teams tenant or Slack workspace: the unit platforms rate-limit by. */
  workspaceId: string;
  /** Teams: a serialised conversation reference. Slack: a user or channel id. */
  target: string;
}

/** One message to one recipient, for one purpose and key; `_id` is deterministic so planning is idempotent. */
export interface OutboxRecord {
  _id: string;
  orgId: string;
  purpose: DeliveryPurpose;
  /** What makes the record unique within its purpose and recipient (e.g. discussion date and offset). */
  key: string;
  recipientEmail?: string;
  /** Records sharing a group and address are sent together as one message (a manager's digest). */
  group?: string;
  /** A broadcast id or nudge run, for reports. */
  campaign?: string;
  address?: DeliveryAddress;
  state: DeliveryState;
  /** Why a record is unreachable, failed or waiting. */
  reason?: string;
  attempts: number;
  lastError?: string;
  /** JSON of the view (or of the part of a grouped view) to send. */
  payload: string;
  createdAt: Date;
  updatedAt: Date;
  /** Not to be sent before this moment (retries, Retry-After). */
  notBefore: Date;
  /** Not worth sending after this moment (a reminder once the discussion day has come). */
  expiresAt?: Date;
  claimedAt?: Date;
  claimedBy?: string;
  sentAt?: Date;
}

export type NewOutboxRecord = Omit<OutboxRecord, 'state' | 'attempts' | 'createdAt' | 'updatedAt' | 'notBefore'> & {
  state?: 'pending' | 'unreachable';
};

/** The only thing the outbox needs from a channel: send this view to that address, or say why not. */
export interface ChannelTransport {
  readonly channel: DeliveryAddress['channel'];
  send(address: DeliveryAddress, view: View): Promise<void>;
}

export type DeliveryFailureKind = 'rateLimited' | 'transient' | 'permanent';

/** A transport's verdict on a failed send; anything else thrown is treated as transient. */
export class DeliveryError extends NextStepError {
  readonly code = 'delivery_failed';

  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Builds the one view sent for a group of claimed records (a single record's view by default). */
export type ComposeView = (records: OutboxRecord[]) => View;
