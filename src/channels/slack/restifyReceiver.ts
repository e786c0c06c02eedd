import { createHash } from 'node:crypto';
import { isValidSlackRequest, type App, type Receiver } from '@slack/bolt';
import type { Request, Response } from 'restify';
import { jsonNestingExceeds } from '../../lib/jsonDepth';
import { waitAtMost } from '../../lib/waitAtMost';
import type { Logger } from '../../logging/logger';
import { commandSchema, interactionSchema, jsonRequestSchema } from './requestSchema';
import type { SlackReplayGuard } from './slackReplayLog';

/** Slack's own rule: refuse requests whose timestamp is more than five minutes away, either way. */
const MAX_CLOCK_SKEW_S = 5 * 60;
const MAX_JSON_DEPTH = 64;
/** Slack wants an answer within 3 s; the replay check gets half of one. */
const REPLAY_CHECK_MS = 500;

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

class MalformedBody extends Error {}

function parseJsonObject(text: string): Record<string, unknown> {
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) throw new MalformedBody('too deep');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedBody('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedBody('not an object');
  return value as Record<string, unknown>;
}

/** Parses a signed body into what Bolt expects; anything else is a MalformedBody (400). */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) {
    const parsed = jsonRequestSchema.safeParse(parseJsonObject(raw));
    if (!parsed.success) throw new MalformedBody('not an Events API request');
    return parsed.data;
  }
  const form = new Map(new URLSearchParams(raw));
  const payload = form.get('payload');
  if (payload !== undefined) {
    // Interactivity posts a form with a single JSON `payload` field.
    const parsed = interactionSchema.safeParse(parseJsonObject(payload));
    if (!parsed.success) throw new MalformedBody('not an interaction payload');
    return parsed.data;
  }
  const parsed = commandSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new MalformedBody('not a slash command');
  return parsed.data;
}

/** The key a replay of this request would share: the event id, or for interactions and commands the body itself. */
function replayKey(body: Record<string, unknown>, raw: string): string {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') {
    return `event:${typeof body.team_id === 'string' ? body.team_id : '-'}:${body.event_id}`;
  }
  return `body:${createHash('sha256').update(raw).digest('hex')}`;
}

/**
 * Feeds Slack requests arriving on the restify server into Bolt. The raw body is needed for the
 * signature check, so it is read by the HTTP edge and handed over unparsed.
 */
export class RestifyReceiver implements Receiver {
  private app?: App;
  /** Events still being handled after Slack was answered (Bolt acknowledges before listeners finish). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
    private readonly replays: SlackReplayGuard,
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
    const timestamp = Number(header(req, 'x-slack-request-timestamp') ?? '');
    const skew = Math.abs(Date.now() / 1000 - timestamp);
    const valid =
      Number.isInteger(timestamp) &&
      skew <= MAX_CLOCK_SKEW_S &&
      isValidSlackRequest({
        signingSecret: this.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': header(req, 'x-slack-signature') ?? '', 'x-slack-request-timestamp': timestamp },
      });
    if (!valid) {
      this.logger.warn({ reason: Number.isInteger(timestamp) && skew > MAX_CLOCK_SKEW_S ? 'timestamp' : 'signature' }, 'refused a Slack request');
      send(res, 401, 'Unauthorized', 'Slack signature verification failed.');
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type') ?? '');
    } catch (error) {
      if (!(error instanceof MalformedBody)) throw error;
      send(res, 400, 'BadRequest', 'The body is not a Slack request this app understands.');
      return;
    }
    if (body.type === 'url_verification') {
      res.status(200);
      res.json({ challenge: body.challenge });
      return;
    }
    if (!this.app) throw new Error('Slack receiver used before Bolt initialised it');

    const key = replayKey(body, raw);
    if (!(await this.firstTime(key))) {
      this.logger.info({ retry: header(req, 'x-slack-retry-num') ?? null }, 'acknowledged a Slack request already taken');
      res.status(200);
      res.end();
      return;
    }
    await this.dispatch(req, res, body);
  }

  /**
   * The replay check, bounded: when the database cannot say within half a second, the request is taken
   * as new, so that Slack is answered in time and the person hears an apology rather than nothing
   * (a replay during an outage may then be answered twice, which beats silence).
   */
  private async firstTime(key: string): Promise<boolean> {
    const unknown = Symbol('unknown');
    const answer = await waitAtMost<boolean | typeof unknown>(
      this.replays.firstTime(key).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not check for a Slack replay; taking the request as new');
        return unknown;
      }),
      REPLAY_CHECK_MS,
      unknown,
    );
    return answer !== false;
  }

  private async dispatch(req: Request, res: Response, body: Record<string, unknown>): Promise<void> {
    const app = this.app;
    if (!app) return;
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
    const processing = app
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
