import { expect } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createLogger } from '../../src/logging/logger';
import { messageActivity } from '../support/activities';
import { startAuthenticatedApp, TEST_APP_ID } from '../support/authenticatedApp';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { FakeBotIdentity } from '../support/fakeBotIdentity';
import type { TestApp } from '../support/testApp';

describe('Bot Framework authentication against a local OpenID / JWKS stand-in', () => {
  const identity = new FakeBotIdentity();
  const connector = new FakeBotConnector();
  const logLines: string[] = [];
  let app: TestApp;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    await identity.start();
    await connector.start();
    const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });
    app = await startAuthenticatedApp(identity, logger);
  });

  afterAll(async () => {
    await app.stop();
    await connector.stop();
    await identity.stop();
  });

  beforeEach(() => {
    logLines.length = 0;
    consoleError = jest.spyOn(console, 'error');
  });

  afterEach(() => consoleError.mockRestore());

  const person = (conversationId: string) => ({ serviceUrl: connector.url, conversationId, userId: `user-${conversationId}` });

  it('accepts a correctly signed token and runs the turn, replying through the connector', async () => {
    connector.members.set('user-auth-ok', { id: 'user-auth-ok', name: 'Ada', email: 'ada@school.org' });
    const token = identity.token(TEST_APP_ID, connector.url);
    const response = await app.post('/api/messages', messageActivity(person('auth-ok'), 'hi'), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(JSON.stringify(connector.to('auth-ok'))).toMatch(/welcome to NextStep/i);
    expect(identity.hits.get('/keys')).toBeGreaterThanOrEqual(1);
    expect(identity.hits.get('/token')).toBeGreaterThanOrEqual(1);
  });

  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const now = Math.floor(Date.now() / 1000);
  const forged: [string, () => string][] = [
    ['no token at all', () => ''],
    ['a scheme other than Bearer', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['garbage', () => 'Bearer not.a.jwt'],
    ['alg=none', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { mode: 'none' })}`],
    ['HS256 keyed with the public key', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { mode: 'hs256-public' })}`],
    ['a signature from another key', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { key: otherKey })}`],
    ['an unknown key id', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { header: { kid: 'nope' } })}`],
    ['an expired token', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { claims: { exp: now - 3600, nbf: now - 7200 } })}`],
    ['a token not yet valid', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { claims: { nbf: now + 3600 } })}`],
    ['another audience', () => `Bearer ${identity.token('someone-else', connector.url)}`],
    ['another issuer', () => `Bearer ${identity.token(TEST_APP_ID, connector.url, { claims: { iss: 'https://evil.example' } })}`],
    ['another service URL', () => `Bearer ${identity.token(TEST_APP_ID, 'https://elsewhere.example/')}`],
    [
      'an altered payload',
      () => {
        const [h, , s] = identity.token(TEST_APP_ID, connector.url).split('.');
        const payload = Buffer.from(JSON.stringify({ iss: 'https://api.botframework.test', aud: TEST_APP_ID, serviceurl: connector.url, exp: now + 99999 })).toString('base64url');
        return `Bearer ${h}.${payload}.${s}`;
      },
    ],
  ];

  it.each(forged)('refuses %s with a 401, a short JSON body and one warn line without stack, key or token', async (_name, authorization) => {
    const header = authorization();
    const response = await app.post('/api/messages', messageActivity(person('auth-bad'), 'hi'), header ? { authorization: header } : {});
    expect(response.status).toBe(401);
    const body = (await response.json()) as { code: string; message: string };
    expect(body).toEqual({ code: 'Unauthorized', message: expect.any(String) });
    expect(body.message.length).toBeLessThan(100);

    expect(logLines).toHaveLength(1);
    const line = JSON.parse(logLines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 40, msg: 'refused a Bot Framework request', reason: expect.any(String) });
    expect(logLines[0]).not.toMatch(/stack|BEGIN|PUBLIC KEY|eyJ|"n":/);
    expect(consoleError).not.toHaveBeenCalled();
    expect(connector.to('auth-bad')).toEqual([]);
  });
});

describe('production without credentials', () => {
  it('refuses to start and names the missing variables', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../..');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0' };
    delete env.MICROSOFT_APP_ID;
    delete env.MICROSOFT_APP_PASSWORD;
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/MICROSOFT_APP_ID: is required in production/);
  }, 60_000);
});
