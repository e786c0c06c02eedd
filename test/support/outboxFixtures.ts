import type { View } from '../../src/core/conversation/views';
import { OutboxSender, type OutboxSenderOptions } from '../../src/delivery/outboxSender';
import { WorkspaceRateLimits } from '../../src/delivery/rateLimits';
import type { ChannelTransport, DeliveryPurpose, NewOutboxRecord, OutboxRecord } from '../../src/delivery/types';
import type { OutboxRepository } from '../../src/store/repositories/outbox';
import { silentLogger } from './silentLogger';

export interface TestRecordOptions {
  prefix?: string;
  purpose?: DeliveryPurpose;
  /** The Teams tenant each record goes to (one tenant unless given). */
  workspaceOf?: (index: number) => string;
  /** Whether records name a recipient (nudges do, channel broadcasts do not). */
  withRecipient?: boolean;
}

/** `count` outbox records for org `org`, each a text message whose text is its own key. */
export function testOutboxRecords(count: number, options: TestRecordOptions = {}): NewOutboxRecord[] {
  const { prefix = 'r', purpose = 'broadcast', workspaceOf = () => 'tenant', withRecipient = false } = options;
  return Array.from({ length: count }, (_, index) => {
    const id = `${prefix}${String(index).padStart(4, '0')}`;
    return {
      _id: `org:${purpose}:${id}`,
      orgId: 'org',
      purpose,
      key: id,
      ...(withRecipient ? { recipientEmail: `${id}@school.org` } : {}),
      address: { channel: 'teams' as const, workspaceId: workspaceOf(index), target: id },
      payload: JSON.stringify({ type: 'text', text: id } satisfies View),
    };
  });
}

/** A sender with limits far above what a test sends, quick retries and a one-minute lease; override any of it. */
export function testOutboxSender(outbox: OutboxRepository, transport: ChannelTransport, options: Partial<OutboxSenderOptions> = {}): OutboxSender {
  return new OutboxSender({
    outbox,
    transports: [transport],
    limits: new WorkspaceRateLimits({ teamsPerSecond: 1000, slackPerSecond: 1000 }),
    compose: (claimed: OutboxRecord[]) => JSON.parse((claimed[0] as OutboxRecord).payload) as View,
    logger: silentLogger(),
    leaseMs: 60_000,
    maxAttempts: 3,
    retry: { baseDelayMs: 1 },
    ...options,
  });
}
