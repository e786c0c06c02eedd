import type { BroadcastOpportunityView } from '../../../core/broadcasts/views';
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
