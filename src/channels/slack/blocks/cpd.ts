import type { CpdProgressView, LogCpdFormView } from '../../../core/conversation/views';
import { actions, button, context, escape, header, section, type KnownBlock } from './elements';

function bar(percent: number): string {
  const filled = Math.round(percent / 10);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent}%`;
}

export function cpdProgressBlocks(view: CpdProgressView): KnownBlock[] {
  return [
    ...(view.justLogged
      ? [section(`:white_check_mark: Logged *${escape(view.justLogged.title)}*: ${view.justLogged.days} day(s), ${view.justLogged.dateLabel}.`)]
      : []),
    header(`CPD in ${view.yearLabel}`),
    section(
      `*${view.daysLogged} of ${view.entitlementDays} days* logged\n\`${bar(view.percent)}\`\n${
        view.onTrack ? "You're on track for the year." : 'A little behind for this point in the year.'
      }`,
    ),
    ...(view.recent.length
      ? [context(...view.recent.map((entry) => `${escape(entry.title)}: ${entry.days} day(s), ${entry.dateLabel}`))]
      : []),
    ...actions(button('Log CPD', { action: 'openLogCpd' }, 'primary')),
  ];
}

/** In a message the form is a button that opens the modal (forms belong in modals on Slack). */
export function logCpdFormBlocks(view: LogCpdFormView): KnownBlock[] {
  return [
    section(view.errors.length ? view.errors.map(escape).join('\n') : 'Log something you did for your development: a course, reading, a visit.'),
    ...actions(button('Log CPD', { action: 'openLogCpd' }, 'primary')),
  ];
}
