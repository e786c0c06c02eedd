import type { BroadcastDesk, BroadcastProgressFacts } from '../../core/broadcasts/ports';
import { ValidationError } from '../../errors';
import type { Repositories } from '../../store';
import { broadcastProgress, cancelBroadcast, type BroadcastProgress } from './broadcastProgress';
import { previewBroadcast, queueBroadcast, type BroadcastRepos } from './planBroadcast';
import { reachReport } from './reachReport';
import { broadcastRequestSchema } from './schema';
import { createHash } from 'node:crypto';
import { isDuplicateKey } from '../../store/duplicateKey';
import type { BroadcastDoc } from '../../store/repositories/broadcasts';
import { channelRef } from '../../store/repositories/broadcastChannels';

function facts({ broadcast, counts, status }: BroadcastProgress): BroadcastProgressFacts {
  return {
    id: broadcast.id,
    title: broadcast.opportunityTitle,
    status,
    recipients: broadcast.counts.recipients,
    sent: counts.sent,
    failed: counts.failed,
    unreachable: counts.unreachable,
    pending: counts.pending + counts.sending,
    cancelled: counts.cancelled,
  };
}

async function problemsOf<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problems: string[] }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** The broadcast a chat preview stands for: the same preview always names the same broadcast. */
export const broadcastIdFor = (orgId: string, previewId: string) => `b-${createHash('sha256').update(`${orgId}:${previewId}`).digest('hex').slice(0, 10)}`;

/** The conversation core's way to broadcasts: the same planning, outbox and counts as the CLI. */
export function createBroadcastDesk(repos: BroadcastRepos & Pick<Repositories, 'audit'>): BroadcastDesk {
  const parse = (ask: unknown) => {
    const parsed = broadcastRequestSchema.safeParse(ask);
    if (!parsed.success) throw new ValidationError(['That broadcast request is not valid.']);
    return parsed.data;
  };
  return {
    async audienceOptions(orgId) {
      const [schools, channels] = await Promise.all([repos.broadcasts.schools(orgId), repos.broadcastChannels.active(orgId)]);
      return { schools, channels: channels.map((doc) => ({ ref: channelRef(doc), platform: doc.platform, name: doc.name })) };
    },
    async preview(orgId, ask) {
      const outcome = await problemsOf(() => previewBroadcast(repos, orgId, parse(ask)));
      if (!outcome.ok) return outcome;
      const audience = outcome.value;
      if (audience.recipients === 0) return { ok: false, problems: ['Nobody matches that audience, so there is nothing to send.'] };
      return {
        ok: true,
        preview: {
          opportunityId: audience.opportunityId,
          opportunityTitle: audience.opportunityTitle,
          recipients: audience.recipients,
          unreachable: audience.unreachable,
          channelNames: audience.channels.map((channel) => channel.name),
        },
      };
    },
    async queue(orgId, ask, createdBy, previewId) {
      const id = broadcastIdFor(orgId, previewId);
      const outcome = await problemsOf(async () => {
        const request = parse(ask);
        // Confirm pressed again (or twice at once): the broadcast that preview already queued.
        if (await repos.broadcasts.get(orgId, id)) return broadcastProgress(repos, orgId, id);
        const audience = await previewBroadcast(repos, orgId, request);
        if (audience.recipients === 0) throw new ValidationError(['Nobody matches that audience, so there is nothing to send.']);
        let broadcast: BroadcastDoc;
        try {
          ({ broadcast } = await queueBroadcast(repos, audience, request, createdBy, new Date(), id));
        } catch (error) {
          if (isDuplicateKey(error)) return broadcastProgress(repos, orgId, id);
          throw error;
        }
        await repos.audit.record(orgId, createdBy, 'broadcast.queued', { broadcastId: broadcast.id, opportunityId: broadcast.opportunityId, recipients: broadcast.counts.recipients });
        return broadcastProgress(repos, orgId, broadcast.id);
      });
      return outcome.ok ? { ok: true, progress: facts(outcome.value) } : outcome;
    },
    async progress(orgId, id) {
      const outcome = await problemsOf(() => broadcastProgress(repos, orgId, id));
      return outcome.ok ? facts(outcome.value) : null;
    },
    async cancel(orgId, id, actor) {
      const outcome = await problemsOf(() => cancelBroadcast(repos, orgId, id, actor));
      return outcome.ok ? facts(outcome.value.progress) : null;
    },
    async reach(orgId, since, months) {
      const report = await reachReport(repos, orgId, since, { months });
      return {
        since: report.since,
        broadcasts: report.broadcasts.length,
        reached: report.totals.reached,
        failed: report.totals.failed,
        unreachable: report.totals.unreachable,
        pending: report.totals.pending,
        saved: report.totals.saved,
        interested: report.totals.interested,
        notReached: report.notReached.length,
        months,
      };
    },
  };
}
