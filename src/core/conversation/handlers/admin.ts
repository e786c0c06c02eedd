import { formChoices, formValuesOf, checkOpportunityForm } from '../../admin/opportunityForm';
import { AUDIT_ACTIONS, listAdmins } from '../../admin/policy';
import { adminListView, latestOpportunitiesView, sameOpportunity } from '../../admin/presenters';
import { actorOf, policyDeps, requireAdmin, speakerIsAdmin } from '../../admin/requireAdmin';
import { grantAdmin, revokeAdmin } from '../../admin/roleChanges';
import type { OpportunityFormValues } from '../../admin/views';
import { findOpportunity } from '../../careerMap/search';
import type { NluResult } from '../../nlu';
import type { ActionHandler } from '../handler';
import type { ConversationContext } from '../context';
import type { CoreServices } from '../services';

/** How many admin-added opportunities "latest opportunities" shows. */
const LATEST_COUNT = 10;
/** How many recently added items "edit …" looks through before searching the catalogue. */
const RECENT_FOR_EDITING = 50;

type RoleVerb = 'grantAdmin' | 'revokeAdmin';

const ASK_FOR_EMAIL: Record<RoleVerb, string> = {
  grantAdmin: 'Whom should I make an admin? Give me their work email, e.g. "make jo@school.org an admin".',
  revokeAdmin: 'Whose admin role should I remove? Give me their work email, e.g. "remove admin jo@school.org".',
};

/** Resolves false when the speaker was refused (and told so). */
async function changeRole(ctx: ConversationContext, services: CoreServices, verb: RoleVerb, email: string | undefined): Promise<boolean> {
  const admin = await requireAdmin(ctx, services, verb);
  if (!admin) return false;
  if (!email) {
    await ctx.reply({ type: 'text', text: ASK_FOR_EMAIL[verb] });
    return true;
  }
  const change = { orgId: ctx.org.id, orgName: ctx.org.name, email, actor: admin.email, now: ctx.now };
  const result = await (verb === 'grantAdmin' ? grantAdmin : revokeAdmin)(policyDeps(services), change);
  await ctx.reply({ type: 'text', text: result.message });
  return true;
}

export async function grantAdminFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  await changeRole(ctx, services, 'grantAdmin', nlu.entities.email);
}

export async function revokeAdminFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  await changeRole(ctx, services, 'revokeAdmin', nlu.entities.email);
}

/** "Remove" on the admin list: the list is shown again, as it now stands. */
export const revokeAdminFromCard: ActionHandler<'revokeAdmin'> = async (ctx, services, action) => {
  if (await changeRole(ctx, services, 'revokeAdmin', action.email)) await showAdminsUnchecked(ctx, services);
};

async function showAdminsUnchecked(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const admins = await listAdmins(policyDeps(services), ctx.org.id);
  await ctx.reply(adminListView(ctx.org.name, admins, services.settings.timezone));
}

export async function showAdmins(ctx: ConversationContext, services: CoreServices): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'listAdmins'))) return;
  await showAdminsUnchecked(ctx, services);
}

async function replyWithForm(
  ctx: ConversationContext,
  services: CoreServices,
  values: OpportunityFormValues,
  errors: string[],
  editingId?: string,
): Promise<void> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  await ctx.reply({
    type: 'opportunityForm',
    mode: editingId ? 'edit' : 'add',
    ...(editingId ? { editingId } : {}),
    ...formChoices(catalogue),
    values,
    errors,
  });
}

export async function showAddOpportunityForm(ctx: ConversationContext, services: CoreServices): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'addOpportunity'))) return;
  await replyWithForm(ctx, services, {}, []);
}

async function showEditForm(ctx: ConversationContext, services: CoreServices, opportunityId: string): Promise<void> {
  const stored = await services.admin.opportunities.get(ctx.org.id, opportunityId);
  if (!stored) return ctx.reply({ type: 'text', text: `I couldn't find an opportunity with the id "${opportunityId}".` });
  await replyWithForm(ctx, services, formValuesOf(stored.opportunity), [], stored.opportunity.id);
}

