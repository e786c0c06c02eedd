import { expect } from '@jest/globals';
import type * as ACTypes from 'adaptivecards';
import { actionSchema } from '../../../src/core/conversation/actions';
import type { ViewType } from '../../../src/core/conversation/views';
import { INTENTS } from '../../../src/core/nlu/types';
import { toAttachment } from '../../../src/channels/teams/cards/attachment';
import { renderCard, type AdaptiveCardJson } from '../../../src/channels/teams/cards/renderCard';
import { TEMPLATE_FILES } from '../../../src/channels/teams/cards/templates';
import { account, cpd, general, onboarding, opportunityList, plan, viewFixtures, whatNext } from '../../fixtures/views';

// The package's `lib/` build is extensionless ESM that Node cannot load; its UMD bundle works without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the card, depth first. */
function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
  else if (isNode(value)) {
    visit(value);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}

function nodesOfType(card: unknown, type: string): Node[] {
  const found: Node[] = [];
  walk(card, (node) => {
    if (node.type === type) found.push(node);
  });
  return found;
}

/** Buttons that reach the bot (not fallbacks, which are checked against their Action.Execute). */
function buttons(card: unknown): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown, isFallback: boolean): void => {
    if (Array.isArray(value)) value.forEach((child) => visit(child, isFallback));
    else if (isNode(value)) {
      if (!isFallback && (value.type === 'Action.Execute' || value.type === 'Action.Submit')) found.push(value);
      for (const [key, child] of Object.entries(value)) visit(child, key === 'fallback');
    }
  };
  visit(card, false);
  return found;
}

function titles(card: unknown): string[] {
  return buttons(card).map((button) => String(button.title));
}

function texts(card: unknown): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'label']) {
      if (typeof node[key] === 'string') parts.push(node[key]);
    }
  });
  return parts.join('\n');
}

/** Messages from the official SDK: parse events plus its own validation. */
function sdkProblems(json: AdaptiveCardJson): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

const fixtures = Object.entries(viewFixtures);

describe('renderCard', () => {
  it('has a fixture for every view type', () => {
    const covered = new Set(fixtures.map(([, view]) => view.type));
    expect([...covered].sort()).toEqual((Object.keys(TEMPLATE_FILES) as ViewType[]).sort());
  });

  describe.each(fixtures)('%s', (_name, view) => {
    const card = renderCard(view);
    const serialised = JSON.stringify(card);

    it('expands every expression', () => {
      expect(serialised).not.toContain('${');
      expect(serialised).not.toContain('$data');
      expect(serialised).not.toContain('$when');
      expect(serialised).not.toContain('$partial');
    });

    it('is an Adaptive Card of version 1.5 or lower', () => {
      expect(card.type).toBe('AdaptiveCard');
      expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
      const [major, minor] = card.version.split('.').map(Number);
      expect(major).toBe(1);
      expect(minor).toBeLessThanOrEqual(5);
    });

    it('parses and validates with the official SDK without problems', () => {
      expect(sdkProblems(card)).toEqual([]);
    });

    it('fits in a Teams message', () => {
      expect(Buffer.byteLength(serialised, 'utf8')).toBeLessThan(28_000);
    });

    it('wraps every TextBlock', () => {
      for (const block of nodesOfType(card, 'TextBlock')) expect(block.wrap).toBe(true);
    });

    it('sends only payloads the action schema accepts', () => {
      for (const button of buttons(card)) {
        const data = button.data;
        expect(isNode(data)).toBe(true);
        if (!isNode(data)) continue;
        if (button.type === 'Action.Submit' && isNode(data.msteams)) {
          expect(data.msteams).toEqual({ type: 'imBack', value: expect.any(String) });
          continue;
        }
        const parsed = actionSchema.safeParse(data);
        if (!parsed.success) throw new Error(`${JSON.stringify(data)}: ${parsed.error.message}`);
        if (parsed.data.action === 'runIntent') expect(INTENTS).toContain(parsed.data.intent);
      }
    });

    it('gives every Action.Execute its action as verb and an equivalent Action.Submit fallback', () => {
      for (const button of nodesOfType(card, 'Action.Execute')) {
        const data = button.data as Node;
        expect(button.verb).toBe(data.action);
        expect(button.fallback).toEqual({
          type: 'Action.Submit',
          title: button.title,
          data,
          ...(button.style === undefined ? {} : { style: button.style }),
        });
      }
    });
  });

  it('does not modify the view it renders, and renders it the same way twice', () => {
    const view = onboarding.onboardingAskEmail;
    const before = JSON.stringify(view);
    const first = renderCard(view);
    expect(JSON.stringify(view)).toBe(before);
    expect(renderCard(view)).toEqual(first);
  });

  it('wraps a card as an Adaptive Card attachment', () => {
    const card = renderCard(general.text);
    expect(toAttachment(card)).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });
});

