import { DateTime } from 'luxon';
import { requireAdmin } from '../../admin/requireAdmin';
import { audienceFormView, checkAudienceForm, type AudienceFormSources } from '../../broadcasts/audienceForm';
import { previewView } from '../../broadcasts/chatViews';
import type { BroadcastDesk } from '../../broadcasts/ports';
import type { BroadcastFormValues } from '../../broadcasts/views';
import type { ConversationContext } from '../context';
import type { ActionHandler } from '../handler';
import type { CoreServices } from '../services';

/** How many admin-added opportunities lead the form's list. */
const RECENT_FIRST = 20;

export async function broadcastDesk(ctx: ConversationContext, services: CoreServices): Promise<BroadcastDesk | undefined> {
  if (!services.broadcasts) await ctx.reply({ type: 'text', text: "Broadcasts aren't available in this set-up. An operator can use `nextstep broadcast`." });
  return services.broadcasts;
}

async function formSources(ctx: ConversationContext, services: CoreServices, desk: BroadcastDesk): Promise<AudienceFormSources> {
  const [{ catalogue }, recent, options] = await Promise.all([
    services.catalogues.get(ctx.org.id),
    services.admin.opportunities.latest(ctx.org.id, RECENT_FIRST),
    desk.audienceOptions(ctx.org.id),
  ]);
  const today = DateTime.fromJSDate(ctx.now).setZone(services.settings.timezone).toISODate() ?? ctx.now.toISOString().slice(0, 10);
  return { catalogue, recentIds: recent.map((item) => item.opportunity.id), options, today };
}

/** The audience form, for an admin already checked; `replaceCard` when it redraws a submitted one. */
export async function replyWithAudienceForm(
  ctx: ConversationContext,
  services: CoreServices,
  desk: BroadcastDesk,
  values: BroadcastFormValues,
  errors: string[],
  replaceCard = false,
): Promise<void> {
  const view = audienceFormView(await formSources(ctx, services, desk), values, errors);
  await ctx.reply(view, replaceCard ? { replaceCard } : undefined);
}

/** "Broadcast" on a card (Slack's button that opens the form as a modal, prefilled when it names an opportunity). */
export const openBroadcastForm: ActionHandler<'openBroadcastForm'> = async (ctx, services, action) => {
  if (!(await requireAdmin(ctx, services, 'openBroadcastForm'))) return;
  const desk = await broadcastDesk(ctx, services);
  if (!desk) return;
  await replyWithAudienceForm(ctx, services, desk, action.opportunityId ? { opportunityId: action.opportunityId } : {}, []);
};

/**
 * The form's "Preview": checked against the speaker's organisation (never trusting the values),
 * then the preview with the exact count takes the form's place; a problem redraws the form with
 * the values kept and what to correct.
 */
export const previewBroadcastForm: ActionHandler<'previewBroadcastForm'> = async (ctx, services, action) => {
  if (!(await requireAdmin(ctx, services, 'previewBroadcastForm'))) return;
  const desk = await broadcastDesk(ctx, services);
  if (!desk) return;
  const { action: _action, ...submitted } = action;
  const values: BroadcastFormValues = Object.fromEntries(Object.entries(submitted).filter(([, value]) => value !== undefined));
  const sources = await formSources(ctx, services, desk);
  const checked = checkAudienceForm(values, sources);
  if (!checked.ok) {
    ctx.log.info({ problems: checked.errors.length }, 'broadcast form refused');
    await ctx.reply(audienceFormView(sources, values, checked.errors), { replaceCard: true });
    return;
  }
  const outcome = await desk.preview(ctx.org.id, checked.ask);
  if (!outcome.ok) {
    await ctx.reply(audienceFormView(sources, values, outcome.problems), { replaceCard: true });
    return;
  }
  await ctx.reply(previewView(checked.ask, outcome.preview, checked.names), { replaceCard: true });
};
