import { KIND_LABELS, SCOPE_LABELS } from '../careerMap/labels';
import type { Opportunity } from '../careerMap/schema';
import { formatDate } from '../conversation/presenters/dates';
import type { BroadcastOpportunityView } from './views';

/** The card a broadcast sends: only what the opportunity says, nothing about the recipient. */
export function broadcastOpportunityView(orgName: string, opportunity: Opportunity): BroadcastOpportunityView {
  return {
    type: 'broadcastOpportunity',
    orgName,
    item: {
      id: opportunity.id,
      title: opportunity.title,
      summary: opportunity.summary,
      kindLabel: KIND_LABELS[opportunity.kind],
      scopeLabel: SCOPE_LABELS[opportunity.scope],
      ...(opportunity.provider ? { provider: opportunity.provider } : {}),
      ...(opportunity.url ? { url: opportunity.url } : {}),
      ...(opportunity.closes ? { closesLabel: formatDate(opportunity.closes) } : {}),
    },
  };
}
