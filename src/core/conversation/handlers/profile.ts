import { isoDateSchema } from '../../careerMap/schema';
import { workEmailSchema, type StaffMember } from '../../staff/staffMember';
import type { Action } from '../actions';
import type { ChannelName, ConversationContext } from '../context';
import { maySelfDeclareEmail } from '../declaredIdentity';
import type { NluResult } from '../../nlu';
import { formatDate } from '../presenters/dates';
import { showWhatNext } from './opportunities';
import type { CoreServices } from '../services';
import type { OnboardingView, PathwayChoice } from '../views';
import type { ReplyOptions } from '../../ports';

type OnboardingValues = OnboardingView['values'];

async function pathwayChoices(ctx: ConversationContext, services: CoreServices): Promise<PathwayChoice[]> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  return catalogue.pathways.map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name })) }));
}

export async function showOnboarding(
  ctx: ConversationContext,
  services: CoreServices,
  values: OnboardingValues = {},
  errors: string[] = [],
  options: ReplyOptions = {},
): Promise<void> {
  const current = ctx.staff;
  const prefill: OnboardingValues = current
    ? {
        name: current.name,
        pathway: current.pathway,
        stage: current.stage,
        school: current.school,
        managerEmail: current.managerEmail,
        nextDiscussion: current.nextDiscussion,
        ...values,
      }
    : { name: ctx.speaker.name, ...values };
  await ctx.reply({
    type: 'onboarding',
    askEmail: !ctx.speaker.email && !current && maySelfDeclareEmail(ctx.speaker.channel, services.settings.allowSelfDeclaredEmail),
    pathways: await pathwayChoices(ctx, services),
    values: Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined)),
    errors,
  }, options);
}

const PLATFORM_NAMES: Record<ChannelName, string> = { teams: 'Microsoft Teams', slack: 'Slack' };

const noIdentity = (ctx: ConversationContext) =>
  `I couldn't confirm your work email with ${PLATFORM_NAMES[ctx.speaker.channel]} just now, so I can't set up or show your profile. Please try again in a minute.`;

/** The speaker's profile, or null after asking them to set one up. */
export async function requireProfile(ctx: ConversationContext, services: CoreServices): Promise<StaffMember | null> {
  if (ctx.staff) return ctx.staff;
  if (!ctx.speaker.email && !maySelfDeclareEmail(ctx.speaker.channel, services.settings.allowSelfDeclaredEmail)) {
    await ctx.reply({ type: 'text', text: noIdentity(ctx) });
    return null;
  }
  await ctx.reply({
    type: 'text',
    text: "I don't know your role yet. Tell me a little about yourself and I'll tailor everything to your stage.",
  });
  await showOnboarding(ctx, services);
  return null;
}

const email = workEmailSchema;

