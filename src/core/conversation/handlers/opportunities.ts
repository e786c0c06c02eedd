import type { CareerCatalogue } from '../../careerMap/catalogue';
import { KIND_LABELS, SCOPE_LABELS } from '../../careerMap/labels';
import { findOpportunity, orderByStageProximity, searchOpportunities, type OpportunityQuery } from '../../careerMap/search';
import { rankWhatNext } from '../../careerMap/whatNext';
import type { NluResult } from '../../nlu';
import type { ConversationContext } from '../context';
import { summarise, summariseItem } from '../presenters/opportunity';
import { PLAN_STATUS_LABELS } from '../../plan/planStatus';
import type { CoreServices } from '../services';
import type { OpportunityListView, ScopeGroup } from '../views';
import { requireProfile } from './profile';

/** Which opportunities the person has saved, and which of those they have completed. */
async function planState(ctx: ConversationContext, services: CoreServices, email: string) {
  const items = await services.plans.list(ctx.org.id, email);
  return {
    saved: new Set(items.map((item) => item.opportunityId)),
    completed: new Set(items.filter((item) => item.status === 'completed').map((item) => item.opportunityId)),
  };
}

/**
 * The "what next" card. Entitlement and the next-stage preview always show; options are paged so
 * the card stays within Teams' size limit.
 */
export async function showWhatNext(ctx: ConversationContext, services: CoreServices, page: number): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const plan = await planState(ctx, services, staff.email);
  const result = rankWhatNext(
    catalogue,
    { pathway: staff.pathway, stage: staff.stage, saved: plan.saved, completed: plan.completed, interests: staff.interests },
    { now: ctx.now, publishedAt },
  );
  if (!result) {
    await ctx.reply({
      type: 'text',
      text: "Your stage isn't in this organisation's career map any more. Say \"change my stage\" to pick your current one.",
    });
    return;
  }
  const size = services.settings.pageSize;
  const flat = result.options.flatMap((group) => group.items.map((item) => ({ scope: group.scope, item })));
  const pageItems = flat.slice(page * size, (page + 1) * size);
  const options: ScopeGroup[] = [];
  for (const { scope, item } of pageItems) {
    let group = options.find((g) => g.scope === scope);
    if (!group) {
      group = { scope, scopeLabel: SCOPE_LABELS[scope], items: [] };
      options.push(group);
    }
    group.items.push(summarise(item));
  }
  await ctx.reply({
    type: 'whatNext',
    name: staff.name,
    pathwayName: catalogue.pathway(staff.pathway)?.name ?? staff.pathway,
    stageName: result.stage.name,
    ...(staff.school ? { school: staff.school } : {}),
    entitlement: page === 0 ? result.entitlement.map(summarise) : [],
    options,
    ...(result.nextStage && page === 0
      ? { nextStage: { name: result.nextStage.stage.name, items: result.nextStage.items.slice(0, 3).map(summarise) } }
      : {}),
    page,
    hasMore: flat.length > (page + 1) * size,
  });
}