describe('cards that link and refresh', () => {
  it('a text with a link shows it as a button that opens the link', () => {
    const card = renderCard(general.textWithLink);
    expect(nodesOfType(card, 'Action.OpenUrl')).toEqual([
      expect.objectContaining({ title: 'Open a private chat with me', url: general.textWithLink.link?.url }),
    ]);
    expect(nodesOfType(renderCard(general.text), 'Action.OpenUrl')).toEqual([]);
  });

  it('"Save to plan" carries where it came from, so the card can be redrawn in place', () => {
    const save = buttons(renderCard(opportunityList.opportunityListWithSaveActions)).find((button) => button.title === 'Save to plan');
    expect(save?.data).toEqual({ action: 'saveOpportunity', opportunityId: 'npq-leading-teacher-development', from: 'browse', page: 1, kind: 'qualification' });
  });
});

describe('whatNext card', () => {
  it('opens with the top three steps, then more for the stage, the entitlements line and the next stage', () => {
    const card = renderCard(whatNext.whatNextFull);
    const text = texts(card);
    expect(text).toContain('What next for Priya Shah');
    expect(text).toContain('Early career teacher · Teaching · Oakfield Primary Academy');
    expect(text).toContain('Line manager: sam.jones@oakfield.example · Next careers discussion: 15 March 2027');
    expect(text).toContain('Your next steps');
    expect(text).toContain('Also for your stage');
    expect(text).toContain("Your entitlements, like everyone's: Annual careers discussion · Five CPD days every year");
    expect(text).toContain('Looking ahead: Developing teacher');
    expect(text.indexOf('Your next steps')).toBeLessThan(text.indexOf('Also for your stage'));
    expect(text.indexOf('Also for your stage')).toBeLessThan(text.indexOf('Looking ahead'));
    expect(text).not.toMatch(/#\w/);
  });

  it('hides sections that are empty and says so when there is nothing at all', () => {
    const text = texts(renderCard(whatNext.whatNextEmpty));
    expect(text).not.toContain('Your next steps');
    expect(text).not.toContain('Also for your stage');
    expect(text).not.toContain('Looking ahead');
    expect(text).toContain("There's nothing listed for your stage");
    expect(texts(renderCard(whatNext.whatNextSecondPage))).not.toContain('Looking ahead');
  });

  it('offers no save, interest or plan buttons in a shared conversation', () => {
    const actions = buttons(renderCard(whatNext.whatNextShared)).map((button) => (button.data as Node).action);
    expect(actions).toContain('showOpportunity');
    expect(actions).not.toContain('saveOpportunity');
    expect(actions).not.toContain('markInterest');
    expect(actions).not.toContain('runIntent');
  });

  it('offers "Show more" for the next page only when there is more', () => {
    const more = buttons(renderCard(whatNext.whatNextTenWithMore)).filter((button) => button.title === 'Show more');
    expect(more).toHaveLength(1);
    expect(more[0]?.data).toEqual({ action: 'whatNextPage', page: 1 });
    expect(titles(renderCard(whatNext.whatNextFull))).not.toContain('Show more');
  });

  it('hides "Save to plan" for saved items and shows "In your plan" instead', () => {
    const card = renderCard(whatNext.whatNextFull);
    const saveIds = buttons(card)
      .filter((button) => (button.data as Node).action === 'saveOpportunity')
      .map((button) => (button.data as Node).opportunityId);
    expect(saveIds).not.toContain('ect-induction-programme');
    expect(saveIds).toContain('shadow-head-of-year');
    expect(texts(card)).toContain('In your plan');
  });

  it('offers "I\'m interested" only where someone will be told', () => {
    const interestIds = buttons(renderCard(whatNext.whatNextFull))
      .filter((button) => (button.data as Node).action === 'markInterest')
      .map((button) => (button.data as Node).opportunityId);
    expect(interestIds.sort()).toEqual(['reading-for-pleasure-working-party', 'shadow-head-of-year']);
  });

  it('flags closing dates in the attention colour only when closing soon', () => {
    const runs = nodesOfType(renderCard(whatNext.whatNextFull), 'TextRun');
    expect(runs).toContainEqual(expect.objectContaining({ text: 'Closes 14 March 2027', color: 'Attention' }));
    expect(runs).toContainEqual(expect.objectContaining({ text: 'Closes 30 June 2027', color: 'Default' }));
    expect(runs).toContainEqual(expect.objectContaining({ text: 'New', color: 'Accent' }));
  });

  it('links out only for items with a URL', () => {
    const links = nodesOfType(renderCard(whatNext.whatNextFull), 'Action.OpenUrl').map((link) => link.url);
    // Compact rows keep their link on the details card; the top steps carry it directly.
    expect(links.sort()).toEqual(['https://example.org/ecf']);
  });

  it('renders ten items with more to come within the size budget', () => {
    const card = renderCard(whatNext.whatNextTenWithMore);
    expect(buttons(card).filter((button) => (button.data as Node).action === 'showOpportunity')).toHaveLength(10);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  });
});

describe('opportunityList card', () => {
  it('echoes the query in "Show more"', () => {
    const more = buttons(renderCard(opportunityList.opportunityListTenWithMore)).find((b) => b.title === 'Show more');
    expect(more?.data).toEqual({
      action: 'browsePage',
      page: 1,
      text: 'curriculum',
      scope: 'trust',
      kind: 'course',
      tag: 'leadership',
      pathway: '',
      stage: '',
    });
  });

  it('echoes a pathway and stage filter so the next page keeps it', () => {
    const view = { ...opportunityList.opportunityListTenWithMore, query: { pathway: 'teaching', stage: 'middle-leader' } };
    const more = buttons(renderCard(view)).find((b) => b.title === 'Show more');
    expect(actionSchema.parse(more?.data)).toEqual({ action: 'browsePage', page: 1, pathway: 'teaching', stage: 'middle-leader' });
  });

  it('sends missing query fields as blanks the schema reads as absent', () => {
    const more = buttons(renderCard(opportunityList.opportunityListPartialQuery)).find((b) => b.title === 'Show more');
    expect(actionSchema.parse(more?.data)).toEqual({ action: 'browsePage', page: 2, kind: 'qualification' });
  });

  it('has a friendly empty state and no "Show more"', () => {
    const card = renderCard(opportunityList.opportunityListEmpty);
    expect(texts(card)).toContain('Nothing matches that just now');
    expect(titles(card)).not.toContain('Show more');
  });
});

describe('opportunityDetail card', () => {
  it('lists the facts, the plan status and the right buttons', () => {
    const card = renderCard(opportunityList.opportunityDetailFull);
    const facts = nodesOfType(card, 'FactSet').flatMap((set) => set.facts as Node[]);
    const byTitle = Object.fromEntries(facts.map((fact) => [String(fact.title), fact.value] as const));
    expect(byTitle).toEqual({
      Type: 'Qualification',
      Where: 'Regional and national',
      Provider: 'Ambition Institute',
      Entitlement: 'Optional — agree with your line manager',
      Closes: '14 March 2027 (soon)',
      Pathways: 'Teaching',
      Stages: 'Developing teacher, Middle leader',
      Contact: 'Mrs Helen Carter, Trust CPD lead',
    });
    expect(texts(card)).toContain('In your plan: Discussed with line manager');
    expect(titles(card)).toEqual(["I'm interested", 'My plan']);
    expect(nodesOfType(card, 'Action.OpenUrl')).toHaveLength(1);
  });

  it('leaves out facts it does not have', () => {
    const card = renderCard(opportunityList.opportunityDetailMinimal);
    const factTitles = nodesOfType(card, 'FactSet').flatMap((set) => (set.facts as Node[]).map((fact) => fact.title));
    expect(factTitles).toEqual(['Type', 'Where', 'Entitlement']);
    expect(titles(card)).toEqual(['Save to plan']);
    expect(texts(card)).not.toContain('In your plan');
  });

  it('names universal entitlement', () => {
    expect(texts(renderCard(opportunityList.opportunityDetailLong))).toContain('Universal entitlement');
  });
});

describe('plan card', () => {
  it('moves each item on to its next status, and not past completed', () => {
    const moves = buttons(renderCard(plan.planWithItems)).filter((b) => (b.data as Node).action === 'setPlanStatus');
    expect(moves.map((move) => [move.title, move.data])).toEqual([
      ['Move to: Discussed with line manager', { action: 'setPlanStatus', opportunityId: 'npq-leading-teacher-development', status: 'discussed' }],
      ['Move to: Completed', { action: 'setPlanStatus', opportunityId: 'chartered-teacher', status: 'completed' }],
      ['Move to: Booked', { action: 'setPlanStatus', opportunityId: 'very-long-opportunity', status: 'booked' }],
    ]);
  });

  it('"Remove" asks the bot, which redraws the plan with a confirmation whose "yes" carries a token', () => {
    const removes = buttons(renderCard(plan.planWithItems)).filter((b) => b.title === 'Remove');
    expect(removes).toHaveLength(4);
    expect(removes[0]?.data).toEqual({ action: 'removeFromPlan', opportunityId: 'npq-leading-teacher-development' });
    const asking = renderCard(plan.planConfirmRemove);
    expect(texts(asking)).toContain('Remove "NPQ in Leading Teacher Development (NPQLTD)" from your plan?');
    expect(buttons(asking).slice(0, 2).map((button) => [button.title, button.data])).toEqual([
      ['Yes, remove it', { action: 'removeFromPlan', opportunityId: 'npq-leading-teacher-development', token: 'tok_remove_1' }],
      ['No, keep it', { action: 'runIntent', intent: 'myPlan' }],
    ]);
  });

  it('suggests "What next" when empty', () => {
    const card = renderCard(plan.planEmpty);
    expect(texts(card)).toContain('Your plan is empty for now');
    expect(buttons(card).map((button) => button.data)).toEqual([{ action: 'runIntent', intent: 'whatNext' }]);
  });
});

describe('cpdProgress card', () => {
  it('shows days against entitlement, a progress bar, recent entries and the new entry', () => {
    const text = texts(renderCard(cpd.cpdJustLogged));
    expect(text).toContain('Your CPD for 2026/27');
    expect(text).toContain('2.5 of 5 days');
    expect(text).toContain('●●●●●○○○○○  50%');
    expect(text).toContain('You are on track');
    expect(text).toContain('Logged: Trust phonics training');
    expect(text).toContain('0.5 days · 14 November 2026');
    expect(text).toContain('1 day · 3 March 2027');
  });

  it('handles none, behind, complete and fractional percentages', () => {
    expect(texts(renderCard(cpd.cpdNothingYet))).toContain('○○○○○○○○○○  0%');
    expect(texts(renderCard(cpd.cpdNothingYet))).toContain('Nothing logged yet');
    expect(texts(renderCard(cpd.cpdBehind))).toContain('a little behind');
    expect(texts(renderCard(cpd.cpdComplete))).toContain('●●●●●●●●●●  100%');
    expect(texts(renderCard(cpd.cpdComplete))).toContain('full entitlement');
    expect(texts(renderCard(cpd.cpdOddPercent))).toContain('●●●○○○○○○○  33%');
    expect(texts(renderCard(cpd.cpdNothingYet))).not.toContain('Logged:');
  });

  it('offers "Log CPD"', () => {
    expect(buttons(renderCard(cpd.cpdBehind)).map((button) => button.data)).toEqual([{ action: 'openLogCpd' }]);
  });
});

function inputs(card: unknown): Node[] {
  const found: Node[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
  });
  return found;
}

