import { includesPeople, newPreviewId } from './audience';
import type { AudienceNames } from './audienceForm';
import type { BroadcastAsk, BroadcastPreviewFacts, BroadcastProgressFacts, ReachFacts } from './ports';
import type { BroadcastPreviewView, BroadcastProgressView, ReachSummaryView } from './views';
import { formatDate } from '../conversation/presenters/dates';

const STATUS_LABELS: Record<BroadcastProgressFacts['status'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  done: 'Finished',
  cancelled: 'Cancelled',
};

const channelCount = (count: number) => `${count} ${count === 1 ? 'channel' : 'channels'}`;

/** "Active staff at Oak Primary in Teaching and 2 channels (Staff › General, #cpd)". */
export function audienceLabel(ask: BroadcastAsk, names: AudienceNames = {}, channelNames: readonly string[] = []): string {
  const channels = ask.channels ?? [];
  const listed = channelNames.length > 0 ? channelNames.join(', ') : '';
  if (!includesPeople(ask)) return `${channelCount(channels.length)} only${listed ? `: ${listed}` : ''}`;
  const parts = [
    ask.school && `at ${ask.school}`,
    ask.pathway && `in ${names.pathway ?? ask.pathway}`,
    ask.stage && `at the ${names.stage ?? ask.stage} stage`,
  ].filter(Boolean);
  const people = parts.length ? `Active staff ${parts.join(' ')}` : 'All active staff';
  return channels.length > 0 ? `${people} and ${channelCount(channels.length)}${listed ? ` (${listed})` : ''}` : people;
}

export function previewView(ask: BroadcastAsk, facts: BroadcastPreviewFacts, names: AudienceNames = {}, previewId = newPreviewId()): BroadcastPreviewView {
  return {
    type: 'broadcastPreview',
    previewId,
    opportunityId: facts.opportunityId,
    title: facts.opportunityTitle,
    audienceLabel: audienceLabel(ask, names, facts.channelNames),
    recipients: facts.recipients,
    unreachable: facts.unreachable,
    ...(ask.pathway ? { pathway: ask.pathway } : {}),
    ...(ask.stage ? { stage: ask.stage } : {}),
    ...(ask.school ? { school: ask.school } : {}),
    ...(ask.channels?.length ? { channels: ask.channels } : {}),
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
