import type { AdminListView, LatestOpportunitiesView, OpportunityFormView } from '../../../core/admin/views';
import { actions, button, context, escape, header, section, type KnownBlock } from './elements';

export function adminListBlocks(view: AdminListView): KnownBlock[] {
  return [
    header(`Admins for ${view.orgName}`),
    ...view.admins.flatMap((admin): KnownBlock[] => [
      section(`*${escape(admin.email)}*\n${escape(admin.sourceLabel)}`),
      ...(admin.canRemove ? actions(button('Remove admin', { action: 'revokeAdmin', email: admin.email }, 'danger')) : []),
    ]),
    context('To add someone, say "make name@school.org an admin".'),
  ];
}

/** Slack has no inline forms in messages: the form is summarised, and errors are listed. */
export function opportunityFormBlocks(view: OpportunityFormView): KnownBlock[] {
  const title = view.mode === 'edit' ? `Editing ${view.editingId ?? 'an opportunity'}` : 'Adding an opportunity';
  return [
    header(title),
    ...(view.errors.length > 0 ? [section(view.errors.map((error) => `• ${escape(error)}`).join('\n'))] : []),
    section(
      'The opportunity form opens in Microsoft Teams. In Slack, an operator can add or change opportunities with `nextstep import opportunities FILE`.',
    ),
  ];
}

export function latestOpportunitiesBlocks(view: LatestOpportunitiesView): KnownBlock[] {
  if (view.items.length === 0) return [section(`Nothing has been added to ${escape(view.orgName)}'s opportunities yet.`)];
  return [
    header(`Latest opportunities at ${view.orgName}`),
    ...view.items.flatMap((item): KnownBlock[] => [
      section(`*${escape(item.title)}*\n${escape(`${item.kindLabel} · ${item.scopeLabel} · ${item.addedLabel}`)}${item.closesLabel ? ` · closes ${escape(item.closesLabel)}` : ''}`),
      ...actions(button('Details', { action: 'showOpportunity', opportunityId: item.id })),
    ]),
  ];
}
