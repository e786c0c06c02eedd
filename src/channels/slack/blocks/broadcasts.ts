import type { BroadcastFormView, BroadcastOpportunityView, BroadcastPreviewView, BroadcastProgressView, ReachSummaryView } from '../../../core/broadcasts/views';
import { actions, button, context, escape, fields, header, linkButton, section, type KnownBlock } from './elements';

export function broadcastOpportunityBlocks(view: BroadcastOpportunityView): KnownBlock[] {
  const { item } = view;
  return [
    context(`New opportunity from ${escape(view.orgName)}`),
    header(item.title),
    section(escape(item.summary)),
    ...fields([
      { label: 'Type', value: item.kindLabel },
      { label: 'Where', value: item.scopeLabel },
      ...(item.provider ? [{ label: 'Provider', value: item.provider }] : []),
      ...(item.closesLabel ? [{ label: 'Closes', value: item.closesLabel }] : []),
    ]),
    ...actions(
      button('Save to plan', { action: 'saveOpportunity', opportunityId: item.id }, 'primary'),
      button("I'm interested", { action: 'markInterest', opportunityId: item.id }),
      item.url !== undefined && linkButton('Open link', item.url),
    ),
  ];
}

/** In a message the form is a button that opens the modal (forms belong in modals on Slack). */
export function broadcastFormBlocks(view: BroadcastFormView): KnownBlock[] {
  const chosen = view.opportunities.find((item) => item.id === view.values.opportunityId);
  return [
    header('New broadcast'),
    ...(view.errors.length > 0 ? [section(view.errors.map((error) => `• ${escape(error)}`).join('\n'))] : []),
    section(
      `${chosen ? `Opportunity: *${escape(chosen.name)}*\n` : ''}Choose the opportunity and who should hear about it: people by pathway, stage and school, and/or channels. You will see the exact number of recipients before anything is sent.`,
    ),
    ...actions(button('Choose the audience', { action: 'openBroadcastForm', ...(chosen ? { opportunityId: chosen.id } : {}) }, 'primary')),
  ];
}

export function broadcastPreviewBlocks(view: BroadcastPreviewView): KnownBlock[] {
  return [
    header(`Broadcast “${view.title}”?`),
    context(escape(view.audienceLabel)),
    ...fields([
      { label: 'Recipients', value: String(view.recipients) },
      { label: 'Not reachable yet', value: String(view.unreachable) },
    ]),
    context(`${view.recipients - view.unreachable} of ${view.recipients} will receive it now. People who have not used NextStep yet cannot be messaged; the reach report lists them.`),
    ...actions(
      button(
        'Confirm and send',
        { action: 'confirmBroadcast', previewId: view.previewId, opportunityId: view.opportunityId, pathway: view.pathway, stage: view.stage, school: view.school, channels: view.channels },
        'primary',
      ),
      button('Cancel', { action: 'dismissBroadcast' }),
    ),
  ];
}

export function broadcastProgressBlocks(view: BroadcastProgressView): KnownBlock[] {
  return [
    header(`Broadcast: ${view.title}`),
    context(`${view.statusLabel} · ${view.recipients} recipients`),
    ...fields([
      { label: 'Sent', value: String(view.sent) },
      { label: 'Failed', value: String(view.failed) },
      { label: 'Unreachable', value: String(view.unreachable) },
      { label: 'Pending', value: String(view.pending) },
      { label: 'Cancelled', value: String(view.cancelled) },
    ]),
    ...actions(
      button('Refresh', { action: 'broadcastStatus', broadcastId: view.broadcastId }),
      view.canCancel && button('Cancel broadcast', { action: 'cancelBroadcast', broadcastId: view.broadcastId }, 'danger'),
    ),
  ];
}

export function reachSummaryBlocks(view: ReachSummaryView): KnownBlock[] {
  return [
    header(`Reach since ${view.sinceLabel}`),
    context(`${view.broadcasts} broadcasts`),
    ...fields([
      { label: 'Reached', value: String(view.reached) },
      { label: 'Failed', value: String(view.failed) },
      { label: 'Unreachable', value: String(view.unreachable) },
      { label: 'Still pending', value: String(view.pending) },
      { label: 'Saved to a plan', value: String(view.saved) },
      { label: 'Interested', value: String(view.interested) },
      { label: `Not reached in ${view.months} months`, value: String(view.notReached) },
    ]),
    context('For the breakdown by pathway, stage and school, and the names, run `nextstep report reach`.'),
  ];
}