export async function submitOnboarding(
  ctx: ConversationContext,
  services: CoreServices,
  input: Extract<Action, { action: 'submitOnboarding' }>,
): Promise<void> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const errors: string[] = [];
  // The email is taken from the platform whenever it gave one; a payload cannot override it.
  const mayDeclare = maySelfDeclareEmail(ctx.speaker.channel, services.settings.allowSelfDeclaredEmail);
  const declared = mayDeclare ? email.safeParse(input.email).data : undefined;
  const who = ctx.staff?.email ?? ctx.speaker.email ?? declared;
  if (!who && !mayDeclare) {
    await ctx.reply({ type: 'text', text: noIdentity(ctx) }, { replaceCard: true });
    return;
  }
  if (!who) errors.push('Please give your work email address.');
  // A typed email may not take over someone who is already known.
  if (who && who === declared && (await services.staff.findByEmail(ctx.org.id, who))) {
    errors.push('That email already belongs to someone set up in NextStep. Please use your own work email.');
  }
  const name = input.name?.trim() || ctx.staff?.name || ctx.speaker.name;
  if (!name) errors.push('Please tell me your name.');
  const pathway = input.pathway ? catalogue.pathway(input.pathway) : undefined;
  if (!pathway) errors.push('Please choose your pathway.');
  const stage = pathway && input.stage ? catalogue.stage(pathway.id, input.stage) : undefined;
  if (pathway && !stage) errors.push(`Please choose a stage that belongs to the ${pathway.name} pathway.`);
  const managerEmail = input.managerEmail ? email.safeParse(input.managerEmail) : undefined;
  if (managerEmail && !managerEmail.success) errors.push("Your line manager's email doesn't look right.");
  if (managerEmail?.success && who && managerEmail.data === who) errors.push("You can't be your own line manager.");
  const nextDiscussion = input.nextDiscussion ? isoDateSchema.safeParse(input.nextDiscussion) : undefined;
  if (nextDiscussion && !nextDiscussion.success) errors.push('The discussion date should be a date such as 2027-03-14.');

  if (errors.length > 0 || !who || !name || !pathway || !stage) {
    const { action: _action, ...values } = input;
    await showOnboarding(ctx, services, values, errors, { replaceCard: true });
    return;
  }
  // Fields left blank keep what was recorded before.
  const previous = ctx.staff;
  const saved = await services.staff.save({
    orgId: ctx.org.id,
    email: who,
    name,
    pathway: pathway.id,
    stage: stage.id,
    school: input.school?.trim() || previous?.school,
    managerEmail: managerEmail?.data ?? previous?.managerEmail,
    nextDiscussion: nextDiscussion?.data ?? previous?.nextDiscussion,
    role: previous?.role ?? (services.settings.adminEmails.includes(who) ? 'admin' : 'staff'),
    interests: previous?.interests ?? [],
    source: previous?.source ?? 'onboarding',
  });
  const wasNew = !previous;
  ctx.staff = saved;
  if (who === declared) ctx.memory.declaredEmail = saved.email;
  if (!ctx.speaker.email) ctx.speaker.email = saved.email;
  await services.audit.record(ctx.org.id, saved.email, wasNew ? 'profile.created' : 'profile.updated', {
    pathway: saved.pathway,
    stage: saved.stage,
  });
  await ctx.reply({
    type: 'text',
    text: wasNew
      ? `Thanks, ${name.split(' ')[0]}. You're set up as ${stage.name} on the ${pathway.name} pathway. Here's what you can do next.`
      : `Your profile is updated: ${stage.name}, ${pathway.name}.`,
  }, { replaceCard: true });
  if (wasNew) await showWhatNext(ctx, services, 0);
}

export async function showProfile(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  await ctx.reply({
    type: 'profile',
    name: staff.name,
    email: staff.email,
    pathwayName: catalogue.pathway(staff.pathway)?.name ?? staff.pathway,
    stageName: catalogue.stage(staff.pathway, staff.stage)?.name ?? staff.stage,
    ...(staff.school ? { school: staff.school } : {}),
    ...(staff.managerEmail ? { managerEmail: staff.managerEmail } : {}),
    ...(staff.nextDiscussion ? { nextDiscussionLabel: formatDate(staff.nextDiscussion) } : {}),
  });
}

/** "I'm now a middle leader": change stage directly when the stage is clear, else open the form. */
export async function changeStage(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const pathwayId = nlu.entities.pathway ?? staff.pathway;
  const stage = nlu.entities.stage ? catalogue.stage(pathwayId, nlu.entities.stage) : undefined;
  if (!stage) {
    await ctx.reply({ type: 'text', text: 'Choose your new stage below and press Save.' });
    await showOnboarding(ctx, services);
    return;
  }
  ctx.staff = await services.staff.update(ctx.org.id, staff.email, { pathway: pathwayId, stage: stage.id });
  await services.audit.record(ctx.org.id, staff.email, 'profile.stageChanged', { pathway: pathwayId, stage: stage.id });
  await ctx.reply({ type: 'text', text: `Done: you're now recorded as ${stage.name}. Ask "what next" to see what opens up.` });
}

export async function changeSchool(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  await ctx.reply({ type: 'text', text: 'Update your school (and anything else that has changed) below.' });
  await showOnboarding(ctx, services);
}

export async function showManager(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  if (nlu.entities.email) {
    const parsed = email.safeParse(nlu.entities.email);
    if (parsed.success && parsed.data !== staff.email) {
      ctx.staff = await services.staff.update(ctx.org.id, staff.email, { managerEmail: parsed.data });
      await ctx.reply({ type: 'text', text: `Your line manager is now recorded as ${parsed.data}.` });
      return;
    }
  }
  await ctx.reply({
    type: 'text',
    text: staff.managerEmail
      ? `Your line manager is recorded as ${staff.managerEmail}. To change it, say "change my manager to name@school.org".`
      : 'I have no line manager recorded for you. Say "my manager is name@school.org" to add one.',
  });
}
