import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackTransport } from '../../../src/channels/slack/slackTransport';
import { DeliveryError } from '../../../src/delivery/types';
import { silentLogger } from '../../support/silentLogger';

/** A minimal Slack Web API that answers from a table and records calls. */
async function slackStandIn(answers: Record<string, (args: URLSearchParams) => { status?: number; headers?: Record<string, string>; body: unknown }>) {
  const calls: { method: string; args: URLSearchParams }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const args = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      calls.push({ method, args });
      const answer = answers[method]?.(args) ?? { body: { ok: true } };
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return { calls, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const address = (target: string) => ({ channel: 'slack' as const, workspaceId: 'T1', target });

describe('Slack transport', () => {
  it('opens a direct message once per person and posts the view there', async () => {
    const api = await slackStandIn({
      'conversations.open': () => ({ body: { ok: true, channel: { id: 'D123' } } }),
      'chat.postMessage': () => ({ body: { ok: true, ts: '1.0' } }),
    });
    try {
      const transport = createSlackTransport({ botToken: 'xoxb-test', signingSecret: 's', apiUrl: api.url }, silentLogger());
      await transport.send(address('U42'), { type: 'text', text: 'Your careers discussion is in 14 days' });
      await transport.send(address('U42'), { type: 'text', text: 'again' });
      expect(api.calls.map((call) => call.method)).toEqual(['conversations.open', 'chat.postMessage', 'chat.postMessage']);
      expect(api.calls[1]?.args.get('channel')).toBe('D123');
      expect(api.calls[1]?.args.get('text')).toBe('Your careers discussion is in 14 days');
    } finally {
      await api.close();
    }
  });

  it('reports a person who left as permanent and a 429 with its Retry-After, without retrying itself', async () => {
    const api = await slackStandIn({
      'conversations.open': (args) =>
        args.get('users') === 'UGONE' ? { body: { ok: false, error: 'user_not_found' } } : { body: { ok: true, channel: { id: 'D9' } } },
      'chat.postMessage': () => ({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }),
    });
    try {
      const transport = createSlackTransport({ botToken: 'xoxb-test', signingSecret: 's', apiUrl: api.url }, silentLogger());
      const gone = await transport.send(address('UGONE'), { type: 'text', text: 'hi' }).catch((error: unknown) => error);
      expect(gone).toBeInstanceOf(DeliveryError);
      expect(gone).toMatchObject({ kind: 'permanent', message: 'Slack answered user_not_found' });
      const limited = await transport.send(address('U1'), { type: 'text', text: 'hi' }).catch((error: unknown) => error);
      expect(limited).toMatchObject({ kind: 'rateLimited', retryAfterMs: 7000 });
      expect(api.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
