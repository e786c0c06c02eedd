import type {
  OpportunityDetailView,
  OpportunityListView,
  OpportunitySummary,
  ReadingListView,
  WhatNextView,
} from '../../../core/conversation/views';
import { actions, button, context, divider, escape, fields, header, linkButton, pack, section, SLACK_LIMITS, type KnownBlock } from './elements';

function flags(item: OpportunitySummary): string {
  return [
    `${item.kindLabel} · ${item.scopeLabel}`,
    item.provider ? escape(item.provider) : undefined,
    item.closesLabel ? `${item.closingSoon ? ':hourglass: Closes soon: ' : 'Closes '}${item.closesLabel}` : undefined,
    item.isNew ? ':new: New' : undefined,
    item.saved ? ':white_check_mark: In your plan' : undefined,
    item.requiredForRole ? ':pushpin: Required for your role' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One opportunity: title and summary, what it is, and its buttons. */
export function opportunityBlocks(item: OpportunitySummary): KnownBlock[] {
  return [
    section(`*${escape(item.title)}*\n${escape(item.shortSummary ?? item.summary)}`),
    context(flags(item)),
    ...actions(
      button('Details', { action: 'showOpportunity', opportunityId: item.id }),
      // In a channel, saving and interest are personal: those buttons would only be refused.
      !item.shared && !item.saved && button('Save to plan', item.saveAction ?? { action: 'saveOpportunity', opportunityId: item.id }, 'primary'),
      !item.shared && item.hasOwner && button("I'm interested", { action: 'markInterest', opportunityId: item.id }),
      item.url !== undefined && linkButton('Official page', item.url),
    ),
  ];
}

export function whatNextBlocks(view: WhatNextView, max: number = SLACK_LIMITS.messageBlocks): KnownBlock[] {
  const discussion = [
    view.lineManager ? `Line manager: ${escape(view.lineManager)}` : undefined,
    view.nextDiscussionLabel ? `Next careers discussion: ${escape(view.nextDiscussionLabel)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const head = [
    header(`What next for ${view.name}`),
    context(`${escape(view.stageName)} · ${escape(view.pathwayName)}${view.school ? ` · ${escape(view.school)}` : ''}`),
    ...(discussion.length > 0 ? [context(discussion.join(' · '))] : []),
  ];
  const groups: KnownBlock[][] = [];
  if (view.topSteps && view.topSteps.length > 0) {
    groups.push([divider(), section('*Your top next steps*')]);
    groups.push(...view.topSteps.map(opportunityBlocks));
  }
  if (view.entitlement.length > 0) {
    groups.push([divider(), section('*Your entitlement*')]);
    groups.push(...view.entitlement.map(opportunityBlocks));
  }
  for (const group of view.options) {
    groups.push([divider(), section(`*${escape(group.scopeLabel)}*`)]);
    groups.push(...group.items.map(opportunityBlocks));
  }
  if (view.nextStage && view.nextStage.items.length > 0) {
    groups.push([divider(), section(`*Looking ahead: ${escape(view.nextStage.name)}*`)]);
    groups.push(...view.nextStage.items.map(opportunityBlocks));
  }
  if (view.everyoneLine) groups.push([context(`*Everyone's entitlement:* ${escape(view.everyoneLine)}`)]);
  if (groups.length === 0) groups.push([section('Nothing new for your stage just now. Ask me to browse everything, or check back soon.')]);
  const tail = actions(
    view.hasMore && button('Show more', { action: 'whatNextPage', page: view.page + 1 }),
    !view.shared && button('My plan', { action: 'runIntent', intent: 'myPlan' }),
  );
  return pack(head, groups, tail, max);
}

export function opportunityListBlocks(view: OpportunityListView): KnownBlock[] {
  const head = [header(view.title), context(escape(view.filterLabel))];
  const groups = view.items.length
    ? view.items.map((item) => [divider(), ...opportunityBlocks(item)])
    : [[section("I couldn't find anything that matches. Try fewer words, or ask what you can do next.")]];
  const tail = actions(
    view.hasMore && button('Show more', { action: 'browsePage', page: view.page + 1, ...view.query }),
    button('What next for me?', { action: 'runIntent', intent: 'whatNext' }),
  );
  return pack(head, groups, tail, SLACK_LIMITS.messageBlocks);
}

export function opportunityDetailBlocks(view: OpportunityDetailView): KnownBlock[] {
  const { item } = view;
  const facts = [
    { label: 'Type', value: item.kindLabel },
    { label: 'Where', value: item.scopeLabel },
    ...(item.provider ? [{ label: 'Provider', value: item.provider }] : []),
    ...(item.closesLabel ? [{ label: 'Closes', value: item.closesLabel }] : []),
    ...(item.ownerName ? [{ label: 'Contact', value: item.ownerName }] : []),
    ...(item.pathwayNames.length ? [{ label: 'Pathways', value: item.pathwayNames.join(', ') }] : []),
    ...(item.stageNames.length ? [{ label: 'Stages', value: item.stageNames.join(', ') }] : []),
    ...(item.tags.length ? [{ label: 'Tags', value: item.tags.join(', ') }] : []),
    ...(view.planStatusLabel ? [{ label: 'In your plan', value: view.planStatusLabel }] : []),
  ];
  return [
    header(item.title),
    section(escape(item.summary)),
    ...fields(facts),
    ...actions(
      !item.saved && !view.planStatus && button('Save to plan', { action: 'saveOpportunity', opportunityId: item.id }, 'primary'),
      item.hasOwner && button("I'm interested", { action: 'markInterest', opportunityId: item.id }),
      item.url !== undefined && linkButton('Open link', item.url),
      button('My plan', { action: 'runIntent', intent: 'myPlan' }),
    ),
  ];
}

export function readingListBlocks(view: ReadingListView): KnownBlock[] {
  const head = [header(`Reading for ${view.stageName}`)];
  const groups = view.items.length
    ? view.items.map((item) => [
        section(
          [
            item.url ? `*<${item.url}|${escape(item.title)}>*` : `*${escape(item.title)}*`,
            item.author ? `_${escape(item.author)}_` : undefined,
            item.note ? escape(item.note) : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
        ),
      ])
    : [[section('There is no reading list for this stage yet.')]];
  return pack(head, groups, actions(button('Log CPD', { action: 'openLogCpd' })), SLACK_LIMITS.messageBlocks);
}
