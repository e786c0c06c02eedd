import type { types } from '@slack/bolt';
import type { Action } from '../../../core/conversation/actions';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** Slack's published limits, checked by the renderers (and by their tests). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  modalBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 2000,
  contextElements: 10,
  actionElements: 25,
  optionText: 75,
  modalTitle: 24,
} as const;

/** Every button this app renders has an action id with this prefix; the listener matches on it. */
export const ACTION_PREFIX = 'nextstep:';

/** What a button sends back: a core action, or text as if the person had typed it (suggestions). */
export type ButtonPayload = Action | { say: string };

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true } };
}

export function section(markdown: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(markdown, SLACK_LIMITS.sectionText) } };
}

export function fields(pairs: { label: string; value: string }[]): KnownBlock[] {
  // A section holds at most 10 fields.
  const chunks: KnownBlock[] = [];
  for (let i = 0; i < pairs.length; i += 10) {
    chunks.push({
      type: 'section',
      fields: pairs.slice(i, i + 10).map(({ label, value }) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${escape(label)}*\n${escape(value)}`, 2000),
      })),
    });
  }
  return chunks;
}

export function context(...texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts.slice(0, SLACK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text: clip(text, SLACK_LIMITS.sectionText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(label: string, payload: ButtonPayload, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: ACTION_PREFIX,
    text: { type: 'plain_text', text: clip(label, SLACK_LIMITS.buttonText), emoji: true },
    value: JSON.stringify(payload),
    ...(style ? { style } : {}),
  };
}

export function linkButton(label: string, url: string): Button {
  return { type: 'button', action_id: `${ACTION_PREFIX}link`, text: { type: 'plain_text', text: clip(label, SLACK_LIMITS.buttonText) }, url };
}

/** An actions block; action ids are numbered so they are unique within it, as Slack requires. */
export function actions(...buttons: (Button | undefined | false)[]): KnownBlock[] {
  const present = buttons.filter((b): b is Button => Boolean(b)).slice(0, SLACK_LIMITS.actionElements);
  if (present.length === 0) return [];
  return [{ type: 'actions', elements: present.map((b, index) => ({ ...b, action_id: `${b.action_id}${index}` })) }];
}

/**
 * Fits a message into `max` blocks without cutting an item in half: whole groups are kept in
 * order until the budget is spent, and a note says how many were left out.
 */
export function pack(head: KnownBlock[], groups: KnownBlock[][], tail: KnownBlock[], max: number): KnownBlock[] {
  const blocks = [...head];
  let left = 0;
  for (const [index, group] of groups.entries()) {
    if (blocks.length + group.length + tail.length + 1 > max) {
      left = groups.length - index;
      break;
    }
    blocks.push(...group);
  }
  if (left > 0) blocks.push(context(`${left} more not shown here. Ask me again or open NextStep in Teams to see them all.`));
  return [...blocks, ...tail].slice(0, max);
}
