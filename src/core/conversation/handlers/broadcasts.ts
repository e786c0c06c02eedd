import { DateTime } from 'luxon';
import { requireAdmin } from '../../admin/requireAdmin';
import { previewView, progressView, reachSummaryView } from '../../broadcasts/chatViews';
import type { BroadcastAsk, BroadcastDesk } from '../../broadcasts/ports';
import { findOpportunity } from '../../careerMap/search';
import type { NluResult } from '../../nlu';
import type { ConversationContext } from '../context';
import type { ActionHandler } from '../handler';
import type { CoreServices } from '../services';

/** How far back the chat reach summary looks, and the "not reached" window. */
const REACH_MONTHS = 6;

async function desk(ctx: ConversationContext, services: CoreServices): Promise<BroadcastDesk | undefined> {
  if (!services.broadcasts) await ctx.reply({ type: 'text', text: "Broadcasts aren't available in this set-up. An operator can use `nextstep broadcast`." });
  return services.broadcasts;
}

/** "broadcast <opportunity> [to <pathway/stage>]": a preview with the exact count, then Confirm. */
export async function broadcastFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'broadcast'))) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const phrase = (nlu.entities.topic ?? nlu.text.replace(/\b(broadcast|send|share|announce|to|all|everyone|the|an?|opportunity|please)\b/gi, ' ')).trim();
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const item = phrase ? findOpportunity(catalogue, phrase) : undefined;
  if (!item) {
    await ctx.reply({ type: 'text', text: 'Which opportunity should I broadcast? Name it, e.g. "broadcast NPQ in Senior Leadership to middle leaders".' });
    return;
  }
  const ask: BroadcastAsk = { opportunityId: item.id, ...(nlu.entities.pathway ? { pathway: nlu.entities.pathway } : {}), ...(nlu.entities.stage ? { stage: nlu.entities.stage } : {}) };
  const outcome = await broadcasts.preview(ctx.org.id, ask);
  if (!outcome.ok) {
    await ctx.reply({ type: 'text', text: outcome.problems.join(' ') });
    return;
  }
  await ctx.reply(previewView(ask, outcome.preview));
}

export const confirmBroadcast: ActionHandler<'confirmBroadcast'> = async (ctx, services, action) => {
  const admin = await requireAdmin(ctx, services, 'confirmBroadcast');
  if (!admin) return;
  const broadcasts = await desk(ctx, services);
  if (!broadcasts) return;
  const { action: _action, ...ask } = action;
  const queued = await broadcasts.queue(ctx.org.id, ask, admin.email);
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
