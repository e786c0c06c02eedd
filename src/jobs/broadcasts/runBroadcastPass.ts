import type { DrainSummary, OutboxSender } from '../../delivery/outboxSender';
import type { Logger } from '../../logging/logger';
import type { Repositories } from '../../store';

export const BROADCAST_LEASE = 'job:broadcasts';

export interface BroadcastPassDeps {
  repos: Pick<Repositories, 'leases'>;
  sender: OutboxSender;
  logger: Logger;
  leaseMs: number;
}

/**
 * Sends what the outbox holds (broadcast records and anything else due) under a lease, so one
 * replica drains at a time. Claims make a second runner harmless; the lease only saves effort.
 */
export async function runBroadcastPass(deps: BroadcastPassDeps, options: { waitMs?: number } = {}): Promise<DrainSummary | undefined> {
  const log = deps.logger.child({ job: 'broadcasts' });
  const lease = await deps.repos.leases.acquire(BROADCAST_LEASE, deps.sender.owner, deps.leaseMs);
  if (!lease) {
    log.debug('another replica is sending; skipping this pass');
    return undefined;
  }
  const renew = setInterval(() => {
    deps.repos.leases.renew(lease, deps.leaseMs).catch((error: unknown) => log.warn({ err: error }, 'could not renew the broadcast lease'));
  }, Math.max(1_000, deps.leaseMs / 3));
  try {
    const delivery = await deps.sender.drain({ waitMs: options.waitMs ?? 30_000 });
    if (delivery.sent + delivery.failed + delivery.unreachable > 0) log.info(delivery, 'broadcast pass delivered');
    return delivery;
  } finally {
    clearInterval(renew);
    await deps.repos.leases.release(lease);
  }
}
