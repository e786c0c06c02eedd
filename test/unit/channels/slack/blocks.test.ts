import type { View } from '../../../../src/core/conversation/views';
import { homeView, logCpdModal, onboardingModal, SLACK_LIMITS, viewToSlack } from '../../../../src/channels/slack/blocks';
import { viewFixtures } from '../../../fixtures/views';
import { onboardingAskEmail, onboardingPrefilledWithErrors } from '../../../fixtures/views/onboarding';

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (record: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  Object.values(node as Json).forEach((child) => walk(child, visit));
}

/** Every Slack limit a message's blocks must respect. */
function limitProblems(blocks: unknown[], maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  walk(blocks, (record) => {
    const text = (record.text as { text?: unknown } | undefined)?.text;
    if (record.type === 'section' && typeof text === 'string' && text.length > SLACK_LIMITS.sectionText) problems.push('long section');
    if (record.type === 'header' && typeof text === 'string' && text.length > SLACK_LIMITS.headerText) problems.push('long header');
    if (record.type === 'button') {
      if (typeof text !== 'string' || text.length === 0 || text.length > SLACK_LIMITS.buttonText) problems.push(`button text ${String(text)}`);
      if (typeof record.value === 'string' && record.value.length > SLACK_LIMITS.buttonValue) problems.push('long button value');
    }
    if (record.type === 'actions' && Array.isArray(record.elements)) {
      const ids = record.elements.map((e) => (e as Json).action_id);
      if (new Set(ids).size !== ids.length) problems.push('duplicate action ids in one block');
    }
  });
  return problems;
}

const buttonValues = (blocks: unknown) => {
  const values: Json[] = [];
  walk(blocks, (record) => {
    if (record.type === 'button' && typeof record.value === 'string') values.push(JSON.parse(record.value) as Json);
  });
  return values;
};

describe('Block Kit presenters', () => {
  it.each(Object.entries(viewFixtures))('%s renders within Slack limits with a fallback text', (_name, view) => {
    const message = viewToSlack(view);
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(limitProblems(message.blocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
  });

  it('keeps a very long what-next answer under 50 blocks without cutting an item in half', () => {
    const whatNext = Object.values(viewFixtures).find((v): v is Extract<View, { type: 'whatNext' }> => v.type === 'whatNext');
    if (!whatNext) throw new Error('fixture missing');
    const item = whatNext.entitlement[0] ?? whatNext.options[0]?.items[0];
    if (!item) throw new Error('fixture has no items');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...item, id: `item-${i}`, title: `Item ${i}`, summary: 'x'.repeat(5000) }));
    const big: View = { ...whatNext, entitlement: many, hasMore: true };
    const { blocks, text } = viewToSlack(big);
    expect(limitProblems(blocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(JSON.stringify(blocks)).toContain('more not shown here');
    // The paging and plan buttons survive the cut.
    expect(buttonValues(blocks).slice(-2)).toEqual([{ action: 'whatNextPage', page: whatNext.page + 1 }, { action: 'runIntent', intent: 'myPlan' }]);
  });

  it('gives opportunities save, interest and details buttons that carry core actions', () => {
    const whatNext = Object.values(viewFixtures).find((v) => v.type === 'whatNext');
    const values = buttonValues(viewToSlack(whatNext as View).blocks);
    expect(values.some((v) => v.action === 'saveOpportunity' && typeof v.opportunityId === 'string')).toBe(true);
    expect(values.some((v) => v.action === 'showOpportunity')).toBe(true);
  });

  it('makes "Save to plan" carry where it came from, so the list is redrawn showing the item saved', () => {
    const list = viewFixtures.opportunityListWithSaveActions as View;
    expect(buttonValues(viewToSlack(list).blocks)).toContainEqual({
      action: 'saveOpportunity',
      opportunityId: 'npq-leading-teacher-development',
      from: 'browse',
      page: 1,
      kind: 'qualification',
    });
  });

  it('shows a text view\'s link as a link button', () => {
    const blocks = viewToSlack(viewFixtures.textWithLink as View).blocks;
    const links: Json[] = [];
    walk(blocks, (record) => {
      if (record.type === 'button' && typeof record.url === 'string') links.push(record);
    });
    expect(links.map((link) => link.url)).toEqual([(viewFixtures.textWithLink as Extract<View, { type: 'text' }>).link?.url]);
  });

  it('gives plan items a status button for their next status', () => {
    const plan = Object.values(viewFixtures).find((v): v is Extract<View, { type: 'plan' }> => v.type === 'plan' && v.items.some((i) => i.nextStatus));
    if (!plan) throw new Error('fixture missing');
    const next = plan.items.find((i) => i.nextStatus);
    expect(buttonValues(viewToSlack(plan).blocks)).toContainEqual({
      action: 'setPlanStatus',
      opportunityId: next?.opportunity.id,
      status: next?.nextStatus,
    });
  });

  it('escapes mrkdwn control characters in text people wrote', () => {
    const { blocks } = viewToSlack({ type: 'text', text: 'a <!channel> & b' });
    expect(JSON.stringify(blocks)).toContain('a &lt;!channel&gt; &amp; b');
  });

  it('builds the onboarding modal with the email field only when asked, and errors on top', () => {
    const ask = onboardingModal(onboardingAskEmail);
    expect(ask.callback_id).toBe('nextstep:onboarding');
    expect(ask.blocks.some((b) => (b as { block_id?: string }).block_id === 'email')).toBe(true);
    const prefilled = onboardingModal(onboardingPrefilledWithErrors);
    expect(prefilled.blocks.some((b) => (b as { block_id?: string }).block_id === 'email')).toBe(false);
    expect(JSON.stringify(prefilled.blocks[0])).toContain(onboardingPrefilledWithErrors.errors[0] ?? '');
    expect(JSON.stringify(prefilled)).toContain('"initial_option"');
    expect(limitProblems(prefilled.blocks, SLACK_LIMITS.modalBlocks)).toEqual([]);
  });

  it('builds the CPD modal with title, days and date', () => {
    const modal = logCpdModal({ type: 'logCpdForm', values: { date: '2026-11-30' }, errors: [] });
    expect(modal.blocks.map((b) => (b as { block_id?: string }).block_id)).toEqual(['title', 'days', 'date']);
  });

  it('fits a home of many views into 100 blocks', () => {
    const views = Object.values(viewFixtures);
    const home = homeView([...views, ...views]);
    expect(home.type).toBe('home');
    expect(home.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.homeBlocks);
  });
});
