import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/store/embedded/freePort';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

const ROOT = path.resolve(__dirname, '../..');
const FERRETDB_BUILT = existsSync(path.join(ROOT, '.tools/bin/ferretdb'));
const STOP_BUDGET_MS = 10_000;

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const isReady = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/readyz`)
    .then((r) => r.ok)
    .catch(() => false);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers signal 0 until its parent reaps it; it no longer runs, so it counts as gone.
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)]).stdout.toString().trim();
  return state !== '' && !state.startsWith('Z');
}

function childPids(pid: number): number[] {
  return spawnSync('pgrep', ['-P', String(pid)])
    .stdout.toString()
    .split('\n')
    .filter(Boolean)
    .map(Number);
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}): Started {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Environment for a start with the embedded database: no MONGODB_URI, a throwaway data folder. */
function embeddedEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DEV_DB_DIR: path.join(dataDir, 'db'), LOG_LEVEL: 'info' };
  delete env.MONGODB_URI;
  return env;
}

function embeddedDbPid(output: string): number {
  const match = /"dbPid":(\d+)/.exec(output);
  if (!match) throw new Error(`no dbPid in the output:\n${output}`);
  return Number(match[1]);
}

function killQuietly(pid: number | undefined): void {
  if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
}

describe('the nextstep process', () => {
  it('starts from the environment, serves health checks, and exits 0 on SIGTERM after closing down', async () => {
    const port = await freePort();
    const app = start(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      ...process.env,
      PORT: String(port),
      MONGODB_URI: testDatabaseUri(),
      MONGODB_DB: uniqueDbName(),
      LOG_LEVEL: 'info',
    });
    try {
      await waitFor('readiness', isReady(port), 30_000);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain('shutting down');
      expect(app.output()).toContain('"msg":"stopped"');
    } finally {
      app.child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to start with a bad configuration and says why, one line per variable', async () => {
    const app = start(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      ...process.env,
      PORT: 'not-a-port',
      TIMEZONE: 'Nowhere/Special',
      NODE_ENV: 'development',
    });
    const code = await app.exited;
    expect(code).toBe(1);
    expect(app.output()).toMatch(/^\s+PORT: /m);
    expect(app.output()).toMatch(/^\s+TIMEZONE: .*IANA/m);
  }, 60_000);
});

const withEmbedded = FERRETDB_BUILT ? describe : describe.skip;

withEmbedded('stopping `npm start` with the embedded database', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-lifecycle-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Starts `npm start` in its own process group and returns npm's, the app's and the database's pids. */
  async function startNpm() {
    const port = await freePort();
    const npm = start('npm', ['start', '--silent'], embeddedEnv(port, dataDir), { detached: true });
    await waitFor('readiness', isReady(port), 60_000);
    const npmPid = npm.child.pid!;
    const [appPid] = childPids(npmPid);
    return { npm, npmPid, appPid: appPid!, dbPid: embeddedDbPid(npm.output()) };
  }

  it.each([
    ['SIGTERM to npm', 'npm', 'SIGTERM'],
    ['SIGINT to npm', 'npm', 'SIGINT'],
    ['SIGTERM to the process group', 'group', 'SIGTERM'],
    ['SIGTERM to the app process', 'app', 'SIGTERM'],
  ] as const)('%s stops npm, the app and the database', async (_name, target, signal) => {
    const { npmPid, appPid, dbPid } = await startNpm();
    try {
      expect([npmPid, appPid, dbPid].map(isAlive)).toEqual([true, true, true]);
      const pid = target === 'npm' ? npmPid : target === 'app' ? appPid : -npmPid;
      process.kill(pid, signal);
      await waitFor('every process to stop', () => ![npmPid, appPid, dbPid].some(isAlive), STOP_BUDGET_MS);
      expect([npmPid, appPid, dbPid].map(isAlive)).toEqual([false, false, false]);
    } finally {
      [npmPid, appPid, dbPid].forEach(killQuietly);
    }
  }, 90_000);

  it('kill -9 of the app does not leave the embedded database running', async () => {
    const { npmPid, appPid, dbPid } = await startNpm();
    try {
      process.kill(appPid, 'SIGKILL');
      await waitFor('the database to stop', () => !isAlive(dbPid), STOP_BUDGET_MS);
      expect(isAlive(dbPid)).toBe(false);
    } finally {
      [npmPid, appPid, dbPid].forEach(killQuietly);
    }
  }, 90_000);
});
