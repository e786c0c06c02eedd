import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../src/store/embedded/freePort';

export interface ColdStart {
  readyMs: number;
  idleRssMb: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
/** tsconfig.build.json compiles `src` (rootDir) into `dist`, so the entry is dist/index.js. */
export const BUILT_ENTRY = path.join(ROOT, 'dist', 'index.js');

/**
 * The node arguments of `npm run start:prod` (for example a V8 flag, then dist/index.js), so the
 * bench starts the compiled build exactly as production does.
 */
export function startProdArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const [command, ...args] = (pkg.scripts?.['start:prod'] ?? '').split(/\s+/).filter(Boolean);
  if (command !== 'node' || !args.includes('dist/index.js')) throw new Error('start:prod is not "node … dist/index.js"');
  return args.map((arg) => (arg === 'dist/index.js' ? BUILT_ENTRY : arg));
}

export function build(): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * Production with both channels configured. The credentials are placeholders and Slack's Web API
 * points at a closed local port, so Bolt's start-up check fails at once instead of going online.
 */
export const PRODUCTION_WITH_SLACK = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
  MICROSOFT_APP_PASSWORD: 'bench-placeholder',
  SLACK_BOT_TOKEN: 'xoxb-bench-placeholder',
  SLACK_SIGNING_SECRET: 'bench-placeholder',
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
};

/**
 * Starts the compiled build as `npm run start:prod` does, against `uri`, times spawn → first 200
 * from /readyz, then reads RSS after `idleMs`. By default as `npm start` runs it on a laptop
 * (development, Teams in local mode, no Slack); `env` adds or overrides variables.
 */
export async function measureColdStart(uri: string, dbName: string, idleMs = 5000, env: Record<string, string> = {}): Promise<ColdStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, startProdArgs(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', PORT: String(port), MONGODB_URI: uri, MONGODB_DB: dbName, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    let readyMs = NaN;
    while (Number.isNaN(readyMs)) {
      if (child.exitCode !== null) throw new Error(`the build exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('the build was not ready within 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) readyMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return { readyMs, idleRssMb: rssMb(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
