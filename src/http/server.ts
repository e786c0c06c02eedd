import restify, { type Request, type Response, type Server } from 'restify';
import { waitAtMost } from '../lib/waitAtMost';
import type { Logger } from '../logging/logger';
import { HttpError, refusals, sendError, sendInternalError } from './httpError';
import { decodeUtf8, isPlainObject, parseJsonText } from './jsonBody';
import { readBody } from './readBody';

export const MAX_BODY_BYTES = 256 * 1024;

export type RouteHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpRoutes {
  /** Receives the request with `req.body` already read, parsed and checked to be a JSON object. */
  teams: RouteHandler;
  /** Checks a Bot Framework body before the adapter sees it; returns a reason when it is malformed. */
  checkActivity?: (body: unknown) => string | undefined;
  /** Present only when Slack is configured. Receives the raw body (Bolt verifies the signature over it). */
  slack?: (req: Request, res: Response, rawBody: Buffer) => Promise<void>;
  ready: () => Promise<boolean>;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits (up to `timeoutMs`) for in-flight requests. */
  close(timeoutMs?: number): Promise<void>;
  inFlight(): number;
}

const TEAMS_BODY = { limit: MAX_BODY_BYTES, mediaTypes: ['application/json'] } as const;
const SLACK_BODY = { limit: MAX_BODY_BYTES, mediaTypes: ['application/json', 'application/x-www-form-urlencoded'] } as const;

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body);
}

/**
 * The restify server. No restify body parser is used anywhere: bodies are read by `readBody`
 * (no inflation, no multipart, hard size cap) and every refusal is JSON `{ code, message }`.
 */
export function createHttpServer(routes: HttpRoutes, logger: Logger): HttpServer {
  const server = restify.createServer({ name: 'nextstep', handleUncaughtExceptions: false });
  let active = 0;
  let draining = false;

  /** Runs a route so that nothing it throws escapes: HttpErrors become their answer, anything else a logged 500. */
  const guarded =
    (route: string, handler: RouteHandler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (error) {
        if (error instanceof HttpError) {
          sendError(res, error);
          return;
        }
        logger.error({ err: error, route }, 'request failed');
        sendInternalError(res);
      }
    };

  server.pre((req, res, next) => {
    if (draining) {
      res.header('Connection', 'close');
      sendJson(res, 503, { code: 'ShuttingDown', message: 'The server is restarting; please retry.' });
      return next(false);
    }
    active += 1;
    res.once('close', () => {
      active -= 1;
    });
    return next();
  });

  server.get('/healthz', (_req, res, next) => {
    sendJson(res, 200, { status: 'ok' });
    next();
  });

  server.get(
    '/readyz',
    guarded('readyz', async (_req, res) => {
      const ready = !draining && (await routes.ready().catch(() => false));
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: ready ? 'ok' : 'unreachable' });
    }),
  );

  server.post(
    '/api/messages',
    guarded('teams', async (req, res) => {
      const body = parseJsonText(decodeUtf8(await readBody(req, TEAMS_BODY)));
      if (!isPlainObject(body)) throw refusals.badRequest('Expected a Bot Framework activity as a JSON object.');
      const problem = routes.checkActivity?.(body);
      if (problem) throw refusals.badRequest(`Not a valid activity: ${problem}`);
      req.body = body;
      await routes.teams(req, res);
    }),
  );

  const slack = routes.slack;
  if (slack) {
    server.post(
      '/slack/events',
      guarded('slack', async (req, res) => {
        await slack(req, res, await readBody(req, SLACK_BODY));
      }),
    );
  }

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    // restify's own refusals (404, 405) are JSON already; log only what points at a fault.
    if ((error.statusCode ?? 500) >= 500) logger.error({ err: error, url: req.url }, 'request error');
    callback();
  });

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(address.port);
        });
      }),
    close: async (timeoutMs = 10_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      const deadline = Date.now() + timeoutMs;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.server.closeIdleConnections?.();
      await waitAtMost(closed, deadline - Date.now(), undefined);
    },
    inFlight: () => active,
  };
}
