import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The HTTP status answered (200 unless a scripted answer said otherwise). */
  status: number;
}

/** A scripted answer: an HTTP status, headers and a body, e.g. 429 with Retry-After. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

/** Slack's answer when a method's rate limit is exceeded. */
export const rateLimited = (seconds: number): ScriptedAnswer => ({
  status: 429,
  headers: { 'Retry-After': String(seconds) },
  body: { ok: false, error: 'ratelimited' },
});

/** A Web API error answer, e.g. `account_inactive` (Slack answers HTTP 200 with ok: false). */
export const slackError = (error: string): ScriptedAnswer => ({ body: { ok: false, error } });

/**
 * A local stand-in for the Slack Web API (set as SLACK_API_URL): records every call and answers
 * auth.test, users.info, chat.postMessage/update, conversations.open/info, users.conversations and
 * views.open/publish. Posts to `responseUrl(...)` (a slash command's response_url) are recorded as
 * method `response`.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, { real_name: string; email?: string }>();
  /** The workspace the bot token belongs to (auth.test). */
  teamId = 'T1';
  /** Channels the bot is a member of, in order (users.conversations, conversations.info). */
  botChannels: { id: string; name: string }[] = [];
  /** Channels per users.conversations page; later pages are reached with the cursor Slack returns. */
  channelPageSize = 100;
  private server?: http.Server;
  /** Answers queued per method and target (the user opened, or the channel posted to). */
  private readonly scripts = new Map<string, ScriptedAnswer[]>();

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake Slack API not started');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const method = path.startsWith('/response/') ? 'response' : path.replace(/^\/api\//, '');
        const raw = Buffer.concat(chunks).toString('utf8');
        const args = (req.headers['content-type'] ?? '').includes('json')
          ? (JSON.parse(raw || '{}') as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(raw));
        const scripted = this.scripts.get(scriptKey(method, targetOf(args)))?.shift();
        const status = scripted?.status ?? 200;
        this.calls.push({ method, args, status });
        res.writeHead(status, { 'content-type': 'application/json', ...scripted?.headers });
        res.end(JSON.stringify(scripted?.body ?? this.answer(method, args)));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Queues answers for the next calls of `method` aimed at `target` (for conversations.open the
   * user, otherwise the channel); once they are used up the normal answer returns.
   */
  script(method: string, target: string, ...answers: ScriptedAnswer[]): void {
    const key = scriptKey(method, target);
    this.scripts.set(key, [...(this.scripts.get(key) ?? []), ...answers]);
  }

  posted(): Record<string, unknown>[] {
    return this.of('chat.postMessage');
  }

  /** Arguments of every call to one method, in order. */
  of(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** A response_url for a slash command that answers here. */
  responseUrl(id: string): string {
    return this.url.replace(/\/api\/$/, `/response/${id}`);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: this.teamId, user: 'nextstep' };
      case 'users.conversations': {
        const from = typeof args.cursor === 'string' ? Number(args.cursor.replace(/^page-/, '')) : 0;
        const channels = this.botChannels.slice(from, from + this.channelPageSize);
        const next = from + this.channelPageSize < this.botChannels.length ? `page-${from + this.channelPageSize}` : '';
        return { ok: true, channels: channels.map((c) => ({ ...c, is_channel: true, is_archived: false })), response_metadata: { next_cursor: next } };
      }
      case 'conversations.info': {
        const channel = this.botChannels.find((c) => c.id === args.channel);
        return channel ? { ok: true, channel: { ...channel, is_channel: true } } : { ok: false, error: 'channel_not_found' };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user
          ? { ok: true, user: { id: args.user, name: user.real_name, real_name: user.real_name, profile: { email: user.email } } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${Date.now() / 1000}` };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'conversations.open': {
        const user = args.users ?? args.user;
        return { ok: true, channel: { id: `D${typeof user === 'string' ? user : 'X'}` } };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      default:
        return { ok: true };
    }
  }
}

const scriptKey = (method: string, target: string) => `${method}\u0000${target}`;

function targetOf(args: Record<string, unknown>): string {
  const target = args.users ?? args.user ?? args.channel;
  return typeof target === 'string' ? target : '';
}
