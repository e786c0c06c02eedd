import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  replyToId?: string;
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
        this.sent.push({ conversationId: parts[2], ...(parts[4] ? { replyToId: parts[4] } : {}), activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${++this.counter}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } }));
    });
  }
}
