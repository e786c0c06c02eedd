import restify, { type Request, type Response, type Server } from 'restify';
import { waitAtMost } from '../lib/waitAtMost';
import type { Logger } from '../logging/logger';

export const MAX_BODY_BYTES = 256 * 1024;

export type RouteHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpRoutes {
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

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body);
}

function readRawBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createHttpServer(routes: HttpRoutes, logger: Logger): HttpServer {
  const server = restify.createServer({ name: 'nextstep', handleUncaughtExceptions: false });
  let active = 0;
  let draining = false;

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

  server.get('/readyz', async (_req, res) => {
    const ready = !draining && (await routes.ready());
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: ready ? 'ok' : 'unreachable' });
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }),
    async (req: Request, res: Response) => {
      if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
        sendJson(res, 400, { code: 'BadRequest', message: 'Expected a Bot Framework activity as a JSON object.' });
        return;
      }
      const problem = routes.checkActivity?.(req.body);
      if (problem) {
        sendJson(res, 400, { code: 'BadRequest', message: `Not a valid activity: ${problem}` });
        return;
      }
      try {
        await routes.teams(req, res);
      } catch (error) {
        logger.error({ err: error }, 'Teams request failed');
        if (!res.headersSent) sendJson(res, 500, { code: 'InternalError', message: 'Something went wrong.' });
      }
    },
  );

  const slack = routes.slack;
  if (slack) {
    server.post('/slack/events', async (req: Request, res: Response) => {
      let raw: Buffer;
      try {
        raw = await readRawBody(req, MAX_BODY_BYTES);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 400;
        sendJson(res, status, { code: status === 413 ? 'PayloadTooLarge' : 'BadRequest', message: (error as Error).message });
        return;
      }
      try {
        await slack(req, res, raw);
      } catch (error) {
        logger.error({ err: error }, 'Slack request failed');
        if (!res.headersSent) sendJson(res, 500, { code: 'InternalError', message: 'Something went wrong.' });
      }
    });
  }

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    // Never leak stack traces: restify serialises the error's body only.
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
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + timeoutMs;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.server.closeIdleConnections?.();
      await waitAtMost(closed, deadline - Date.now(), undefined);
    },
    inFlight: () => active,
  };
}
