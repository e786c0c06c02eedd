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

export function build(): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Starts the compiled build against `uri`, times spawn → first 200 from /readyz, then reads RSS after `idleMs`. */
export async function measureColdStart(uri: string, dbName: string, idleMs = 5000): Promise<ColdStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [BUILT_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', PORT: String(port), MONGODB_URI: uri, MONGODB_DB: dbName, LOG_LEVEL: 'warn' },
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
