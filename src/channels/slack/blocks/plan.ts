import type { PlanView } from '../../../core/conversation/views';
import { actions, button, context, divider, escape, header, pack, section, SLACK_LIMITS, type KnownBlock } from './elements';

export function planBlocks(view: PlanView, max: number = SLACK_LIMITS.messageBlocks): KnownBlock[] {
  const confirm = view.confirmRemove;
  const head = [
    header(`${view.name}'s development plan`),
    ...(confirm
      ? [
          section(`Remove *${escape(confirm.title)}* from your plan? Its progress so far goes with it.`),
          ...actions(
            button('Yes, remove it', { action: 'removeFromPlan', opportunityId: confirm.opportunityId, token: confirm.token }, 'danger'),
            button('No, keep it', { action: 'runIntent', intent: 'myPlan' }),
          ),
        ]
      : []),
  ];
  const groups = view.items.length
    ? view.items.map((item) => [
        divider(),
        section(`*${escape(item.opportunity.title)}*\n${item.statusLabel}`),
        context(`${item.opportunity.kindLabel} · ${item.opportunity.scopeLabel}`),
        ...actions(
          item.nextStatus !== undefined &&
            item.nextStatusLabel !== undefined &&
            button(`Mark as ${item.nextStatusLabel.toLowerCase()}`, {
              action: 'setPlanStatus',
              opportunityId: item.opportunity.id,
              status: item.nextStatus,
            }, 'primary'),
          button('Details', { action: 'showOpportunity', opportunityId: item.opportunity.id }),
          button('Remove', { action: 'removeFromPlan', opportunityId: item.opportunity.id }),
        ),
      ])
    : [[section('Your plan is empty. Ask me what you can do next and press "Save to plan" on anything that appeals.')]];
  return pack(head, groups, actions(button('What next?', { action: 'runIntent', intent: 'whatNext' })), max);
}
