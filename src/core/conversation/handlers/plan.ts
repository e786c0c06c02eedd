import { findOpportunity } from '../../careerMap/search';
import type { NluResult } from '../../nlu';
import { INTEREST_RECORD } from '../../plan/interestRecord';
import { nextPlanStatus, PLAN_STATUS_LABELS, type PlanStatus } from '../../plan/planStatus';
import type { Opportunity } from '../../careerMap/schema';
import type { StaffMember } from '../../staff/staffMember';
import type { ConversationContext } from '../context';
import { todayIn } from '../presenters/dates';
import { summariseItem } from '../presenters/opportunity';
import type { CoreServices } from '../services';
import type { PlanItemView, PlanView } from '../views';
import type { ReplyOptions } from '../../ports';
import type { SaveOpportunityAction } from '../actions';
import { requireProfile } from './profile';
import { showBrowse, showRoute, showWhatNext } from './opportunities';

export async function showPlan(ctx: ConversationContext, services: CoreServices): Promise<void> {
  await replyWithPlan(ctx, services);
}

/** The plan, optionally in place of the card that changed it. */
async function replyWithPlan(
  ctx: ConversationContext,
  services: CoreServices,
  options: ReplyOptions = {},
  confirmRemove?: PlanView['confirmRemove'],
): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue, publishedAt } = await services.catalogues.get(ctx.org.id);
  const items = await services.plans.list(ctx.org.id, staff.email);
  const views: PlanItemView[] = [];
  for (const planItem of items) {
    const item = catalogue.opportunity(planItem.opportunityId);
    if (!item) continue;
    const next = nextPlanStatus(planItem.status);
    views.push({
      opportunity: summariseItem(item, { saved: true, now: ctx.now, publishedAt: publishedAt(item.id) }),
      status: planItem.status,
      statusLabel: PLAN_STATUS_LABELS[planItem.status],
      ...(next ? { nextStatus: next, nextStatusLabel: PLAN_STATUS_LABELS[next] } : {}),
    });
  }
  await ctx.reply({ type: 'plan', name: staff.name, items: views, ...(confirmRemove ? { confirmRemove } : {}) }, options);
}

const NOTHING_SAVED = "I couldn't find that opportunity, so nothing was saved.";

/** The speaker's profile and the opportunity a button names; replies and resolves undefined when either is missing. */
async function profileAndOpportunity(ctx: ConversationContext, services: CoreServices, opportunityId: string, missing: string) {
  const staff = await requireProfile(ctx, services);
  if (!staff) return undefined;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const item = catalogue.opportunity(opportunityId);
  if (!item) {
    await ctx.reply({ type: 'text', text: missing });
    return undefined;
  }
  return { staff, item };
}

export async function saveToPlan(ctx: ConversationContext, services: CoreServices, opportunityId: string): Promise<void> {
  const found = await profileAndOpportunity(ctx, services, opportunityId, NOTHING_SAVED);
  if (!found) return;
  const { staff, item } = found;
  const added = await services.plans.add(ctx.org.id, staff.email, item.id, ctx.now);
  await ctx.reply({
    type: 'text',
    text: added
      ? `Saved "${item.title}" to your plan. Talk it through with your line manager, then move it along in "my plan".`
      : `"${item.title}" is already in your plan.`,
  });
}

/**
 * "Save to plan" pressed on a what-next, list or route card: saves it, then redraws that card in
 * place so the item shows as saved. A press without an origin (older cards) answers in words.
 */
export async function saveFromCard(ctx: ConversationContext, services: CoreServices, action: SaveOpportunityAction): Promise<void> {
  const { action: _action, opportunityId, from, page = 0, ...query } = action;
  if (!from) return saveToPlan(ctx, services, opportunityId);
  const found = await profileAndOpportunity(ctx, services, opportunityId, NOTHING_SAVED);
  if (!found) return;
  const { staff, item } = found;
  await services.plans.add(ctx.org.id, staff.email, item.id, ctx.now);
  const inPlace = { replaceCard: true };
  if (from === 'browse') return showBrowse(ctx, services, query, page, inPlace);
  if (from === 'route' && query.pathway) {
    return showRoute(ctx, services, { pathway: query.pathway, ...(query.stage ? { stage: query.stage } : {}) }, inPlace);
  }
  return showWhatNext(ctx, services, page, inPlace);
}

export async function saveFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  if (!(await requireProfile(ctx, services))) return;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const phrase = nlu.entities.topic ?? nlu.text.replace(/\b(save|add|to|my|plan|please)\b/gi, ' ');
  const item = phrase.trim() ? findOpportunity(catalogue, phrase) : undefined;
  if (!item) {
    await ctx.reply({ type: 'text', text: 'Which opportunity should I save? Press "Save to plan" on any card, or name it, e.g. "save NPQSL".' });
    return;
  }
  await saveToPlan(ctx, services, item.id);
}

