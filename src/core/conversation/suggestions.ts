import type { Suggestion } from './views';

/**
 * Example prompts shown on the help, welcome and clarification cards. Each runs its intent
 * directly (a `runIntent` button), which works in Teams, the Agents Playground and Slack alike.
 */
export const STARTER_SUGGESTIONS: Suggestion[] = [
  { label: 'What can I do next?', text: 'What can I do next at my stage?', intent: 'whatNext' },
  { label: 'Browse opportunities', text: 'Show me opportunities across the trust', intent: 'browse' },
  { label: 'My plan', text: 'Show my plan', intent: 'myPlan' },
  { label: 'Log CPD', text: 'Log CPD', intent: 'logCpd' },
  { label: 'CPD progress', text: 'How is my CPD going?', intent: 'cpdProgress' },
  { label: 'Reading list', text: 'What should I read?', intent: 'readingList' },
  { label: 'My profile', text: 'My profile', intent: 'myProfile' },
  { label: 'My data', text: 'What data do you hold about me?', intent: 'myData' },
];
