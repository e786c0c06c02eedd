import { DateTime } from 'luxon';
import { z } from 'zod';
import { isoDateSchema } from '../../careerMap/schema';
import type { NluResult } from '../../nlu';
import type { Action } from '../actions';
import type { ConversationContext } from '../context';
import { formatDate, schoolYear, todayIn } from '../presenters/dates';
import type { CoreServices } from '../services';
import { requireProfile } from './profile';

const daysSchema = z.coerce
  .number({ message: 'Days should be a number, such as 1 or 0.5.' })
  .positive('Days should be more than zero.')
  .max(30, 'Please log one activity of up to 30 days at a time.')
  .transform((days) => Math.round(days * 2) / 2)
  .refine((days) => days >= 0.5, 'The shortest entry is half a day.');

async function entitlementDays(ctx: ConversationContext, services: CoreServices): Promise<number> {
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  return catalogue.map.cpdEntitlementDays ?? services.settings.defaultCpdEntitlementDays;
}

export async function showCpdProgress(
  ctx: ConversationContext,
  services: CoreServices,
  justLogged?: { title: string; days: number; date: string },
): Promise<void> {
  const staff = await requireProfile(ctx, services);
  if (!staff) return;
  const today = todayIn(services.settings.timezone, ctx.now);
  const year = schoolYear(today);
  const entries = await services.cpd.list(ctx.org.id, staff.email, year);
  const daysLogged = entries.reduce((sum, entry) => sum + entry.days, 0);
  const target = await entitlementDays(ctx, services);
  const elapsed = DateTime.fromISO(today).diff(DateTime.fromISO(year.from), 'days').days / 365;
  await ctx.reply({
    type: 'cpdProgress',
    yearLabel: year.label,
    daysLogged,
    entitlementDays: target,
    percent: target > 0 ? Math.min(100, Math.round((daysLogged / target) * 100)) : 100,
    onTrack: target === 0 || daysLogged >= target * Math.min(1, elapsed),
    recent: entries.slice(0, 5).map((entry) => ({ title: entry.title, days: entry.days, dateLabel: formatDate(entry.date) })),
    ...(justLogged ? { justLogged: { ...justLogged, dateLabel: formatDate(justLogged.date) } } : {}),
  });
}

export async function showLogCpdForm(
  ctx: ConversationContext,
  services: CoreServices,
  values: { title?: string; days?: number; date?: string } = {},
  errors: string[] = [],
): Promise<void> {
  if (!(await requireProfile(ctx, services))) return;
  await ctx.reply({ type: 'logCpdForm', values: { date: todayIn(services.settings.timezone, ctx.now), ...values }, errors });
}

async function record(
  ctx: ConversationContext,
  services: CoreServices,
  entry: { title: string; days: number; date: string },
): Promise<void> {
  const staff = ctx.staff;
  if (!staff) return;
  await services.cpd.add(ctx.org.id, staff.email, entry);
  await showCpdProgress(ctx, services, entry);
}

/** "I did a 2-day course on phonics": logs straight away when title and length are clear. */
export async function logCpdFromText(ctx: ConversationContext, services: CoreServices, nlu: NluResult): Promise<void> {
  if (!(await requireProfile(ctx, services))) return;
  const { durationDays, date, topic } = nlu.entities;
  const title = topic ? topic.charAt(0).toUpperCase() + topic.slice(1) : undefined;
  const today = todayIn(services.settings.timezone, ctx.now);
  if (!title || !durationDays) {
    await showLogCpdForm(ctx, services, { ...(title ? { title } : {}), ...(durationDays ? { days: durationDays } : {}), ...(date ? { date } : {}) });
    return;
  }
  const when = date && date <= today ? date : today;
  await record(ctx, services, { title, days: daysSchema.parse(durationDays), date: when });
}

export async function logCpdFromForm(
  ctx: ConversationContext,
  services: CoreServices,
  input: Extract<Action, { action: 'logCpd' }>,
): Promise<void> {
  if (!(await requireProfile(ctx, services))) return;
  const today = todayIn(services.settings.timezone, ctx.now);
  const errors: string[] = [];
  const title = input.title?.trim();
  if (!title) errors.push('Please say what you did.');
  const days = daysSchema.safeParse(input.days ?? '');
  if (!days.success) errors.push(days.error.issues[0]?.message ?? 'Please give the number of days.');
  const date = isoDateSchema.safeParse(input.date ?? today);
  if (!date.success) errors.push('The date should look like 2026-11-23.');
  else if (date.data > today) errors.push("The date can't be in the future.");
  if (errors.length > 0 || !title || !days.success || !date.success) {
    const numeric = Number(input.days);
    await showLogCpdForm(
      ctx,
      services,
      { ...(title ? { title } : {}), ...(Number.isFinite(numeric) && numeric > 0 ? { days: numeric } : {}), ...(input.date ? { date: input.date } : {}) },
      errors,
    );
    return;
  }
  await record(ctx, services, { title, days: days.data, date: date.data });
}
