import { addDays, addMonths, localDate, validDate } from '../../nudges/calendar';
import { attentionFlag } from '../../nudges/planning';
import { attentionLabel } from '../../nudges/content';
import type { TeamMember } from '../../nudges/ports';
import type { TeamMemberLine } from '../../nudges/views';
import type { ActionHandler, IntentHandler } from '../handler';
import type { ConversationContext } from '../context';
import { formatDate, schoolYear } from '../presenters/dates';
import type { CoreServices } from '../services';
import { requireProfile } from './profile';

const today = (ctx: ConversationContext, services: CoreServices) => localDate(ctx.now, services.settings.timezone);

const NOT_YOUR_REPORT =
  "I can only do that for people who report to you in the staff directory. If the directory is wrong, please ask your NextStep admin to update it.";

/**
 * The report a manager's button is about, checked against the directory: the email in a card
 * payload only names the person, it never grants access.
 */
async function requireOwnReport(ctx: ConversationContext, services: CoreServices, email: string, action: string): Promise<TeamMember | null> {
  const manager = await requireProfile(ctx, services);
  if (!manager) return null;
  const report = await services.staff.findByEmail(ctx.org.id, email);
  if (!report || report.managerEmail !== manager.email) {
    await services.audit.record(ctx.org.id, manager.email, 'nudges.refused', { action, about: email });
    await ctx.reply({ type: 'text', text: NOT_YOUR_REPORT });
    return null;
  }
  return report;
}

export const stopReminders: IntentHandler = async (ctx, services) => {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  await services.nudges.preferences.set(ctx.org.id, staff.email, { optedOut: true });
  await ctx.reply({
    type: 'text',
    text: 'Done: I won\'t send you reminders before your careers discussions. Your line manager will still be reminded, so the discussion happens. Say "start reminders" whenever you want them back.',
  });
};

export const startReminders: IntentHandler = async (ctx, services) => {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  await services.nudges.preferences.set(ctx.org.id, staff.email, { optedOut: undefined, snoozedUntil: undefined });
  const next = validDate(staff.nextDiscussion);
  await ctx.reply({
    type: 'text',
    text: next
      ? `Reminders are on. I'll help you prepare before your careers discussion on ${formatDate(next)}.`
      : "Reminders are on. I don't have a date for your next careers discussion yet: your line manager can set one, or you can add it to your profile.",
  });
};

export const snoozeNudge: ActionHandler<'snoozeNudge'> = async (ctx, services, action) => {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const until = addDays(today(ctx, services), action.days);
  await services.nudges.preferences.set(ctx.org.id, staff.email, { snoozedUntil: until });
  await ctx.reply({ type: 'text', text: `I'll remind you again on ${formatDate(until)}, as long as that's before your discussion.` });
};

export const addToAgenda: ActionHandler<'addToAgenda'> = async (ctx, services, action) => {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const opportunity = catalogue.opportunity(action.opportunityId);
  if (!opportunity) {
    await ctx.reply({ type: 'text', text: "I couldn't find that opportunity any more. Ask me what you could do next to see what's current." });
    return;
  }
  const added = await services.nudges.preferences.addToAgenda(ctx.org.id, staff.email, opportunity.id);
  await ctx.reply({
    type: 'text',
    text: added
      ? `Added "${opportunity.title}" to the agenda for your careers discussion. Your line manager will see it in their reminder.`
      : `"${opportunity.title}" is already on the agenda for your careers discussion.`,
  });
};

export const markDiscussionHeld: ActionHandler<'markDiscussionHeld'> = async (ctx, services, action) => {
  const report = await requireOwnReport(ctx, services, action.email, action.action);
  if (!report) return;
  const day = today(ctx, services);
  await services.nudges.preferences.recordHeld(ctx.org.id, report.email, day, ctx.staff?.email ?? '');
  await services.audit.record(ctx.org.id, ctx.staff?.email ?? '', 'nudges.discussionHeld', { about: report.email, date: day });
  await ctx.reply({
    type: 'discussionDateForm',
    email: report.email,
    name: report.name,
    heading: `Thanks: your careers discussion with ${report.name} is recorded as held on ${formatDate(day)}. When is the next one?`,
    defaultDate: addMonths(day, 12),
  });
};