function describeQuery(query: OpportunityQuery, catalogue: CareerCatalogue): string {
  const stageName = query.pathway && query.stage ? catalogue.stage(query.pathway, query.stage)?.name : undefined;
  const pathwayName = query.pathway ? catalogue.pathway(query.pathway)?.name : undefined;
  const parts = [
    stageName ? `For ${stageName}` : pathwayName,
    query.kind ? KIND_LABELS[query.kind] : undefined,
    query.scope ? SCOPE_LABELS[query.scope] : undefined,
    query.tag ? `#${query.tag}` : undefined,
    query.text ? `"${query.text}"` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Everything for your pathway';
}

export async function showBrowse(
  ctx: ConversationContext,
  services: CoreServices,
  query: OpportunityListView['query'],
  page: number,
): Promise<void> {
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const staff = ctx.staff;
  const saved = staff ? (await planState(ctx, services, staff.email)).saved : new Set<string>();
  const pathway = query.pathway ?? staff?.pathway;
  let matches = searchOpportunities(catalogue, { ...query, ...(pathway ? { pathway } : {}) });
  // Nothing on that pathway: widen to every pathway rather than show an empty card.
  if (matches.length === 0 && pathway && !query.pathway) matches = searchOpportunities(catalogue, query);
  // Free-text results keep their relevance order; filtered lists put what fits the person first.
  if (staff && !query.stage && !query.text) matches = orderByStageProximity(matches, catalogue, staff.pathway, staff.stage);
  const size = services.settings.pageSize;
  await ctx.reply({
    type: 'opportunityList',
    title: matches.length > 0 ? `${matches.length} ${matches.length === 1 ? 'opportunity' : 'opportunities'} found` : 'Nothing found',
    filterLabel: describeQuery(query, catalogue),
    items: matches
      .slice(page * size, (page + 1) * size)
      .map((item) => summariseItem(item, { saved: saved.has(item.id), now: ctx.now, publishedAt: publishedAt(item.id) })),
    page,
    hasMore: matches.length > (page + 1) * size,
    query,
  });
}

export function browseQueryFrom(nlu: NluResult): OpportunityListView['query'] {
  const { scope, kind, topic, pathway, stage } = nlu.entities;
  return {
    ...(scope ? { scope } : {}),
    ...(kind ? { kind } : {}),
    ...(topic ? { text: topic } : {}),
    // "Show me NPQs": the family is a tag, not a kind of its own.
    ...(!topic && /\bnpqs?\b/i.test(nlu.text) ? { tag: 'npq' } : {}),
    ...(pathway ? { pathway } : {}),
    ...(pathway && stage ? { stage } : {}),
  };
}

/**
 * "What can I do next?" shows the person's own what-next card; "how do I become a head of
 * department?" names another stage, so show what leads there instead.
 */
export async function answerWhatNext(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const staff = ctx.staff;
  const target = nlu.entities.stage;
  const pathway = nlu.entities.pathway ?? staff?.pathway;
  if (staff && target && pathway && !(target === staff.stage && pathway === staff.pathway)) {
    const { catalogue } = await services.catalogues.get(ctx.org.id);
    if (catalogue.stage(pathway, target)) return showBrowse(ctx, services, { pathway, stage: target }, 0);
  }
  await showWhatNext(ctx, services, 0);
}

export async function showOpportunity(ctx: ConversationContext, services: CoreServices, opportunityId: string): Promise<void> {
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const item = catalogue.opportunity(opportunityId);
  if (!item) {
    await ctx.reply({ type: 'text', text: "I couldn't find that opportunity. It may have been withdrawn; try \"what next\"." });
    return;
  }
  const planItem = ctx.staff
    ? (await services.plans.list(ctx.org.id, ctx.staff.email)).find((p) => p.opportunityId === item.id)
    : undefined;
  const reach = catalogue.describeReach(item);
  await ctx.reply({
    type: 'opportunityDetail',
    item: {
      ...summariseItem(item, { saved: Boolean(planItem), now: ctx.now, publishedAt: publishedAt(item.id) }),
      tags: item.tags,
      ...reach,
      ...(item.owner?.name ? { ownerName: item.owner.name } : {}),
    },
    ...(planItem ? { planStatus: planItem.status, planStatusLabel: PLAN_STATUS_LABELS[planItem.status] } : {}),
  });
}

export async function showOpportunityFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const phrase = nlu.entities.topic ?? nlu.text;
  const item = findOpportunity(catalogue, phrase);
  if (!item) return showBrowse(ctx, services, browseQueryFrom(nlu), 0);
  await showOpportunity(ctx, services, item.id);
}

export async function showReadingList(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const pathway = nlu.entities.pathway ?? ctx.staff?.pathway;
  const stageId = nlu.entities.stage ?? ctx.staff?.stage;
  const stage = pathway && stageId ? catalogue.stage(pathway, stageId) : undefined;
  if (!stage) {
    if (!(await requireProfile(ctx, services))) return;
    await ctx.reply({ type: 'text', text: 'Which stage would you like a reading list for?' });
    return;
  }
  await ctx.reply({ type: 'readingList', stageName: stage.name, items: stage.reading });
}
