import { addDays, addMonths, daysBetween, validDate, weekdayOnOrBefore } from './calendar';

/**
 * Who is due for which nudge on a given day. Pure: the job feeds it people and their preferences
 * and turns the decisions into outbox records; tests feed it dates.
 *
 * A nudge at offset `o` opens on the discussion date minus `o` days (brought forward to the Friday
 * when that is a weekend, because the schedule runs on weekdays) and stays open until the next
 * offset opens or the discussion day arrives. A run therefore catches up whatever a missed run
 * would have sent, sends only the latest open nudge, and never sends on or after the day itself.
 */

export interface PlanningPerson {
  email: string;
  managerEmail?: string;
  /** YYYY-MM-DD; anything else counts as missing. */
  nextDiscussion?: string;
}

/** What people chose or recorded (stored beside the directory, never in it). */
export interface NudgePreferences {
  optedOut?: boolean;
  /** No staff nudge before this date (YYYY-MM-DD). */
  snoozedUntil?: string;
  /** No reminder about this person to their manager before this date. */
  managerSnoozedUntil?: string;
  /** The last careers discussion marked as held (YYYY-MM-DD). */
  lastHeld?: string;
}

export interface PlanningRules {
  staffOffsetsDays: readonly number[];
  managerOffsetsDays: readonly number[];
}

export type NotDueReason = 'optedOut' | 'snoozed' | 'notYet' | 'past' | 'noDate' | 'noManager';

export type NudgeDecision =
  | { due: true; offset: number; opensOn: string; daysToGo: number; key: string }
  | { due: false; reason: NotDueReason };

/** Why a person needs their manager's attention (level playing field): never silently skipped. */
export type AttentionFlag = 'noDate' | 'overdue' | 'overAYear';

export interface PersonPlan {
  staff: NudgeDecision;
  manager: NudgeDecision;
  flag?: AttentionFlag;
}

/** The open window on `today`: the smallest offset whose opening day has come, before the day itself. */
export function openWindow(
  today: string,
  discussion: string,
  offsets: readonly number[],
): { offset: number; opensOn: string } | undefined {
  if (today >= discussion) return undefined;
  let best: { offset: number; opensOn: string } | undefined;
  for (const offset of offsets) {
    const opensOn = weekdayOnOrBefore(addDays(discussion, -offset));
    if (opensOn <= today && (!best || offset < best.offset)) best = { offset, opensOn };
  }
  return best;
}

function decide(
  today: string,
  discussion: string | undefined,
  offsets: readonly number[],
  snoozedUntil: string | undefined,
): NudgeDecision {
  if (!discussion) return { due: false, reason: 'noDate' };
  if (discussion <= today) return { due: false, reason: 'past' };
  const window = openWindow(today, discussion, offsets);
  if (!window) return { due: false, reason: 'notYet' };
  const snooze = validDate(snoozedUntil);
  if (snooze && today < snooze) return { due: false, reason: 'snoozed' };
  // A snooze that ends inside the window earns one more nudge, under its own key.
  const key = snooze && snooze > window.opensOn ? `${discussion}:snoozed-${snooze}` : `${discussion}:${window.offset}`;
  return { due: true, ...window, daysToGo: daysBetween(today, discussion), key };
}

/**
 * Flags people who risk going without a discussion: no date, a date that passed without being
 * marked as held, or a next date more than a year after the last one held (or, when none is
 * recorded, more than a year from today).
 */
export function attentionFlag(today: string, person: PlanningPerson, prefs: NudgePreferences): AttentionFlag | undefined {
  const discussion = validDate(person.nextDiscussion);
  if (!discussion) return 'noDate';
  const lastHeld = validDate(prefs.lastHeld);
  if (discussion < today && (!lastHeld || lastHeld < discussion)) return 'overdue';
  if (discussion > addMonths(lastHeld ?? today, 12)) return 'overAYear';
  return undefined;
}

export function planPerson(today: string, person: PlanningPerson, prefs: NudgePreferences, rules: PlanningRules): PersonPlan {
  const discussion = validDate(person.nextDiscussion);
  const staff: NudgeDecision = prefs.optedOut
    ? { due: false, reason: 'optedOut' }
    : decide(today, discussion, rules.staffOffsetsDays, prefs.snoozedUntil);
  const manager: NudgeDecision = person.managerEmail
    ? decide(today, discussion, rules.managerOffsetsDays, prefs.managerSnoozedUntil)
    : { due: false, reason: 'noManager' };
  const flag = attentionFlag(today, person, prefs);
  return { staff, manager, ...(flag ? { flag } : {}) };
}

/** The month a flag belongs to: a manager hears about a flagged report at most once a month. */
export function flagPeriod(today: string): string {
  return today.slice(0, 7);
}
