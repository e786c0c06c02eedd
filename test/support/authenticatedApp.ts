import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { FakeBotIdentity } from './fakeBotIdentity';
import { silentLogger } from './silentLogger';
import { recogniser, type TestApp } from './testApp';
import { testDatabaseUri, uniqueDbName } from './testDatabase';

export const TEST_APP_ID = '00000000-0000-0000-0000-0000000000b0';

/** Starts the bot with credentials, checking and obtaining tokens from a local identity stand-in. */
export async function startAuthenticatedApp(identity: FakeBotIdentity, logger = silentLogger()): Promise<TestApp> {
  const dbName = uniqueDbName();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: testDatabaseUri(),
    MONGODB_DB: dbName,
    LOG_LEVEL: 'silent',
    MICROSOFT_APP_ID: TEST_APP_ID,
    MICROSOFT_APP_PASSWORD: 'stand-in-secret',
  });
  config.teams.endpoints = identity.endpoints;
  const app = await startApp(config, logger, { host: '127.0.0.1', recogniser: await recogniser() });
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
