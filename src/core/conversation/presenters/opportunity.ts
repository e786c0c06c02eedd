import { flagOpportunity, type RankedItem } from '../../careerMap/whatNext';
import { KIND_LABELS, SCOPE_LABELS } from '../../careerMap/labels';
import type { Opportunity } from '../../careerMap/schema';
import type { OpportunitySummary } from '../views';
import { formatDate } from './dates';

export function summarise(ranked: RankedItem): OpportunitySummary {
  const item = ranked.opportunity;
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    scope: item.scope,
    scopeLabel: SCOPE_LABELS[item.scope],
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    entitlement: item.entitlement,
    ...(item.provider ? { provider: item.provider } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(item.closes ? { closesLabel: formatDate(item.closes) } : {}),
    closingSoon: ranked.closingSoon,
    isNew: ranked.isNew,
    saved: ranked.saved,
    hasOwner: Boolean(item.owner),
  };
}

/** A summary for an opportunity outside a ranking (browse, detail, plan). */
export function summariseItem(
  item: Opportunity,
  flags: { saved: boolean; now: Date; publishedAt?: Date },
): OpportunitySummary {
  return summarise(flagOpportunity(item, flags));
}
