import { actionSchema } from '../../../src/core/conversation/actions';
import { renderCard } from '../../../src/channels/teams/cards/renderCard';
import { admin } from '../../fixtures/views';

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
  else if (typeof value === 'object' && value !== null) {
    visit(value as Node);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}

/** Buttons that reach the bot, without the generated fallbacks. */
function buttons(card: unknown): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown, isFallback: boolean): void => {
    if (Array.isArray(value)) value.forEach((child) => visit(child, isFallback));
    else if (typeof value === 'object' && value !== null) {
      const node = value as Node;
      if (!isFallback && (node.type === 'Action.Execute' || node.type === 'Action.Submit')) found.push(node);
      for (const [key, child] of Object.entries(node)) visit(child, key === 'fallback');
    }
  };
  visit(card, false);
  return found;
}

function inputs(card: unknown): Node[] {
  const found: Node[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
  });
  return found;
}

function texts(card: unknown): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value']) if (typeof node[key] === 'string') parts.push(node[key]);
  });
  return parts.join('\n');
}

describe('opportunity form card', () => {
  it('asks for every import field, the required ones marked required', () => {
    const card = renderCard(admin.opportunityFormBlank);
    const fields = inputs(card).map((input) => [input.id, input.isRequired === true]);
    expect(fields).toEqual([
      ['id', true],
      ['title', true],
      ['summary', true],
      ['pathways', true],
      ['stages', true],
      ['scope', true],
      ['kind', true],
      ['entitlement', true],
      ['provider', false],
      ['url', false],
      ['closes', false],
      ['tags', false],
    ]);
    const multi = inputs(card).filter((input) => input.isMultiSelect === true).map((input) => input.id);
    expect(multi).toEqual(['pathways', 'stages']);
    expect(buttons(card).map((button) => [button.type, button.title, button.data])).toEqual([
      ['Action.Submit', 'Add it', { action: 'saveOpportunityForm' }],
    ]);
  });

  it('shows errors in the attention colour and keeps what was typed', () => {
    const card = renderCard(admin.opportunityFormWithErrors);
    const errors: string[] = [];
    walk(card, (node) => {
      if (node.type === 'TextBlock' && node.color === 'Attention') errors.push(String(node.text));
    });
    expect(errors).toEqual(admin.opportunityFormWithErrors.errors);
    const values = Object.fromEntries(inputs(card).map((input) => [String(input.id), input.value] as const));
    expect(values).toMatchObject({ id: 'Phonics Lead', pathways: 'teaching,teaching-assistant', stages: 'ect,hlta', scope: 'trust', kind: '' });
  });

  it('in edit mode shows the id without an input for it and sends it back as "editing"', () => {
    const card = renderCard(admin.opportunityFormEdit);
    expect(inputs(card).map((input) => input.id)).not.toContain('id');
    expect(texts(card)).toContain('Edit an opportunity');
    expect(texts(card)).toContain('phonics-lead-shadowing');
    const submit = buttons(card);
    expect(submit.map((button) => button.data)).toEqual([{ action: 'saveOpportunityForm', editing: 'phonics-lead-shadowing' }]);
    const parsed = actionSchema.parse({ ...(submit[0]?.data as Node), title: 'New title', closes: '' });
    expect(parsed).toEqual({ action: 'saveOpportunityForm', editing: 'phonics-lead-shadowing', title: 'New title' });
  });
});

describe('admin list card', () => {
  it('offers "Remove admin role" only for stored grants', () => {
    const card = renderCard(admin.adminListMixed);
    expect(buttons(card).map((button) => [button.data, button.style])).toEqual([
      [{ action: 'revokeAdmin', email: 'cpd.lead@oakfield.sch.uk' }, 'destructive'],
    ]);
    expect(texts(card)).toContain('Named in the ADMIN_EMAILS setting');
  });
});

describe('latest opportunities card', () => {
  it('gives admins Edit and Add buttons, and staff neither', () => {
    const forAdmin = buttons(renderCard(admin.latestForAdmin)).map((button) => button.data);
    expect(forAdmin).toContainEqual({ action: 'editOpportunity', opportunityId: 'phonics-lead-shadowing' });
    expect(forAdmin).toContainEqual({ action: 'openOpportunityForm' });
    const forStaff = buttons(renderCard(admin.latestForStaff)).map((button) => (button.data as Node).action);
    expect(forStaff).toEqual(['showOpportunity', 'showOpportunity']);
  });

  it('shows the added and closing dates, and an empty state', () => {
    expect(texts(renderCard(admin.latestForAdmin))).toContain('Shadowing · Across the trust · Added 3 December 2026 · Closes 31 March 2027');
    expect(texts(renderCard(admin.latestEmpty))).toContain('Nothing has been added yet');
  });
});
