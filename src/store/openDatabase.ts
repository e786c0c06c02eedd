import type { AppConfig } from '../config';
import type { Logger } from '../logging/logger';
import { connectDatabase, type Database } from './database';
import { startFerretDb } from './embedded/ferretdb';

export interface OpenDatabase extends Database {}

/** Connects to MONGODB_URI, or starts the embedded development database when it is unset. */
export async function openDatabase(mongo: AppConfig['mongo'], logger: Logger): Promise<OpenDatabase> {
  if (mongo.uri) return connectDatabase(mongo.uri, mongo.dbName, logger);
  logger.info({ dataDir: mongo.devDbDir }, 'MONGODB_URI is not set: starting the embedded development database');
  const embedded = await startFerretDb({ dataDir: mongo.devDbDir, logger });
  try {
    const database = await connectDatabase(embedded.uri, mongo.dbName, logger);
    return {
      ...database,
      close: async () => {
        await database.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
