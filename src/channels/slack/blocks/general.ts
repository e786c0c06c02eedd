import type { ClarifyView, HelpView, NotSetUpView, Suggestion, TextView, WelcomeView } from '../../../core/conversation/views';
import { actions, button, escape, header, linkButton, section, type Button, type KnownBlock } from './elements';

const suggestionButtons = (suggestions: Suggestion[]): Button[] => suggestions.map((s) => button(s.label, { say: s.text }));

export function textBlocks(view: TextView): KnownBlock[] {
  return [section(escape(view.text)), ...(view.link ? actions(linkButton(view.link.label, view.link.url)) : [])];
}

export function welcomeBlocks(view: WelcomeView): KnownBlock[] {
  return [
    header(`Welcome to NextStep${view.name ? `, ${view.name}` : ''}`),
    section(
      `Career development for ${escape(view.orgName)}: what you can do next at your stage, a plan to keep it on track and a log of your CPD.${
        view.known && view.stageName ? `\nYou're recorded as *${escape(view.stageName)}*.` : ''
      }`,
    ),
    ...actions(
      view.known
        ? button('What can I do next?', { action: 'runIntent', intent: 'whatNext' }, 'primary')
        : button('Set up my profile', { action: 'startOnboarding' }, 'primary'),
      button('My plan', { action: 'runIntent', intent: 'myPlan' }),
      button('Log CPD', { action: 'openLogCpd' }),
      button('Help', { action: 'runIntent', intent: 'help' }),
    ),
  ];
}

export function helpBlocks(view: HelpView): KnownBlock[] {
  return [
    section('*Here is what I can help with.* Type it in your own words, or press a button.'),
    section(view.suggestions.map((s) => `• ${escape(s.text)}`).join('\n')),
    ...actions(...suggestionButtons(view.suggestions)),
  ];
}

export function clarifyBlocks(view: ClarifyView): KnownBlock[] {
  return [
    section(`I'm not sure what you meant by "${escape(view.heard)}". Did you mean one of these?`),
    ...actions(...suggestionButtons(view.suggestions)),
  ];
}

export function notSetUpBlocks(_view: NotSetUpView): KnownBlock[] {
  return [
    section(
      "This workspace isn't connected to an organisation in NextStep yet. Please ask your trust's NextStep administrator to connect it.",
    ),
  ];
}
