import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabaseError } from '../../errors';
import type { Logger } from '../../logging/logger';
import { paths } from '../../paths';
import { freePort, waitForPort } from './freePort';
import type { EmbeddedDatabase, Progress } from './types';
import { spawnWatched } from './watchdog';

export type { EmbeddedDatabase } from './types';

export interface EmbeddedDatabaseOptions {
  /** Folder for the SQLite files; kept between runs. */
  dataDir: string;
  port?: number;
  logger?: Logger;
  /** Where the FerretDB binary is; `.tools/bin/ferretdb` unless told. */
  binary?: string;
}

export function ferretDbInstalled(binary = paths.ferretdbBinary): boolean {
  return existsSync(binary);
}

/**
 * Builds FerretDB from the Go module proxy with scripts/install-ferretdb.sh, passing its step lines
 * through and saying how long the silent compile step has been running.
 */
export function buildFerretDb(progress: Progress): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('bash', [paths.ferretdbInstaller], { stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) progress(`    ${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    const ticker = setInterval(() => {
      progress(`    still building FerretDB: ${Math.round((Date.now() - started) / 1000)} s so far (about 3 minutes on 2 cores the first time)`);
    }, 20_000);
    child.once('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.once('exit', (code) => {
      clearInterval(ticker);
      if (code === 0 && ferretDbInstalled()) resolve(paths.ferretdbBinary);
      else reject(new EmbeddedDatabaseError(`the FerretDB build stopped with exit code ${code ?? 'unknown'}`));
    });
  });
}

/** Starts FerretDB with its SQLite backend on a loopback port, watched so it never outlives us. */
export async function startFerretDb(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const binary = options.binary ?? paths.ferretdbBinary;
  if (!ferretDbInstalled(binary)) {
    throw new EmbeddedDatabaseError(`FerretDB is not installed at ${binary}: run npm run db:install (needs Go 1.22+)`);
  }
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const debugPort = await freePort();

  let stderr = '';
  const server = spawnWatched(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    (text) => {
      stderr = (stderr + text).slice(-4000);
    },
  );

  try {
    await waitForPort(port, 20_000, () => !server.hasExited());
  } catch (error) {
    await server.stop(0);
    throw new EmbeddedDatabaseError(`The embedded database did not start: ${(error as Error).message}. ${stderr.trim()}`);
  }
  const pid = await server.serverPid;
  options.logger?.info({ port, dataDir, dbPid: pid }, 'embedded FerretDB started');

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    engine: 'FerretDB (SQLite)',
    pid,
    stop: () => server.stop(),
  };
}