export async function setPlanStatus(
  ctx: ConversationContext,
  services: CoreServices,
  opportunityId: string,
  status: PlanStatus,
): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const change = await services.plans.advanceStatus(ctx.org.id, staff.email, opportunityId, status, ctx.now);
  if (change === 'missing') {
    await ctx.reply({ type: 'text', text: "That item isn't in your plan any more." }, { replaceCard: true });
    return;
  }
  if (change === 'backwards') {
    await ctx.reply({ type: 'text', text: 'That item has already moved past that step, so I left it as it is.' });
  }
  // Logged for a repeat too, in case the first press stopped between the two writes; the entry's
  // deterministic id keeps it to one.
  if (status === 'completed' && change !== 'backwards') await logCompletion(ctx, services, staff.email, opportunityId);
  await replyWithPlan(ctx, services, { replaceCard: true });
}

async function logCompletion(ctx: ConversationContext, services: CoreServices, email: string, opportunityId: string): Promise<void> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const item = catalogue.opportunity(opportunityId);
  if (!item?.durationDays) return;
  await services.cpd.addForCompletion(ctx.org.id, email, {
    title: item.title,
    days: item.durationDays,
    date: todayIn(services.settings.timezone, ctx.now),
    opportunityId,
  });
}

const removalPurpose = (opportunityId: string) => `removePlanItem:${opportunityId}`;

/**
 * Removing drops the item's progress history, so it is confirmed first: a press without a live
 * token redraws the plan asking "are you sure?", whose "yes" carries a single-use token.
 */
export async function removeFromPlan(ctx: ConversationContext, services: CoreServices, opportunityId: string, token?: string): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const purpose = removalPurpose(opportunityId);
  if (token !== undefined && (await services.confirmations.consume(ctx.org.id, staff.email, purpose, token, ctx.now))) {
    await services.plans.remove(ctx.org.id, staff.email, opportunityId);
    await replyWithPlan(ctx, services, { replaceCard: true });
    return;
  }
  const inPlan = (await services.plans.list(ctx.org.id, staff.email)).some((item) => item.opportunityId === opportunityId);
  if (!inPlan) {
    await replyWithPlan(ctx, services, { replaceCard: true });
    return;
  }
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const title = catalogue.opportunity(opportunityId)?.title ?? opportunityId;
  const issued = await services.confirmations.issue(ctx.org.id, staff.email, purpose, ctx.now);
  await replyWithPlan(ctx, services, { replaceCard: true }, { opportunityId, title, token: issued });
}

/**
 * "I'm interested": saves the item, records the interest once per person and opportunity (the
 * reach report counts these), and, when it has an owner (informal roles), tells them. Telling the
 * owner has its own claim (`interest`), given back when nobody could be told so a later press may
 * try again; the record of interest is kept either way.
 */
export async function markInterest(ctx: ConversationContext, services: CoreServices, opportunityId: string): Promise<void> {
  const found = await profileAndOpportunity(ctx, services, opportunityId, "I couldn't find that opportunity.");
  if (!found) return;
  const { staff, item } = found;
  await services.plans.add(ctx.org.id, staff.email, item.id, ctx.now);
  await services.claims.claim(ctx.org.id, staff.email, INTEREST_RECORD, item.id, ctx.now);
  if (item.owner && !(await services.claims.claim(ctx.org.id, staff.email, 'interest', item.id, ctx.now))) {
    await ctx.reply({ type: 'text', text: `I've already let ${item.owner.name ?? item.owner.email} know you're interested in "${item.title}".` });
    return;
  }
  const told = item.owner ? await tellOwner(ctx, services, staff, item, item.owner) : false;
  await ctx.reply({
    type: 'text',
    text: item.owner
      ? told
        ? `I've told ${item.owner.name ?? item.owner.email} you're interested in "${item.title}", and saved it to your plan.`
        : `Saved "${item.title}" to your plan. Its contact, ${item.owner.name ?? item.owner.email}, hasn't used NextStep yet, so please email them at ${item.owner.email}.`
      : `Saved "${item.title}" to your plan as something you're interested in.`,
  });
}

type Owner = NonNullable<Opportunity['owner']>;

/**
 * Tells the owner (the `interest` claim is already held) and audits it. When nobody could be told,
 * or the attempt failed part way, the claim is given back first, so a later press may try again
 * once the owner has talked to the bot.
 */
async function tellOwner(ctx: ConversationContext, services: CoreServices, staff: StaffMember, item: Opportunity, owner: Owner): Promise<boolean> {
  const release = () => services.claims.release(ctx.org.id, staff.email, 'interest', item.id);
  let told: boolean;
  try {
    told = await services.sender.sendToPerson(ctx.org.id, owner.email, {
      type: 'text',
      text: `${staff.name} (${staff.email}) is interested in "${item.title}". Please get in touch with them.`,
    });
  } catch (error) {
    await release();
    throw error;
  }
  if (!told) await release();
  await services.audit.record(ctx.org.id, staff.email, 'opportunity.interest', { opportunityId: item.id, owner: owner.email, delivered: told });
  return told;
}
