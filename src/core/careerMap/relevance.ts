import { DateTime } from 'luxon';
import type { CareerCatalogue } from './catalogue';
import type { Opportunity } from './schema';

/** Items reaching at least this share of the map's stages are "for everyone" (careers discussion, CPD days). */
const EVERYONE_SHARE = 0.5;
/** Items reaching this few stages were made for them ("HLTA status" for senior TAs). */
const MADE_FOR_STAGE_REACH = 3;
const FOCUSED_REACH = 10;

/** Offered to (nearly) every member of staff, whatever their stage. */
export function isForEveryone(catalogue: CareerCatalogue, item: Opportunity): boolean {
  return catalogue.reach(item) >= Math.max(6, Math.ceil(catalogue.stageCount * EVERYONE_SHARE));
}

/** 2 for items made for a few stages, 1 for focused ones, 0 for broad ones. */
export function specificity(catalogue: CareerCatalogue, item: Opportunity): number {
  const reach = catalogue.reach(item);
  if (reach <= MADE_FOR_STAGE_REACH) return 2;
  return reach <= FOCUSED_REACH ? 1 : 0;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a job title contains one of the item's `requiredFor` titles as whole words ("Trust SENCO" ⊇ "SENCO"). */
export function isRequiredForRole(item: Opportunity, jobTitle: string | undefined): boolean {
  if (!jobTitle || !item.requiredFor?.length) return false;
  const title = ` ${words(jobTitle).join(' ')} `;
  return item.requiredFor.some((role) => {
    const phrase = words(role).join(' ');
    return phrase !== '' && title.includes(` ${phrase} `);
  });
}

/** Start (inclusive) of the English school year containing `now` in `timezone`, as a UTC instant. */
export function schoolYearStart(now: Date, timezone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const year = local.month >= 9 ? local.year : local.year - 1;
  return DateTime.fromObject({ year, month: 9, day: 1 }, { zone: timezone }).toJSDate();
}

/**
 * Whether a completed item stays hidden: one-off items for good; annual items (`recurs: annual`)
 * only until the school year after the one in which they were completed.
 */
export function staysHidden(item: Opportunity, completedAt: Date | undefined, now: Date, timezone: string): boolean {
  if (item.recurs !== 'annual' || !completedAt) return true;
  return completedAt.getTime() >= schoolYearStart(now, timezone).getTime();
}

const NEW_STARTER_DAYS = 365;

/** 'new' within a year of joining, 'settled' after, 'unknown' without a start date. */
export function starterStatus(startDate: string | undefined, now: Date): 'new' | 'settled' | 'unknown' {
  if (!startDate) return 'unknown';
  const started = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(started)) return 'unknown';
  return now.getTime() - started <= NEW_STARTER_DAYS * 86_400_000 ? 'new' : 'settled';
}
