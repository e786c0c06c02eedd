import { localDate } from '../../../src/core/nudges/calendar';
import { attentionFlag, openWindow, planPerson, type PlanningRules } from '../../../src/core/nudges/planning';

const rules: PlanningRules = { staffOffsetsDays: [14, 2], managerOffsetsDays: [7, 1] };
const person = (nextDiscussion?: string, managerEmail: string | null = 'boss@school.org') => ({
  email: 'sam@school.org',
  ...(managerEmail ? { managerEmail } : {}),
  ...(nextDiscussion ? { nextDiscussion } : {}),
});
const london = (iso: string) => localDate(new Date(iso), 'Europe/London');

describe('nudge planning: offsets', () => {
  // Wednesday 17 March 2027.
  const discussion = '2027-03-17';

  it('is not due before the first offset opens', () => {
    expect(planPerson('2027-03-02', person(discussion), {}, rules).staff).toEqual({ due: false, reason: 'notYet' });
  });

  it('opens the 14-day nudge 14 days before and keeps it open until the 2-day one', () => {
    const first = planPerson('2027-03-03', person(discussion), {}, rules).staff;
    expect(first).toMatchObject({ due: true, offset: 14, key: '2027-03-17:14', daysToGo: 14 });
    expect(planPerson('2027-03-12', person(discussion), {}, rules).staff).toMatchObject({ due: true, offset: 14, key: '2027-03-17:14' });
    expect(planPerson('2027-03-15', person(discussion), {}, rules).staff).toMatchObject({ due: true, offset: 2, key: '2027-03-17:2', daysToGo: 2 });
  });

  it('catches up after missed runs with only the latest nudge', () => {
    expect(planPerson('2027-03-16', person(discussion), {}, rules).staff).toMatchObject({ due: true, offset: 2, daysToGo: 1 });
  });

  it('gives managers their own offsets', () => {
    expect(planPerson('2027-03-09', person(discussion), {}, rules).manager).toEqual({ due: false, reason: 'notYet' });
    expect(planPerson('2027-03-10', person(discussion), {}, rules).manager).toMatchObject({ due: true, offset: 7, key: '2027-03-17:7' });
    expect(planPerson('2027-03-16', person(discussion), {}, rules).manager).toMatchObject({ due: true, offset: 1, key: '2027-03-17:1' });
  });
});

describe('nudge planning: past and missing dates', () => {
  it('sends nothing on or after the discussion day', () => {
    expect(planPerson('2027-03-17', person('2027-03-17'), {}, rules).staff).toEqual({ due: false, reason: 'past' });
    expect(planPerson('2027-04-01', person('2027-03-17'), {}, rules).manager).toEqual({ due: false, reason: 'past' });
  });

  it('treats a missing or impossible date as no date and flags it', () => {
    for (const date of [undefined, '2027-02-30', '17/03/2027', 'soon']) {
      const plan = planPerson('2027-03-01', person(date), {}, rules);
      expect(plan.staff).toEqual({ due: false, reason: 'noDate' });
      expect(plan.flag).toBe('noDate');
    }
  });

  it('flags a date that passed without being marked as held, but not one that was held', () => {
    expect(attentionFlag('2027-03-20', person('2027-03-17'), {})).toBe('overdue');
    expect(attentionFlag('2027-03-20', person('2027-03-17'), { lastHeld: '2027-03-17' })).toBeUndefined();
  });

  it('flags people whose next discussion is more than a year after the last', () => {
    expect(attentionFlag('2027-03-01', person('2027-03-17'), { lastHeld: '2026-01-10' })).toBe('overAYear');
    expect(attentionFlag('2027-03-01', person('2027-03-17'), { lastHeld: '2026-04-01' })).toBeUndefined();
    expect(attentionFlag('2027-03-01', person('2028-06-01'), {})).toBe('overAYear');
    expect(attentionFlag('2027-03-01', person('2027-09-01'), {})).toBeUndefined();
  });
});

describe('nudge planning: weekends', () => {
  it('brings a nudge that would open on a weekend forward to the Friday', () => {
    // Monday 15 March 2027: two days before is Saturday 13th, so it opens on Friday 12th.
    expect(openWindow('2027-03-12', '2027-03-15', [14, 2])).toEqual({ offset: 2, opensOn: '2027-03-12' });
    expect(planPerson('2027-03-12', person('2027-03-15'), {}, rules).staff).toMatchObject({ due: true, offset: 2, daysToGo: 3 });
    expect(planPerson('2027-03-11', person('2027-03-15'), {}, rules).staff).toMatchObject({ due: true, offset: 14 });
  });

  it('leaves weekday openings where they are', () => {
    expect(openWindow('2027-03-15', '2027-03-17', [14, 2])).toEqual({ offset: 2, opensOn: '2027-03-15' });
    expect(openWindow('2027-03-14', '2027-03-17', [2])).toBeUndefined();
  });
});