describe('logCpdForm card', () => {
  it('asks for title, days and date and submits logCpd', () => {
    const card = renderCard(cpd.logCpdFormBlank);
    expect(inputs(card).map((input) => [input.type, input.id, input.label])).toEqual([
      ['Input.Text', 'title', 'What did you do?'],
      ['Input.Number', 'days', 'How many days? (half days are fine)'],
      ['Input.Date', 'date', 'When? (leave blank for today)'],
    ]);
    expect(inputs(card).find((input) => input.id === 'title')?.isRequired).toBe(true);
    expect(inputs(card).find((input) => input.id === 'days')).not.toHaveProperty('value');
    expect(buttons(card).map((button) => [button.type, button.data])).toEqual([['Action.Submit', { action: 'logCpd' }]]);
    expect(nodesOfType(card, 'Container').filter((container) => container.style === 'attention')).toHaveLength(0);
  });

  it('prefills values and lists errors in the attention colour', () => {
    const card = renderCard(cpd.logCpdFormWithErrors);
    const values = Object.fromEntries(inputs(card).map((input) => [String(input.id), input.value] as const));
    expect(values).toEqual({ title: 'Coaching session with my mentor', days: 0.5, date: '2027-03-03' });
    const errors = nodesOfType(card, 'TextBlock').filter((block) => block.color === 'Attention');
    expect(errors.map((block) => block.text)).toEqual(cpd.logCpdFormWithErrors.errors);
  });

  it('submits what the schema expects when a client sends the inputs as strings', () => {
    expect(actionSchema.parse({ action: 'logCpd', title: 'Coaching', days: '0.5', date: '' })).toEqual({
      action: 'logCpd',
      title: 'Coaching',
      days: '0.5',
    });
  });
});

