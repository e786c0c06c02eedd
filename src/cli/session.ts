import { loadConfig, loadDotEnvFile, type AppConfig } from '../config';
import { ensureDefaultOrganisation } from '../core/careerMap/seedOrganisation';
import { createLogger, type Logger } from '../logging/logger';
import { openDatabase, type OpenDatabase } from '../store/openDatabase';
import { openRepositories, type Repositories } from '../store';

export interface CliSession {
  config: AppConfig;
  logger: Logger;
  repos: Repositories;
  close(): Promise<void>;
}

/** Opens the database named by MONGODB_URI (or the embedded development one) for one command. */
export async function openCliSession(): Promise<CliSession> {
  loadDotEnvFile();
  const config = loadConfig();
  // Logs go to stderr so that JSON on stdout stays machine-readable.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const database: OpenDatabase = await openDatabase(config.mongo, logger);
  const repos = await openRepositories(database.db);
  await ensureDefaultOrganisation(repos);
  return { config, logger, repos, close: () => database.close() };
}

export async function withSession<T>(work: (session: CliSession) => Promise<T>): Promise<T> {
  const session = await openCliSession();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
