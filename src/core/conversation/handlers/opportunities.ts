import type { CareerCatalogue } from '../../careerMap/catalogue';
import { KIND_LABELS, SCOPE_LABELS } from '../../careerMap/labels';
import { findOpportunity, orderByStageProximity, searchOpportunities, type OpportunityQuery } from '../../careerMap/search';
import { routeTo, type RouteTarget } from '../../careerMap/route';
import { vocabularyFor } from '../../careerMap/vocabulary';
import { rankWhatNext, type RankedItem } from '../../careerMap/whatNext';
import { formatDate } from '../presenters/dates';
import type { NluResult } from '../../nlu';
import type { ConversationContext } from '../context';
import { summarise, summariseItem } from '../presenters/opportunity';
import { PLAN_STATUS_LABELS } from '../../plan/planStatus';
import type { CoreServices } from '../services';
import type { OpportunityListView, ScopeGroup } from '../views';
import type { ReplyOptions } from '../../ports';
import { requireProfile } from './profile';
import { withSaveAction } from './saveOrigin';

/** Which opportunities the person has saved, which they have completed, and when. */
async function planState(ctx: ConversationContext, services: CoreServices, email: string) {
  const items = await services.plans.list(ctx.org.id, email);
  const done = items.filter((item) => item.status === 'completed');
  return {
    saved: new Set(items.map((item) => item.opportunityId)),
    completed: new Set(done.map((item) => item.opportunityId)),
    completedAt: new Map(
      done.map((item) => [item.opportunityId, [...item.history].reverse().find((h) => h.status === 'completed')?.at ?? item.updatedAt]),
    ),
  };
}

/** How many items page 1 shows after the top three, and later pages show in all. */
const TOP_STEPS = 3;

/**
 * The "what next" card. Page 1 opens with the person's top three next steps, then a few more for
 * their stage, their all-staff entitlements in one line and a look at the next stage; later pages
 * carry on down the same relevance order. Sized to fit one screen in Teams.
 */
export async function showWhatNext(ctx: ConversationContext, services: CoreServices, page: number, replyOptions: ReplyOptions = {}): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const plan = await planState(ctx, services, staff.email);
  const result = rankWhatNext(
    catalogue,
    {
      pathway: staff.pathway,
      stage: staff.stage,
      saved: plan.saved,
      completed: plan.completed,
      completedAt: plan.completedAt,
      interests: staff.interests,
      ...(staff.jobTitle ? { jobTitle: staff.jobTitle } : {}),
      ...(staff.startDate ? { startDate: staff.startDate } : {}),
    },
    { now: ctx.now, timezone: services.settings.timezone, publishedAt },
  );
  if (!result) {
    await ctx.reply({
      type: 'text',
      text: "Your stage isn't in this organisation's career map any more. Say \"change my stage\" to pick your current one.",
    });
    return;
  }
  const shared = Boolean(ctx.shared);
  const present = (item: RankedItem) => withSaveAction({ ...summarise(item), ...(shared ? { shared } : {}) }, { from: 'whatNext', page });
  const size = Math.max(1, services.settings.pageSize);
  const topIds = new Set(result.top.map((item) => item.opportunity.id));
  const rest = result.ranked.filter((item) => !topIds.has(item.opportunity.id));
  const firstPageRest = Math.max(0, size - TOP_STEPS);
  const from = page === 0 ? 0 : firstPageRest + (page - 1) * size;
  const to = page === 0 ? firstPageRest : from + size;
  const pageItems = rest.slice(from, to);

  const entitlement = pageItems.filter((item) => item.opportunity.entitlement === 'universal').map(present);
  const options: ScopeGroup[] = [];
  for (const item of pageItems.filter((r) => r.opportunity.entitlement === 'optional')) {
    const scope = item.opportunity.scope;
    let group = options.find((g) => g.scope === scope);
    if (!group) {
      group = { scope, scopeLabel: SCOPE_LABELS[scope], items: [] };
      options.push(group);
    }
    group.items.push(present(item));
  }
  const firstPage = page === 0;
  await ctx.reply({
    type: 'whatNext',
    name: staff.name,
    pathwayName: catalogue.pathway(staff.pathway)?.name ?? staff.pathway,
    stageName: result.stage.name,
    ...(staff.school ? { school: staff.school } : {}),
    entitlement,
    options,
    ...(firstPage ? { topSteps: result.top.map(present) } : {}),
    ...(firstPage && result.everyone.length > 0 ? { everyoneLine: result.everyone.map((item) => item.opportunity.title).join(' · ') } : {}),
    ...(result.nextStage && firstPage && result.nextStage.items.length > 0
      ? {
          nextStage: {
            name: result.nextStage.stages.map((next) => next.stage.name).join(' or '),
            items: result.nextStage.items.slice(0, 2).map(present),
          },
        }
      : {}),
    ...(staff.managerEmail ? { lineManager: staff.managerEmail } : {}),
    ...(staff.nextDiscussion ? { nextDiscussionLabel: formatDate(staff.nextDiscussion) } : {}),
    ...(shared ? { shared } : {}),
    page,
    hasMore: rest.length > to,
  }, replyOptions);
}