describe('onboarding card', () => {
  it('asks for email only when the platform did not give one', () => {
    const ids = (view: typeof onboarding.onboardingAskEmail) => inputs(renderCard(view)).map((input) => input.id);
    expect(ids(onboarding.onboardingAskEmail)).toEqual(['email', 'name', 'school', 'managerEmail', 'nextDiscussion']);
    expect(ids(onboarding.onboardingPrefilledWithErrors)).not.toContain('email');
  });

  it('asks for the pathway first, then offers only that pathway\'s stages', () => {
    const card = renderCard(onboarding.onboardingAskEmail);
    const toggles = nodesOfType(card, 'Action.ToggleVisibility');
    expect(toggles.map((toggle) => toggle.title)).toEqual(['Choose Teaching', 'Choose Teaching assistant', 'Choose Business operations']);
    // Choosing a pathway shows its stages and hides every other pathway's.
    expect(toggles[1]?.targetElements).toEqual([
      { elementId: 'stages-teaching', isVisible: false },
      { elementId: 'stages-teaching-assistant', isVisible: true },
      { elementId: 'stages-business-operations', isVisible: false },
    ]);
    const lists = nodesOfType(card, 'Container').filter((node) => typeof node.id === 'string' && String(node.id).startsWith('stages-'));
    expect(lists.map((list) => [list.id, list.isVisible])).toEqual([
      ['stages-teaching', false],
      ['stages-teaching-assistant', false],
      ['stages-business-operations', false],
    ]);
    const stageButtons = buttons(card).map((button) => button.data as Node).filter((data) => data.action === 'submitOnboarding');
    expect(stageButtons).toHaveLength(16);
    expect(stageButtons).toContainEqual({ action: 'submitOnboarding', pathway: 'teaching-assistant', stage: 'apprentice' });
    expect(stageButtons).toContainEqual({ action: 'submitOnboarding', pathway: 'business-operations', stage: 'apprentice' });
    expect(stageButtons[0]).toEqual({ action: 'submitOnboarding', pathway: 'teaching', stage: 'pre-itt' });
  });

  it('prefills values, shows errors, opens the current pathway and saves with its stage', () => {
    const view = onboarding.onboardingPrefilledWithErrors;
    const card = renderCard(view);
    const values = Object.fromEntries(inputs(card).map((input) => [String(input.id), input.value] as const));
    const { pathway: _pathway, stage: _stage, ...typed } = view.values;
    expect(values).toEqual(typed);
    expect(texts(card)).toContain(view.errors[0]);
    expect(texts(card)).toContain('Business operations (your pathway)');
    expect(texts(card)).toContain('Apprentice (current)');
    expect(inputs(card).find((input) => input.id === 'managerEmail')?.label).toBe("Your line manager's work email");
    const open = nodesOfType(card, 'Container').find((node) => node.id === 'stages-business-operations');
    expect(open?.isVisible).toBe(true);
    const save = buttons(card).find((button) => button.title === 'Save my profile');
    expect(save?.data).toEqual({ action: 'submitOnboarding', pathway: 'business-operations', stage: 'apprentice' });
  });
});