export const rescheduleDiscussion: ActionHandler<'rescheduleDiscussion'> = async (ctx, services, action) => {
  const report = await requireOwnReport(ctx, services, action.email, action.action);
  if (!report) return;
  const day = today(ctx, services);
  const current = validDate(report.nextDiscussion);
  await ctx.reply({
    type: 'discussionDateForm',
    email: report.email,
    name: report.name,
    heading: `New date for your careers discussion with ${report.name}`,
    defaultDate: current && current > day ? current : addDays(day, 14),
  });
};

export const setNextDiscussion: ActionHandler<'setNextDiscussion'> = async (ctx, services, action) => {
  const report = await requireOwnReport(ctx, services, action.email, action.action);
  if (!report) return;
  const day = today(ctx, services);
  const date = validDate(action.date);
  const error = !date
    ? 'Please pick a date.'
    : date <= day
      ? 'Please pick a date after today.'
      : date > addMonths(day, 24)
        ? 'Please pick a date within the next two years.'
        : undefined;
  if (error || !date) {
    await ctx.reply({
      type: 'discussionDateForm',
      email: report.email,
      name: report.name,
      heading: `Next careers discussion with ${report.name}`,
      defaultDate: addMonths(day, 12),
      error,
    });
    return;
  }
  await services.staff.update(ctx.org.id, report.email, { nextDiscussion: date });
  await services.nudges.preferences.set(ctx.org.id, report.email, { snoozedUntil: undefined, managerSnoozedUntil: undefined });
  await ctx.reply({
    type: 'text',
    text: `Booked: ${report.name}'s next careers discussion is on ${formatDate(date)}. I'll help you both prepare beforehand.`,
  });
};

export const snoozeReminder: ActionHandler<'snoozeReminder'> = async (ctx, services, action) => {
  const report = await requireOwnReport(ctx, services, action.email, action.action);
  if (!report) return;
  const until = addDays(today(ctx, services), action.days);
  await services.nudges.preferences.set(ctx.org.id, report.email, { managerSnoozedUntil: until });
  await ctx.reply({ type: 'text', text: `I'll remind you about ${report.name} again on ${formatDate(until)}.` });
};

/** A manager's overview of their own reports, read from the directory for the speaker only. */
export const showMyTeam: IntentHandler = async (ctx, services) => {
  const manager = await requireProfile(ctx, services);
  if (!manager) return;
  const reports = await services.nudges.directory.reportsOf(ctx.org.id, manager.email);
  if (reports.length === 0) {
    await ctx.reply({
      type: 'text',
      text: "Nobody is listed as reporting to you in the staff directory. If that's wrong, please ask your NextStep admin to update it.",
    });
    return;
  }
  const day = today(ctx, services);
  const emails = reports.map((report) => report.email);
  const [{ catalogue }, plans, cpd, preferences] = await Promise.all([
    services.catalogues.get(ctx.org.id),
    services.nudges.directory.plansOf(ctx.org.id, emails),
    services.nudges.directory.cpdDaysOf(ctx.org.id, emails, schoolYear(day)),
    Promise.all(emails.map((email) => services.nudges.preferences.get(ctx.org.id, email))),
  ]);
  const entitlement = catalogue.map.cpdEntitlementDays ?? services.settings.defaultCpdEntitlementDays;
  const members: TeamMemberLine[] = reports.map((report, index) => {
    const items = plans.get(report.email) ?? [];
    const active = items.filter((item) => item.status !== 'completed').length;
    const next = validDate(report.nextDiscussion);
    const flag = attentionFlag(day, report, preferences[index] ?? {});
    return {
      email: report.email,
      name: report.name,
      stageName: catalogue.stage(report.pathway, report.stage)?.name ?? report.stage,
      discussionLabel: next ? formatDate(next) : 'No date yet',
      planSummary: items.length === 0 ? 'Nothing in their plan yet' : `${active} active, ${items.length - active} completed`,
      cpdLabel: `${cpd.get(report.email) ?? 0} of ${entitlement} CPD days this year`,
      ...(flag ? { flagLabel: attentionLabel(flag) } : {}),
    };
  });
  await ctx.reply({ type: 'teamOverview', members });
};