export const editOpportunityFromCard: ActionHandler<'editOpportunity'> = async (ctx, services, action) => {
  if (!(await requireAdmin(ctx, services, 'editOpportunity'))) return;
  await showEditForm(ctx, services, action.opportunityId);
};

/**
 * Recently added items are looked up in the database first: the catalogue is cached for a short
 * while, and an admin often edits what they have just added.
 */
async function findForEditing(ctx: ConversationContext, services: CoreServices, phrase: string): Promise<{ id: string } | undefined> {
  const wanted = phrase.toLowerCase();
  const recent = await services.admin.opportunities.latest(ctx.org.id, RECENT_FOR_EDITING);
  const fresh = recent.find(({ opportunity }) => opportunity.id === wanted || opportunity.title.toLowerCase().includes(wanted));
  if (fresh) return fresh.opportunity;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  return findOpportunity(catalogue, phrase);
}

export async function editOpportunityFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  if (!(await requireAdmin(ctx, services, 'editOpportunity'))) return;
  const phrase = (nlu.entities.topic ?? nlu.text.replace(/\b(edit|change|update|amend|the|an?|opportunity|please)\b/gi, ' ')).trim();
  const item = phrase ? await findForEditing(ctx, services, phrase) : undefined;
  if (!item) {
    await ctx.reply({ type: 'text', text: 'Which opportunity should I open for editing? Name it, or press "Edit" on one of these.' });
    return showLatest(ctx, services, true);
  }
  await showEditForm(ctx, services, item.id);
}

async function showLatest(ctx: ConversationContext, services: CoreServices, canEdit: boolean): Promise<void> {
  const items = await services.admin.opportunities.latest(ctx.org.id, LATEST_COUNT);
  await ctx.reply(latestOpportunitiesView(ctx.org.name, items, services.settings.timezone, canEdit));
}

/** Anyone may see what was added lately (staff ask "anything new?"); only admins are offered Edit and Add. */
export async function showLatestOpportunities(ctx: ConversationContext, services: CoreServices): Promise<void> {
  await showLatest(ctx, services, await speakerIsAdmin(ctx, services));
}

/** Saves the add/edit form: import rules, errors back in the form, idempotent, audited. */
export const saveOpportunityForm: ActionHandler<'saveOpportunityForm'> = async (ctx, services, action) => {
  const admin = await requireAdmin(ctx, services, 'saveOpportunityForm');
  if (!admin) return;
  const { action: _action, editing, ...submitted } = action;
  const values: OpportunityFormValues = editing ? { ...submitted, id: editing } : submitted;
  const existing = editing ? await services.admin.opportunities.get(ctx.org.id, editing) : null;
  if (editing && !existing) {
    return ctx.reply({ type: 'text', text: `The opportunity "${editing}" no longer exists, so there was nothing to edit.` });
  }
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const checked = checkOpportunityForm(values, catalogue, existing?.opportunity ?? {});
  if (!checked.ok) return replyWithForm(ctx, services, values, checked.errors, editing);
  const item = checked.opportunity;

  if (!editing) {
    const clash = await services.admin.opportunities.get(ctx.org.id, item.id);
    if (clash && sameOpportunity(clash.opportunity, item)) {
      return ctx.reply({ type: 'text', text: `"${item.title}" is already saved exactly like this, so nothing changed.` });
    }
    if (clash) {
      const error = `Id: "${item.id}" is already used by "${clash.opportunity.title}". Choose another id, or edit that opportunity instead.`;
      return replyWithForm(ctx, services, values, [error]);
    }
  }
  const outcome = await services.admin.opportunities.saveOne(ctx.org.id, item);
  if (outcome !== 'unchanged') {
    await services.audit.record(ctx.org.id, actorOf(ctx), AUDIT_ACTIONS.opportunitySaved, { opportunityId: item.id, outcome });
  }
  const text =
    outcome === 'unchanged'
      ? `"${item.title}" already says exactly this, so nothing changed.`
      : `${outcome === 'created' ? 'Added' : 'Updated'} "${item.title}" (${item.id}). Staff will see it in their suggestions within a minute.`;
  await ctx.reply({ type: 'text', text });
};
