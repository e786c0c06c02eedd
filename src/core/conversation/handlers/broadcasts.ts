import { DateTime } from 'luxon';
import { requireAdmin } from '../../admin/requireAdmin';
import { STAGE_CHOICE_SEPARATOR } from '../../broadcasts/audienceForm';
import { previewView, progressView, reachSummaryView } from '../../broadcasts/chatViews';
import type { BroadcastAsk } from '../../broadcasts/ports';
import type { CareerCatalogue } from '../../careerMap/catalogue';
import type { Opportunity } from '../../careerMap/schema';
import { findOpportunity } from '../../careerMap/search';
import type { NluResult } from '../../nlu';
import type { ConversationContext } from '../context';
import type { ActionHandler } from '../handler';
import type { CoreServices } from '../services';
import { broadcastDesk as desk, replyWithAudienceForm } from './broadcastForm';

/** How far back the chat reach summary looks, and the "not reached" window. */
const REACH_MONTHS = 6;

/** Words of a broadcast request that say nothing about which opportunity. */
const NOT_THE_OPPORTUNITY =
  /\b(broadcasts?|send|share|announce|push|post|tell|let|know|about|out|new|start|open|make|set|up|form|to|with|in|on|for|all|everyone|everybody|staff|people|colleagues|channels?|schools?|our|the|an?|this|it|something|opportunit(y|ies)|i'?d|i|want|like|would|can|me|please)\b/gi;

const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 3);

/**
 * The opportunity the words name, when they clearly do: the search is forgiving, so a match must
 * also share a word with the item's id, title or tags ("start" must not pick "Safeguarding annual update").
 */
function namedOpportunity(catalogue: CareerCatalogue, phrase: string): Opportunity | undefined {
  const item = phrase ? findOpportunity(catalogue, phrase) : undefined;
  if (!item || item.id === phrase.toLowerCase()) return item;
  const itemWords = new Set(words(`${item.id} ${item.title} ${item.tags.join(' ')}`));
  return words(phrase).some((word) => itemWords.has(word)) ? item : undefined;
}
/** An audience said in words: everyone, which goes straight to the preview as a pathway or stage does. */
const EVERYONE = /\b(everyone|everybody|all (active )?staff)\b/i;

/**
 * "broadcast" → the audience form; "broadcast <opportunity>" → the form with it chosen;
 * "broadcast <opportunity> to <pathway/stage/everyone>" → straight to the preview with the exact count.
 */
export async function broadcastFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'broadcast'))) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const phrase = (nlu.entities.topic ?? nlu.text.replace(NOT_THE_OPPORTUNITY, ' ')).replace(/\s+/g, ' ').trim();
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const item = namedOpportunity(catalogue, phrase);
  const audienceGiven = Boolean(nlu.entities.pathway ?? nlu.entities.stage) || EVERYONE.test(nlu.text);
  if (!item || !audienceGiven) {
    const errors = phrase && !item ? [`I couldn't find an opportunity matching "${phrase.slice(0, 80)}". Choose one below.`] : [];
    await replyWithAudienceForm(ctx, services, broadcasts, item ? { opportunityId: item.id } : {}, errors);
    return;
  }
  const { pathway, stage } = nlu.entities;
  const ask: BroadcastAsk = { opportunityId: item.id, ...(pathway ? { pathway } : {}), ...(stage ? { stage } : {}) };
  const outcome = await broadcasts.preview(ctx.org.id, ask);
  if (!outcome.ok) {
    // The form, filled in as far as the words went, with what stood in the way.
    const values = { opportunityId: item.id, ...(pathway ? { pathway } : {}), ...(stage ? { stage: pathway ? `${pathway}${STAGE_CHOICE_SEPARATOR}${stage}` : stage } : {}) };
    await replyWithAudienceForm(ctx, services, broadcasts, values, outcome.problems);
    return;
  }
  const pathwayName = pathway ? catalogue.pathway(pathway)?.name : undefined;
  const stageName = pathway && stage ? catalogue.stage(pathway, stage)?.name : undefined;
  await ctx.reply(previewView(ask, outcome.preview, { ...(pathwayName ? { pathway: pathwayName } : {}), ...(stageName ? { stage: stageName } : {}) }));
}

export const confirmBroadcast: ActionHandler<'confirmBroadcast'> = async (ctx, services, action) => {
  const admin = await requireAdmin(ctx, services, 'confirmBroadcast');
  if (!admin) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const { action: _action, previewId, ...ask } = action;
  if (!previewId) {
    await ctx.reply({ type: 'text', text: 'That preview is out of date, so nothing was sent. Please say "broadcast" to preview it again.' }, { replaceCard: true });
    return;
  }
  const queued = await broadcasts.queue(ctx.org.id, ask, admin.email, previewId);
  if (!queued.ok) {
    await ctx.reply({ type: 'text', text: queued.problems.join(' ') }, { replaceCard: true });
    return;
  }
  await ctx.reply(progressView(queued.progress), { replaceCard: true });
};

export const dismissBroadcast: ActionHandler<'dismissBroadcast'> = async (ctx) => {
  await ctx.reply({ type: 'text', text: 'Not sent. Nothing was queued.' }, { replaceCard: true });
};

async function showProgress(ctx: ConversationContext, services: CoreServices, id: string, cancel: boolean): Promise<void> {
  const admin = await requireAdmin(ctx, services, cancel ? 'cancelBroadcast' : 'broadcastStatus');
  if (!admin) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const facts = cancel ? await broadcasts.cancel(ctx.org.id, id, admin.email) : await broadcasts.progress(ctx.org.id, id);
  if (!facts) {
    await ctx.reply({ type: 'text', text: "I couldn't find that broadcast." });
    return;
  }
  await ctx.reply(progressView(facts), { replaceCard: true });
}

export const broadcastStatus: ActionHandler<'broadcastStatus'> = (ctx, services, action) => showProgress(ctx, services, action.broadcastId, false);

export const cancelBroadcast: ActionHandler<'cancelBroadcast'> = (ctx, services, action) => showProgress(ctx, services, action.broadcastId, true);

export async function showReachReport(ctx: ConversationContext, services: CoreServices): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'reachReport'))) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const since = DateTime.fromJSDate(ctx.now).minus({ months: REACH_MONTHS }).startOf('day').toJSDate();
  await ctx.reply(reachSummaryView(await broadcasts.reach(ctx.org.id, since, REACH_MONTHS)));
}
