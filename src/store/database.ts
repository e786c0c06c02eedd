import { MongoClient, type Db } from 'mongodb';
import { DatabaseUnavailableError } from '../errors';
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

export async function connectDatabase(uri: string, dbName: string, logger: Logger): Promise<Database> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 10_000,
    appName: 'nextstep',
    maxPoolSize: 50,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot reach MongoDB at ${redactUri(uri)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db = client.db(dbName);
  logger.info({ uri: redactUri(uri), db: dbName }, 'connected to database');

  return {
    client,
    db,
    ping: (timeoutMs = 2_000) =>
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
