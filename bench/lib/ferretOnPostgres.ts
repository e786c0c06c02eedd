import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paths } from '../../src/paths';
import { freePort, waitForPort } from '../../src/store/embedded/freePort';

export interface FerretOnPostgres {
  uri: string;
  postgresVersion: string;
  stop(): Promise<void>;
}

/** The newest local PostgreSQL server binaries (Debian layout), or PG_BIN. */
function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/**
 * A throwaway PostgreSQL cluster in a temporary folder (127.0.0.1 only, trust authentication) with
 * FerretDB in front of it (`--handler=postgresql`). PostgreSQL refuses to run as root, so as root
 * its commands run as the `postgres` user. Undefined when there is no PostgreSQL or FerretDB here.
 */
export async function startFerretOnPostgres(): Promise<FerretOnPostgres | undefined> {
  const bin = postgresBin();
  if (!bin || !existsSync(paths.ferretdbBinary)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]): void => {
    const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    const result = spawnSync(command, all, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const pgPort = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'ferret', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  run('pg_ctl', ['-D', data, '-o', `-h 127.0.0.1 -p ${pgPort} -k ${dir}`, '-l', path.join(dir, 'postgres.log'), '-w', 'start']);
  let ferret: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (ferret && ferret.exitCode === null) {
      ferret.kill('SIGTERM');
      await new Promise((resolve) => ferret?.once('exit', resolve));
    }
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('createdb', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'ferret', 'ferretdb']);
    const port = await freePort();
    ferret = spawn(
      paths.ferretdbBinary,
      [
        '--handler=postgresql',
        `--postgresql-url=postgres://ferret@127.0.0.1:${pgPort}/ferretdb`,
        `--listen-addr=127.0.0.1:${port}`,
        `--debug-addr=127.0.0.1:${await freePort()}`,
        `--state-dir=${dir}`,
        '--telemetry=disable',
        '--log-level=error',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await waitForPort(port, 20_000, () => ferret?.exitCode === null);
    const version = spawnSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
    return { uri: `mongodb://127.0.0.1:${port}/`, postgresVersion: version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
