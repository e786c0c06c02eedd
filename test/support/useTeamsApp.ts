import { FakeBotConnector } from './fakeBotConnector';
import { startTestApp, type TestApp } from './testApp';

export interface TeamsAppHandle {
  connector: FakeBotConnector;
  /** The running app; available inside tests (started in beforeAll). */
  readonly app: TestApp;
}

/** Starts the bot and a stand-in Bot Connector for the enclosing describe block. */
export function useTeamsApp(env: Record<string, string> = {}): TeamsAppHandle {
  const connector = new FakeBotConnector();
  let app: TestApp | undefined;

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp(env);
  });

  afterAll(async () => {
    await app?.stop();
    await connector.stop();
  });

  return {
    connector,
    get app() {
      if (!app) throw new Error('the app starts in beforeAll');
      return app;
    },
  };
}