describe('account cards', () => {
  it('profile shows what it has and offers to update it', () => {
    const full = texts(renderCard(account.profileFull));
    expect(full).toContain('d.evans@oakfield.sch.uk');
    expect(full).toContain('20 April 2027');
    const minimal = renderCard(account.profileMinimal);
    expect(texts(minimal)).not.toContain('Line manager');
    expect(texts(minimal)).toContain('Add your line manager');
    expect(buttons(minimal).map((button) => button.data)).toContainEqual({ action: 'startOnboarding' });
  });

  it('myData lists each section and offers deletion', () => {
    const card = renderCard(account.myDataFull);
    expect(nodesOfType(card, 'FactSet')).toHaveLength(2);
    expect(texts(card)).toContain('Nothing stored.');
    const del = buttons(card).find((button) => button.title === 'Delete my data');
    expect(del?.data).toEqual({ action: 'runIntent', intent: 'deleteMyData' });
    expect(del?.style).toBe('destructive');
  });

  it('confirmDelete warns and offers a destructive confirm and a cancel', () => {
    const card = renderCard(account.confirmDelete);
    expect(texts(card)).toContain("It can't be undone");
    expect(buttons(card).map((button) => [button.data, button.style])).toEqual([
      [{ action: 'confirmDeleteData', token: 'tok_example_123' }, 'destructive'],
      [{ action: 'cancelDeleteData' }, undefined],
    ]);
  });
});

