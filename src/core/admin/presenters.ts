import { KIND_LABELS, SCOPE_LABELS } from '../careerMap/labels';
import type { Opportunity } from '../careerMap/schema';
import { formatDate, todayIn } from '../conversation/presenters/dates';
import type { AdminListEntry } from './policy';
import type { AdminOpportunity } from './ports';
import type { AdminListView, LatestOpportunitiesView } from './views';

export function adminListView(orgName: string, admins: AdminListEntry[], timezone: string): AdminListView {
  return {
    type: 'adminList',
    orgName,
    admins: admins.map((admin) => ({
      email: admin.email,
      sourceLabel:
        admin.source === 'configuration'
          ? 'Named in the ADMIN_EMAILS setting'
          : `Made an admin${admin.grantedBy === 'cli' ? ' from the command line' : admin.grantedBy ? ` by ${admin.grantedBy}` : ''}${
              admin.grantedAt ? ` on ${formatDate(todayIn(timezone, admin.grantedAt))}` : ''
            }`,
      canRemove: admin.source === 'granted',
    })),
  };
}

export function latestOpportunitiesView(
  orgName: string,
  items: AdminOpportunity[],
  timezone: string,
  canEdit: boolean,
): LatestOpportunitiesView {
  return {
    type: 'adminLatestOpportunities',
    orgName,
    canEdit,
    items: items.map(({ opportunity, createdAt }) => ({
      id: opportunity.id,
      title: opportunity.title,
      kindLabel: KIND_LABELS[opportunity.kind],
      scopeLabel: SCOPE_LABELS[opportunity.scope],
      addedLabel: `Added ${formatDate(todayIn(timezone, createdAt))}`,
      ...(opportunity.closes ? { closesLabel: `Closes ${formatDate(opportunity.closes)}` } : {}),
    })),
  };
}

/** Field-by-field equality, ignoring key order (what the store calls "unchanged"). */
export function sameOpportunity(a: Opportunity, b: Opportunity): boolean {
  const canonical = (item: Opportunity) => JSON.stringify(Object.entries(item).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
