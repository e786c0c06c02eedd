import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabaseError } from '../../errors';
import type { Logger } from '../../logging/logger';
import { paths } from '../../paths';
import { freePort, waitForPort } from './freePort';

export interface EmbeddedDatabase {
  uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder for the SQLite files; kept between runs. */
  dataDir: string;
  port?: number;
  logger?: Logger;
}

/** Builds FerretDB once if needed, printing the installer's progress to stderr. */
export function ensureFerretDbInstalled(logger?: Logger): string {
  if (existsSync(paths.ferretdbBinary)) return paths.ferretdbBinary;
  logger?.info('Building the embedded development database (FerretDB) for the first time; this takes a minute or two');
  const result = spawnSync('bash', [paths.ferretdbInstaller], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !existsSync(paths.ferretdbBinary)) {
    throw new EmbeddedDatabaseError(
      'Could not install the embedded development database. Install Go 1.22+ so FerretDB can be built ' +
        '(npm run db:install), or set MONGODB_URI to a MongoDB server.',
    );
  }
  return paths.ferretdbBinary;
}

/** Starts FerretDB with its SQLite backend on a loopback port. */
export async function startFerretDb(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const binary = ensureFerretDbInstalled(options.logger);
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const debugPort = await freePort();

  const child: ChildProcess = spawn(
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
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  try {
    await waitForPort(port, 20_000, () => !exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new EmbeddedDatabaseError(`The embedded database did not start: ${(error as Error).message}. ${stderr.trim()}`);
  }
  options.logger?.info({ port, dataDir }, 'embedded FerretDB started');

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
