import type { View } from '../../../core/conversation/views';
import { clip, SLACK_LIMITS } from './elements';

/**
 * The `text` Slack shows in notifications and where blocks cannot be shown. Plain words, never
 * more than Slack's limit.
 */
export function fallbackText(view: View): string {
  return clip(describe(view), SLACK_LIMITS.fallbackText);
}

/** Matches the heading of the Teams card, so both channels say the same. */
export const inDays = (days: number): string =>
  days === 1 ? 'Your careers discussion is tomorrow' : `Your careers discussion is in ${days} days`;

function describe(view: View): string {
  switch (view.type) {
    case 'text':
      return view.text;
    case 'welcome':
      return `Welcome to NextStep${view.name ? `, ${view.name}` : ''}: career development for ${view.orgName}.`;
    case 'help':
    case 'clarify':
      return `Try one of these: ${view.suggestions.map((s) => s.text).join('; ')}`;
    case 'notSetUp':
      return "This workspace isn't connected to an organisation in NextStep yet.";
    case 'onboarding':
      return 'Set up your NextStep profile.';
    case 'whatNext':
      return `What next for ${view.name} (${view.stageName}): ${[
        ...view.entitlement,
        ...view.options.flatMap((group) => group.items),
      ]
        .map((item) => item.title)
        .join(', ')}`;
    case 'opportunityList':
      return `${view.title}: ${view.items.map((item) => item.title).join(', ')}`;
    case 'opportunityDetail':
      return `${view.item.title}: ${view.item.summary}`;
    case 'plan':
      return `${view.name}'s plan: ${view.items.map((item) => `${item.opportunity.title} (${item.statusLabel})`).join(', ') || 'empty'}`;
    case 'cpdProgress':
      return `CPD in ${view.yearLabel}: ${view.daysLogged} of ${view.entitlementDays} days.`;
    case 'logCpdForm':
      return 'Log some CPD.';
    case 'readingList':
      return `Reading for ${view.stageName}: ${view.items.map((item) => item.title).join(', ')}`;
    case 'profile':
      return `Your profile: ${view.name}, ${view.stageName} (${view.pathwayName}).`;
    case 'myData':
      return 'What NextStep holds about you.';
    case 'confirmDelete':
      return 'Delete everything NextStep holds about you?';
    case 'nudgeStaff':
      return `${inDays(view.daysToGo)}, on ${view.discussionLabel}.`;
    case 'managerReminder':
      return `${view.title}: ${view.reports.map((report) => `${report.name} on ${report.discussionLabel}`).join(', ') || view.attention.map((person) => person.name).join(', ')}`;
    case 'teamOverview':
      return `Your team: ${view.members.map((member) => member.name).join(', ') || 'nobody yet'}`;
    case 'discussionDateForm':
      return view.heading;
    case 'broadcastOpportunity':
      return `New opportunity from ${view.orgName}: ${view.item.title}`;
    case 'broadcastForm':
      return view.errors.length ? `New broadcast: ${view.errors.join(' ')}` : 'New broadcast: choose the opportunity and who should hear about it.';
    case 'broadcastPreview':
      return `Broadcast "${view.title}" to ${view.recipients} ${view.recipients === 1 ? 'recipient' : 'recipients'}? ${view.audienceLabel}.`;
    case 'broadcastProgress':
      return `Broadcast "${view.title}" (${view.statusLabel.toLowerCase()}): ${view.sent} sent, ${view.failed} failed, ${view.unreachable} unreachable, ${view.pending} pending.`;
    case 'reachSummary':
      return `Reach since ${view.sinceLabel}: ${view.reached} reached by ${view.broadcasts} ${view.broadcasts === 1 ? 'broadcast' : 'broadcasts'}, ${view.notReached} not reached in ${view.months} months.`;
    default:
      return 'NextStep';
  }
}
