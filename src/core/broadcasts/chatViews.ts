import type { BroadcastAsk, BroadcastPreviewFacts, BroadcastProgressFacts, ReachFacts } from './ports';
import type { BroadcastPreviewView, BroadcastProgressView, ReachSummaryView } from './views';
import { formatDate } from '../conversation/presenters/dates';

const STATUS_LABELS: Record<BroadcastProgressFacts['status'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  done: 'Finished',
  cancelled: 'Cancelled',
};

export function audienceLabel(ask: BroadcastAsk): string {
  const parts = [ask.pathway && `pathway ${ask.pathway}`, ask.stage && `stage ${ask.stage}`, ask.school && `school ${ask.school}`].filter(Boolean);
  return parts.length ? `Active staff with ${parts.join(', ')}` : 'All active staff';
}

export function previewView(ask: BroadcastAsk, facts: BroadcastPreviewFacts): BroadcastPreviewView {
  return {
    type: 'broadcastPreview',
    opportunityId: facts.opportunityId,
    title: facts.opportunityTitle,
    audienceLabel: audienceLabel(ask),
    recipients: facts.recipients,
    unreachable: facts.unreachable,
    ...(ask.pathway ? { pathway: ask.pathway } : {}),
    ...(ask.stage ? { stage: ask.stage } : {}),
    ...(ask.school ? { school: ask.school } : {}),
  };
}

export function progressView(facts: BroadcastProgressFacts): BroadcastProgressView {
  return {
    type: 'broadcastProgress',
    broadcastId: facts.id,
    title: facts.title,
    statusLabel: STATUS_LABELS[facts.status],
    recipients: facts.recipients,
    sent: facts.sent,
    failed: facts.failed,
    unreachable: facts.unreachable,
    pending: facts.pending,
    cancelled: facts.cancelled,
    canCancel: facts.status !== 'cancelled' && facts.pending > 0,
  };
}

export function reachSummaryView(facts: ReachFacts): ReachSummaryView {
  return { type: 'reachSummary', ...facts, sinceLabel: formatDate(facts.since.slice(0, 10)) };
}