function describeQuery(query: OpportunityQuery, catalogue: CareerCatalogue): string {
  const stageName = query.pathway && query.stage ? catalogue.stage(query.pathway, query.stage)?.name : undefined;
  const pathwayName = query.pathway ? catalogue.pathway(query.pathway)?.name : undefined;
  const parts = [
    stageName ? `For ${stageName}` : pathwayName,
    query.kind ? KIND_LABELS[query.kind] : undefined,
    query.scope ? SCOPE_LABELS[query.scope] : undefined,
    query.tag ? `About ${query.tag.replace(/-/g, " ")}` : undefined,
    query.text ? `"${query.text}"` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Everything for your pathway';
}

export async function showBrowse(
  ctx: ConversationContext,
  services: CoreServices,
  query: OpportunityListView['query'],
  page: number,
  options: ReplyOptions = {},
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
      .map((item) =>
        withSaveAction(
          {
            ...summariseItem(item, { saved: saved.has(item.id), now: ctx.now, publishedAt: publishedAt(item.id) }),
            ...(ctx.shared ? { shared: true } : {}),
          },
          { from: 'browse', page, ...query },
        ),
      ),
    page,
    hasMore: matches.length > (page + 1) * size,
    query,
  }, options);
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

/** "How do I become…", "routes into…", "teacher training": a question about getting somewhere. */
const ROUTE_QUESTION = /\b(becom(e|ing)|route|routes|pathway into|get into|getting into|move into|qualify|training to be|train to be|train as|teacher training)\b/i;

/**
 * "What can I do next?" shows the person's own what-next card; "how do I become a head?" or
 * "routes into teaching" names somewhere else, so show the steps and what leads there. Stages and
 * pathways are read with the organisation's own map words.
 */
export async function answerWhatNext(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const staff = ctx.staff;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const target = targetOf(catalogue, nlu, staff?.pathway);
  const elsewhere = target && (target.pathway !== staff?.pathway || (target.stage !== undefined && target.stage !== staff?.stage));
  if (target && (elsewhere || !staff) && (ROUTE_QUESTION.test(nlu.text) || target.stage)) {
    return showRoute(ctx, services, target);
  }
  await showWhatNext(ctx, services, 0);
}

/** The stage or pathway a question names, in this organisation's ids. */
function targetOf(catalogue: CareerCatalogue, nlu: NluResult, preferPathway?: string): RouteTarget | undefined {
  const hit = vocabularyFor(catalogue).resolve(nlu.text, preferPathway);
  if (hit) return hit;
  const { pathway, stage } = nlu.entities;
  if (pathway && stage && catalogue.stage(pathway, stage)) return { pathway, stage };
  if (pathway && catalogue.pathway(pathway)) return { pathway };
  return undefined;
}

export async function showRoute(ctx: ConversationContext, services: CoreServices, target: RouteTarget, options: ReplyOptions = {}): Promise<void> {
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const staff = ctx.staff;
  const saved = staff ? (await planState(ctx, services, staff.email)).saved : new Set<string>();
  const route = routeTo(
    catalogue,
    target,
    {
      saved,
      completed: new Set(),
      interests: staff?.interests ?? [],
      ...(staff ? { here: { pathway: staff.pathway, stage: staff.stage } } : {}),
    },
    { now: ctx.now, timezone: services.settings.timezone, publishedAt },
    services.settings.pageSize + 2,
  );
  if (!route) return showWhatNext(ctx, services, 0, options);
  const shared = Boolean(ctx.shared);
  const origin = { from: 'route' as const, pathway: route.pathway.id, ...(target.stage ? { stage: route.target.id } : {}) };
  await ctx.reply({
    type: 'opportunityList',
    title: `How to become: ${route.target.name}`,
    filterLabel: route.steps.map((step) => step.name).join(' → '),
    items: route.items.map((item) => withSaveAction({ ...summarise(item), ...(shared ? { shared } : {}) }, origin)),
    page: 0,
    hasMore: false,
    query: { pathway: route.pathway.id, stage: route.target.id },
  }, options);
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
      ...(ctx.shared ? { shared: true } : {}),
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
  const named = targetOf(catalogue, nlu, ctx.staff?.pathway);
  const pathway = named?.pathway ?? ctx.staff?.pathway;
  const stageId = named?.stage ?? (named && named.pathway !== ctx.staff?.pathway ? undefined : ctx.staff?.stage);
  const stage = pathway && stageId ? catalogue.stage(pathway, stageId) : undefined;
  if (!stage) {
    if (!(await requireProfile(ctx, services))) return;
    await ctx.reply({ type: 'text', text: 'Which stage would you like a reading list for?' });
    return;
  }
  await ctx.reply({ type: 'readingList', stageName: stage.name, items: stage.reading });
}
