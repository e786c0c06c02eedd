import { MongoClient, type Db } from 'mongodb';
import { DatabaseUnavailableError } from '../errors';
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
    async ping(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const ping = db
        .command({ ping: 1 })
        .then(() => true)
        .catch(() => false);
      const answered = await Promise.race([ping, timeout]);
      clearTimeout(timer);
      return answered;
    },
    close: () => client.close(),
  };
}