describe('general cards', () => {
  it('welcome greets known people by name and sends unknown people to onboarding', () => {
    const known = renderCard(general.welcomeKnown);
    expect(texts(known)).toContain('Hello Priya, welcome to NextStep');
    expect(texts(known)).toContain('I have you down as Early career teacher');
    expect(buttons(known).map((button) => button.data)).not.toContainEqual({ action: 'startOnboarding' });
    const unknown = renderCard(general.welcomeUnknown);
    expect(texts(unknown)).toContain('Hello, welcome to NextStep');
    expect(texts(unknown)).toContain('Oakfield Learning Trust');
    expect(buttons(unknown)[0]?.data).toEqual({ action: 'startOnboarding' });
    expect(texts(renderCard(general.welcomeKnownNoStage))).not.toContain('I have you down as');
  });

  it('help and clarify run each suggestion as an Action.Execute (no imBack, which the Playground drops)', () => {
    const card = renderCard(general.help);
    const helpButtons = buttons(card);
    expect(helpButtons.map((button) => [button.type, button.title, button.data])).toEqual(
      general.help.suggestions.map((suggestion) => ['Action.Execute', suggestion.label, { action: 'runIntent', intent: suggestion.intent }]),
    );
    expect(JSON.stringify(card)).not.toContain('imBack');
    const cpd = buttons(renderCard(general.help)).find((button) => button.title === 'CPD progress');
    expect(cpd?.data).toEqual({ action: 'runIntent', intent: 'cpdProgress' });
    expect(buttons(renderCard(general.clarify))).toHaveLength(3);
    expect(texts(renderCard(general.clarify))).toContain('can i do the thing with the other school');
    expect(buttons(renderCard(general.clarifyNoSuggestions))).toHaveLength(0);
  });

  it('notSetUp points people to their admin, and text is a single wrapped block', () => {
    expect(texts(renderCard(general.notSetUp))).toContain("contact your trust's NextStep admin");
    expect(renderCard(general.text).body).toEqual([{ type: 'TextBlock', text: general.text.text, wrap: true }]);
  });

  it('readingList links only items with a URL and has an empty state', () => {
    expect(nodesOfType(renderCard(general.readingList), 'Action.OpenUrl')).toHaveLength(1);
    expect(texts(renderCard(general.readingListEmpty))).toContain("There's no reading list for your stage yet");
  });
});
