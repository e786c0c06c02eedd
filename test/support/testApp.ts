import { loadConfig } from '../../src/config';
import { startApp, type RunningApp, type StartOptions } from '../../src/app';
import { createRecogniser, type Recogniser } from '../../src/core/nlu';
import { silentLogger } from './silentLogger';
import { testDatabaseUri, uniqueDbName } from './testDatabase';

let sharedRecogniser: Promise<Recogniser> | undefined;

/** One trained recogniser per test file: training is the slow part of start-up. */
export function recogniser(): Promise<Recogniser> {
  sharedRecogniser ??= createRecogniser();
  return sharedRecogniser;
}

export interface TestApp extends RunningApp {
  baseUrl: string;
  dbName: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Starts the whole bot on a free loopback port against a fresh database. */
export async function startTestApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestApp> {
  const dbName = uniqueDbName();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: testDatabaseUri(),
    MONGODB_DB: dbName,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await startApp(config, silentLogger(), { host: '127.0.0.1', recogniser: await recogniser(), ...options });
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    ...app,
    baseUrl,
    dbName,
    post: (path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
