import { ValidationError } from '../../errors';
import type { Repositories } from '../../store';
import type { BroadcastDoc, BroadcastStatus, CampaignCounts } from '../../store/repositories/broadcasts';

export interface BroadcastProgress {
  broadcast: BroadcastDoc;
  status: BroadcastStatus;
  counts: CampaignCounts;
}

/** queued → sending → done follows from the records; cancelled is final once set. */
export function statusFrom(stored: BroadcastStatus, counts: CampaignCounts): BroadcastStatus {
  if (stored === 'cancelled') return 'cancelled';
  if (counts.pending + counts.sending === 0) return 'done';
  return counts.sent + counts.failed > 0 || counts.sending > 0 ? 'sending' : 'queued';
}

type ProgressRepos = Pick<Repositories, 'broadcasts'>;

async function load(repos: ProgressRepos, orgId: string, id: string): Promise<BroadcastDoc> {
  const broadcast = await repos.broadcasts.get(orgId, id);
  if (!broadcast) throw new ValidationError([`broadcast "${id}" does not exist in ${orgId}`]);
  return broadcast;
}

/** Counts from the outbox (one $match/$group), and the status they imply, kept on the document. */
export async function broadcastProgress(repos: ProgressRepos, orgId: string, id: string): Promise<BroadcastProgress> {
  const broadcast = await load(repos, orgId, id);
  const counts = await repos.broadcasts.deliveryCounts(orgId, id);
  const status = statusFrom(broadcast.status, counts);
  if (status !== broadcast.status) await repos.broadcasts.setStatus(orgId, id, status);
  return { broadcast, status, counts };
}

/** Withdraws what has not been claimed yet; records being sent finish. Audited. */
export async function cancelBroadcast(
  repos: Pick<Repositories, 'broadcasts' | 'audit'>,
  orgId: string,
  id: string,
  actor: string,
  now = new Date(),
): Promise<{ cancelled: number; progress: BroadcastProgress }> {
  const broadcast = await load(repos, orgId, id);
  const cancelled = broadcast.status === 'cancelled' ? 0 : await repos.broadcasts.cancelPending(orgId, id, now);
  if (broadcast.status !== 'cancelled') {
    await repos.broadcasts.setStatus(orgId, id, 'cancelled', { cancelledBy: actor, cancelledAt: now });
    await repos.audit.record(orgId, actor, 'broadcast.cancelled', { broadcastId: id, cancelled });
  }
  return { cancelled, progress: await broadcastProgress(repos, orgId, id) };
}
