import type { AppConfig } from '../config';
import type { Logger } from '../logging/logger';
import { connectDatabase, type Database } from './database';
import { startFirstAvailable } from './embedded/chooseEmbedded';
import { defaultEmbeddedOptions } from './embedded/defaultOptions';
import type { Progress } from './embedded/types';

export type OpenDatabase = Database;

/** Start-up progress goes straight to the terminal: it is for the person waiting, not the log. */
const printProgress: Progress = (line) => process.stderr.write(`[database] ${line}\n`);

/** Connects to MONGODB_URI, or starts the embedded development database when it is unset. */
export async function openDatabase(mongo: AppConfig['mongo'], logger: Logger, progress: Progress = printProgress): Promise<OpenDatabase> {
  if (mongo.uri) return connectDatabase(mongo.uri, mongo.dbName, logger);
  progress('MONGODB_URI is not set: starting an embedded development database');
  const embedded = await startFirstAvailable(defaultEmbeddedOptions({ dataDir: mongo.devDbDir, logger }), progress);
  logger.info({ engine: embedded.engine, dbPid: embedded.pid }, 'embedded development database started');
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
