import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  replyToId?: string;
  /** When the connector accepted it (ms since the epoch, sub-millisecond). */
  at?: number;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

/** A canned answer to one send, instead of accepting it. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

/** A per-tenant rate limit the connector enforces with 429 and Retry-After, like the real service. */
export interface ConnectorRateLimit {
  perSecond: number;
  /** Sends a tenant may make back to back after a quiet spell (token-bucket capacity). */
  burst: number;
}

export interface Member {
  id: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A local stand-in for the Bot Connector service: records what the bot sends and answers member
 * lookups from a table the test controls.
 */
export class FakeBotConnector {
  readonly sent: RecordedActivity[] = [];
  readonly members = new Map<string, Member>();
  /** Sends refused with a scripted answer (429, 403, …), for counting. */
  readonly refused: { conversationId: string; status: number }[] = [];
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private readonly blocked = new Map<string, number>();
  private rateLimit?: ConnectorRateLimit;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private server?: http.Server;
  private counter = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('connector not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Activities sent to one conversation, in order. */
  to(conversationId: string): RecordedActivity['activity'][] {
    return this.sent.filter((s) => s.conversationId === conversationId).map((s) => s.activity);
  }

  clear(): void {
    this.sent.length = 0;
    this.refused.length = 0;
  }

  /** From now on each tenant may send `perSecond` messages a second (token bucket); beyond that, 429. */
  limitRate(limit: ConnectorRateLimit): void {
    this.rateLimit = limit;
    this.buckets.clear();
  }

  /** Milliseconds until this tenant may send again, or 0 if this send is within its limit (and taken). */
  private throttle(tenantId: string, now: number): number {
    const limit = this.rateLimit;
    if (!limit) return 0;
    const bucket = this.buckets.get(tenantId) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) * limit.perSecond) / 1000);
    bucket.at = now;
    this.buckets.set(tenantId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return ((1 - bucket.tokens) * 1000) / limit.perSecond;
  }

  /** The next sends to this conversation get these answers, in order; later ones succeed. */
  script(conversationId: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(conversationId, [...(this.scripts.get(conversationId) ?? []), ...answers]);
  }

  /** Every send to this conversation gets `status` (403: the person uninstalled or blocked the bot). */
  block(conversationId: string, status = 403): void {
    this.blocked.set(conversationId, status);
  }

  private scriptedAnswer(conversationId: string): ScriptedAnswer | undefined {
    const blocked = this.blocked.get(conversationId);
    if (blocked !== undefined) return { status: blocked };
    return this.scripts.get(conversationId)?.shift();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // v3/conversations/{id}/members/{userId}
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
        const member = this.members.get(parts[4]);
        res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(member ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
        return;
      }
      // v3/conversations/{id}/activities[/{replyToId}]
      if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities' && parts[2]) {
        const scripted = this.scriptedAnswer(parts[2]);
        if (scripted) {
          this.refused.push({ conversationId: parts[2], status: scripted.status });
          res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
          res.end(JSON.stringify({ error: { code: scripted.status === 429 ? 'TooManyRequests' : 'Forbidden', message: 'scripted answer' } }));
          return;
        }
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedActivity['activity'];
        const at = performance.timeOrigin + performance.now();
        const wait = this.throttle(tenantOf(activity), at);
        if (wait > 0) {
          this.refused.push({ conversationId: parts[2], status: 429 });
          // Retry-After is whole seconds, as HTTP defines it.
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'rate limit exceeded' } }));
          return;
        }
        this.sent.push({ conversationId: parts[2], ...(parts[4] ? { replyToId: parts[4] } : {}), activity, at });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${++this.counter}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } }));
    });
  }
}

function tenantOf(activity: RecordedActivity['activity']): string {
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof tenant === 'string' ? tenant : 'default';
}
