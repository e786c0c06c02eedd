import { MongoClient, type Db } from 'mongodb';
import { DatabaseUnavailableError } from '../errors';
import { isDatabaseUnavailable } from './databaseFaults';
import { waitAtMost } from '../lib/waitAtMost';
import type { Logger } from '../logging/logger';
import { redactUri } from '../logging/logger';

export interface Database {
  client: MongoClient;
  db: Db;
  /** Resolves true when the server answers a ping within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Driver settings for a bot that answers people. The defaults would make a turn hang for 30 s (or,
 * on a connection to a server that stopped answering, for ever); these make an outage show within
 * seconds and recovery within about one heartbeat:
 * - an operation waits at most 2 s for a usable server (or 2 s for a pooled connection);
 * - the monitor checks the server every second and gives a check 2 s; a failed check clears the
 *   pool and interrupts operations stuck on its connections;
 * - 30 s bounds any single socket read, far above the slowest legitimate query (CLI imports).
 * A person is answered sooner still: the turn runner apologises when the database stops
 * answering its ping (see src/core/conversation/turnFaults.ts).
 */
export const DRIVER_OPTIONS = {
  appName: 'nextstep',
  maxPoolSize: 50,
  serverSelectionTimeoutMS: 2_000,
  waitQueueTimeoutMS: 2_000,
  connectTimeoutMS: 2_000,
  socketTimeoutMS: 30_000,
  heartbeatFrequencyMS: 1_000,
} as const;

/** How long start-up keeps trying to reach the database before giving up. */
const STARTUP_BUDGET_MS = 10_000;

/** A short ping, for /readyz and for telling a slow turn from a database that is down. */
export const PING_TIMEOUT_MS = 1_000;

export async function connectDatabase(uri: string, dbName: string, logger: Logger): Promise<Database> {
  const client = new MongoClient(uri, DRIVER_OPTIONS);
  const deadline = Date.now() + STARTUP_BUDGET_MS;
  for (;;) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (isDatabaseUnavailable(error) && Date.now() < deadline) {
        logger.warn({ err: error }, 'database not reachable yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      await client.close().catch(() => undefined);
      throw new DatabaseUnavailableError(`Cannot reach MongoDB at ${redactUri(uri)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const db = client.db(dbName);
  logger.info({ uri: redactUri(uri), db: dbName }, 'connected to database');

  return {
    client,
    db,
    ping: (timeoutMs = PING_TIMEOUT_MS) =>
      waitAtMost(
        db
          .command({ ping: 1 })
          .then(() => true)
          .catch(() => false),
        timeoutMs,
        false,
      ),
    close: () => client.close(),
  };
}
