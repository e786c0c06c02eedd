import { isValidSlackRequest, type App, type Receiver } from '@slack/bolt';
import type { Request, Response } from 'restify';
import { waitAtMost } from '../../lib/waitAtMost';
import type { Logger } from '../../logging/logger';

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  // Interactivity posts a form with a single JSON `payload` field.
  return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
}

/**
 * Feeds Slack requests arriving on the restify server into Bolt. The raw body is needed for the
 * signature check, so restify's body parser is not used on this route.
 */
export class RestifyReceiver implements Receiver {
  private app?: App;
  /** Events still being handled after Slack was answered (Bolt acknowledges before listeners finish). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  /** Waits for events still in progress, so shutdown does not cut a turn off mid-way. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await waitAtMost(Promise.allSettled([...this.pending]), timeoutMs, []);
  }

  async handle(req: Request, res: Response, rawBody: Buffer): Promise<void> {
    const raw = rawBody.toString('utf8');
    const valid = isValidSlackRequest({
      signingSecret: this.signingSecret,
      body: raw,
      headers: {
        'x-slack-signature': header(req, 'x-slack-signature') ?? '',
        'x-slack-request-timestamp': Number(header(req, 'x-slack-request-timestamp') ?? 0),
      },
    });
    if (!valid) {
      res.status(401);
      res.json({ code: 'Unauthorized', message: 'Slack signature verification failed.' });
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type') ?? '');
    } catch {
      res.status(400);
      res.json({ code: 'BadRequest', message: 'Body is not valid JSON or form data.' });
      return;
    }
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      res.status(200);
      res.json({ challenge: body.challenge });
      return;
    }
    if (!this.app) throw new Error('Slack receiver used before Bolt initialised it');

    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      res.status(200);
      if (response === undefined || response === '') res.end();
      else if (typeof response === 'string') res.send(response);
      else res.json(response);
    };
    const retry = header(req, 'x-slack-retry-num');
    const processing = this.app
      .processEvent({
        body,
        ack,
        ...(retry ? { retryNum: Number(retry), retryReason: header(req, 'x-slack-retry-reason') } : {}),
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'Slack event handling failed'));
    this.pending.add(processing);
    try {
      await processing;
    } finally {
      this.pending.delete(processing);
    }
    if (!acked) await ack();
  }
}
