import type { View } from '../../core/conversation/views';

export interface SlackMessage {
  text: string;
}

/**
 * Plain-text rendering of a view for Slack. A first step: Block Kit presenters with buttons come
 * with the Slack issue; until then people see the same content as text.
 */
export function viewToSlack(view: View): SlackMessage {
  switch (view.type) {
    case 'text':
      return { text: view.text };
    case 'welcome':
      return { text: `Welcome to NextStep${view.name ? `, ${view.name}` : ''}: career development for ${view.orgName}.` };
    case 'help':
    case 'clarify':
      return { text: `Try one of these:\n${view.suggestions.map((s) => `• ${s.text}`).join('\n')}` };
    case 'notSetUp':
      return { text: "This workspace isn't connected to an organisation in NextStep yet. Please ask your trust's NextStep administrator." };
    case 'whatNext':
      return {
        text: [
          `*What next for ${view.name}* (${view.stageName}, ${view.pathwayName})`,
          ...view.entitlement.map((item) => `• ${item.title} (entitlement)`),
          ...view.options.flatMap((group) => group.items.map((item) => `• ${item.title} (${group.scopeLabel})`)),
        ].join('\n'),
      };
    case 'opportunityList':
      return { text: [`*${view.title}* (${view.filterLabel})`, ...view.items.map((item) => `• ${item.title}`)].join('\n') };
    default:
      return { text: 'This answer is best viewed in Microsoft Teams for now; Slack cards are on their way.' };
  }
}
