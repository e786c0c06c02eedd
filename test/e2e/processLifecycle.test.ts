import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../src/store/embedded/freePort';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

const ROOT = path.resolve(__dirname, '../..');

async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

describe('the nextstep process', () => {
  it('starts from the environment, serves health checks, and exits 0 on SIGTERM after closing down', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), MONGODB_URI: testDatabaseUri(), MONGODB_DB: uniqueDbName(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitForHealthy(`http://127.0.0.1:${port}/readyz`, 30_000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
      expect(output).toContain('"msg":"stopped"');
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to start with a bad configuration and says why, one line per variable', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port', TIMEZONE: 'Nowhere/Special', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\s+PORT: /m);
    expect(stderr).toMatch(/^\s+TIMEZONE: .*IANA/m);
  }, 60_000);
});
