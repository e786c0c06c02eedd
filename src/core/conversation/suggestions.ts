import type { Suggestion } from './views';

/** Example prompts shown on the help, welcome and clarification cards. */
export const STARTER_SUGGESTIONS: Suggestion[] = [
  { label: 'What can I do next?', text: 'What can I do next at my stage?' },
  { label: 'Browse opportunities', text: 'Show me opportunities across the trust' },
  { label: 'My plan', text: 'Show my plan' },
  { label: 'Log CPD', text: 'Log CPD' },
  { label: 'CPD progress', text: 'How is my CPD going?' },
  { label: 'Reading list', text: 'What should I read?' },
  { label: 'My profile', text: 'My profile' },
  { label: 'My data', text: 'What data do you hold about me?' },
];
