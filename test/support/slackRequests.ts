import { createHmac } from 'node:crypto';

export const SLACK_SIGNING_SECRET = 'test-signing-secret';

/** Slack's request signature headers for a body, as Slack would send them. */
export function signed(body: string, secret = SLACK_SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}

let sequence = 0;

/** An Events API callback carrying one event. */
export function eventBody(event: Record<string, unknown>, team = 'T1'): string {
  return JSON.stringify({
    type: 'event_callback',
    team_id: team,
    api_app_id: 'A1',
    event_id: `Ev${++sequence}-${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** An interactivity payload (block_actions, view_submission), form-encoded as Slack posts it. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A slash command, form-encoded as Slack posts it. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({ token: 'legacy', api_app_id: 'A1', command: '/nextstep', ...fields }).toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export async function waitFor<T>(probe: () => T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the bot');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The blocks of a recorded Web API call (the client form-encodes them as JSON text). */
export function blocksOf(args: Record<string, unknown>): Record<string, unknown>[] {
  const blocks = typeof args.blocks === 'string' ? (JSON.parse(args.blocks) as unknown) : args.blocks;
  return Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : [];
}

export function viewOf(args: Record<string, unknown>): Record<string, unknown> {
  return (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as Record<string, unknown>;
}

/** Every button in some blocks, with its decoded value. */
export function buttonsIn(blocks: unknown): { text: string; actionId: string; value?: Record<string, unknown> }[] {
  const found: { text: string; actionId: string; value?: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'button') {
      const label = (record.text as { text?: unknown } | undefined)?.text;
      found.push({
        text: typeof label === 'string' ? label : '',
        actionId: String(record.action_id),
        ...(typeof record.value === 'string' ? { value: JSON.parse(record.value) as Record<string, unknown> } : {}),
      });
    }
    Object.values(record).forEach(walk);
  };
  walk(blocks);
  return found;
}
