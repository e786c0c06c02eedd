import type {
  DiscussionDateFormView,
  ManagerReminderView,
  ReportBrief,
  StaffNudgeView,
  TeamOverviewView,
} from '../../../core/nudges/views';
import { inDays } from './fallbackText';
import { actions, button, context, divider, escape, header, section, type KnownBlock } from './elements';

const bullets = (lines: string[]): string => lines.map((line) => `• ${escape(line)}`).join('\n');

export function staffNudgeBlocks(view: StaffNudgeView): KnownBlock[] {
  const withManager = view.managerName ? ` with ${escape(view.managerName)}` : '';
  return [
    header(inDays(view.daysToGo)),
    section(`Hello ${escape(view.name)}. Your discussion${withManager} is on ${escape(view.discussionLabel)}. You're recorded as *${escape(view.stageName)}* (${escape(view.pathwayName)}).`),
    ...(view.nextSteps.length > 0
      ? [
          section(`*Next steps you could raise*\n${bullets(view.nextSteps.map((step) => `${step.title} (${step.scopeLabel})`))}`),
          ...actions(...view.nextSteps.slice(0, 3).map((step) => button(`Add "${step.title}" to the agenda`, { action: 'addToAgenda', opportunityId: step.id }))),
        ]
      : []),
    ...(view.planItems.length > 0 ? [section(`*Your plan*\n${bullets(view.planItems.map((item) => `${item.title}: ${item.statusLabel}`))}`)] : []),
    context(`CPD this year: ${view.cpd.daysLogged} of ${view.cpd.entitlementDays} days (${view.cpd.percent}%)`),
    section(`*Questions to think about*\n${bullets(view.questions)}`),
    ...actions(
      button('See all my options', { action: 'runIntent', intent: 'whatNext' }, 'primary'),
      button('Remind me in 3 days', { action: 'snoozeNudge', days: 3 }),
    ),
  ];
}

function reportBlocks(report: ReportBrief): KnownBlock[] {
  return [
    section(
      `*${escape(report.name)}* · ${escape(report.stageName)} (${escape(report.pathwayName)})\nDiscussion ${escape(report.discussionLabel)}, in ${report.daysToGo} day${report.daysToGo === 1 ? '' : 's'}`,
    ),
    ...(report.planItems.length > 0 ? [section(`*Plan*\n${bullets(report.planItems.map((item) => `${item.title}: ${item.statusLabel}`))}`)] : []),
    ...(report.agenda.length > 0 ? [section(`*On their agenda*\n${bullets(report.agenda)}`)] : []),
    context(`CPD this year: ${report.cpd.daysLogged} of ${report.cpd.entitlementDays} days (${report.cpd.percent}%)`),
    section(`*Prompts*\n${bullets(report.prompts)}`),
    ...actions(
      button('Mark as held', { action: 'markDiscussionHeld', email: report.email }, 'primary'),
      button('Reschedule', { action: 'rescheduleDiscussion', email: report.email }),
      button('Snooze 2 days', { action: 'snoozeReminder', email: report.email, days: 2 }),
    ),
    divider(),
  ];
}

export function managerReminderBlocks(view: ManagerReminderView): KnownBlock[] {
  // Each report takes up to seven blocks; stay inside Slack's 50-block message limit.
  const shown = view.reports.slice(0, 6);
  return [
    header(view.title),
    ...shown.flatMap(reportBlocks),
    ...(view.reports.length > shown.length ? [context(`And ${view.reports.length - shown.length} more: say "my team" for everyone.`)] : []),
    ...(view.attention.length > 0
      ? [section(`*Needs a discussion arranged*\n${bullets(view.attention.map((person) => `${person.name}: ${person.reasonLabel}`))}`)]
      : []),
  ];
}

export function teamOverviewBlocks(view: TeamOverviewView): KnownBlock[] {
  if (view.members.length === 0) return [section("Nobody in the staff directory names you as their line manager.")];
  return [
    header('Your team'),
    ...view.members.slice(0, 45).map((member) =>
      section(
        `*${escape(member.name)}* · ${escape(member.stageName)}\nNext discussion: ${escape(member.discussionLabel)} · ${escape(member.planSummary)} · ${escape(member.cpdLabel)}${
          member.flagLabel ? `\n:warning: ${escape(member.flagLabel)}` : ''
        }`,
      ),
    ),
  ];
}

/** Slack messages hold no date inputs: the default date is offered as a button, or the person types one. */
export function discussionDateFormBlocks(view: DiscussionDateFormView): KnownBlock[] {
  return [
    section(`*${escape(view.heading)}*${view.error ? `\n${escape(view.error)}` : ''}`),
    ...actions(button(`Next discussion on ${view.defaultDate}`, { action: 'setNextDiscussion', email: view.email, date: view.defaultDate }, 'primary')),
  ];
}