describe('nudge planning: the October and March clock changes', () => {
  it('reads "today" in the organisation time zone across both changes', () => {
    // Clocks go back at 02:00 BST on Sunday 25 October 2026 and forward at 01:00 GMT on Sunday 28 March 2027.
    expect(london('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(london('2026-10-25T23:30:00Z')).toBe('2026-10-25');
    expect(london('2027-03-27T23:30:00Z')).toBe('2027-03-27');
    expect(london('2027-03-28T23:30:00Z')).toBe('2027-03-29');
  });

  it('opens a nudge on the right day just after the clocks go forward', () => {
    // Monday 12 April 2027; the 14-day nudge opens on Monday 29 March, the first day of BST.
    const discussion = '2027-04-12';
    expect(planPerson(london('2027-03-28T22:59:00Z'), person(discussion), {}, rules).staff).toEqual({ due: false, reason: 'notYet' });
    expect(planPerson(london('2027-03-28T23:00:00Z'), person(discussion), {}, rules).staff).toMatchObject({ due: true, offset: 14, daysToGo: 14 });
    expect(planPerson(london('2027-03-29T07:00:00Z'), person(discussion), {}, rules).staff).toMatchObject({ key: '2027-04-12:14' });
  });

  it('opens a nudge on the right day just after the clocks go back', () => {
    // Monday 9 November 2026; the 14-day nudge opens on Monday 26 October, the first day of GMT.
    const discussion = '2026-11-09';
    expect(planPerson(london('2026-10-25T23:59:00Z'), person(discussion), {}, rules).staff).toEqual({ due: false, reason: 'notYet' });
    expect(planPerson(london('2026-10-26T00:00:00Z'), person(discussion), {}, rules).staff).toMatchObject({ due: true, offset: 14, daysToGo: 14 });
  });

  it('counts whole days to the discussion across a clock change', () => {
    // Tuesday 30 March: two days before is Sunday, so the 2-day nudge opens on Friday 26th.
    expect(planPerson('2027-03-26', person('2027-03-30'), {}, rules).staff).toMatchObject({ daysToGo: 4, offset: 2 });
    expect(planPerson('2026-10-23', person('2026-10-27'), {}, rules).staff).toMatchObject({ daysToGo: 4 });
  });
});

describe('nudge planning: opt-outs, snoozes and people without a manager', () => {
  it('sends an opted-out person nothing but still reminds their manager', () => {
    const plan = planPerson('2027-03-16', person('2027-03-17'), { optedOut: true }, rules);
    expect(plan.staff).toEqual({ due: false, reason: 'optedOut' });
    expect(plan.manager).toMatchObject({ due: true, offset: 1 });
  });

  it('still prepares someone without a manager, and says there is no manager to remind', () => {
    const plan = planPerson('2027-03-03', person('2027-03-17', null), {}, rules);
    expect(plan.staff).toMatchObject({ due: true, offset: 14 });
    expect(plan.manager).toEqual({ due: false, reason: 'noManager' });
  });

  it('holds a snoozed nudge back, then sends it once under its own key', () => {
    expect(planPerson('2027-03-04', person('2027-03-17'), { snoozedUntil: '2027-03-06' }, rules).staff).toEqual({ due: false, reason: 'snoozed' });
    expect(planPerson('2027-03-08', person('2027-03-17'), { snoozedUntil: '2027-03-06' }, rules).staff).toMatchObject({
      due: true,
      key: '2027-03-17:snoozed-2027-03-06',
    });
    // Once the next offset opens after the snooze, it is that offset's nudge again.
    expect(planPerson('2027-03-15', person('2027-03-17'), { snoozedUntil: '2027-03-06' }, rules).staff).toMatchObject({ key: '2027-03-17:2' });
  });

  it('snoozes a manager reminder separately from the person', () => {
    const plan = planPerson('2027-03-10', person('2027-03-17'), { managerSnoozedUntil: '2027-03-12' }, rules);
    expect(plan.manager).toEqual({ due: false, reason: 'snoozed' });
    expect(plan.staff).toMatchObject({ due: true });
  });
});
