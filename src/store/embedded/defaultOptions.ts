import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '../../logging/logger';
import { buildFerretDb, ferretDbInstalled, startFerretDb } from './ferretdb';
import type { EmbeddedOption } from './types';

export interface DefaultOptionsSettings {
  /** FerretDB's SQLite folder (DEV_DB_DIR); mongod keeps its files in a sibling `mongod` folder. */
  dataDir: string;
  logger?: Logger;
  /** How long to wait for the mongod download server before moving on. */
  downloadCheckMs?: number;
}

/** Loaded only when needed: production (MONGODB_URI set) never pays for mongodb-memory-server. */
const mongod = () => import('./mongod');

function goInstalled(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The order NextStep tries when MONGODB_URI is unset: what is already on this machine first (no
 * network, starts in a second), then a mongod download, then a FerretDB build with Go.
 */
export function defaultEmbeddedOptions(settings: DefaultOptionsSettings): EmbeddedOption[] {
  const { dataDir, logger } = settings;
  const mongodDir = path.join(path.dirname(path.resolve(dataDir)), 'mongod');
  return [
    {
      label: 'FerretDB already built in .tools/',
      start: async () =>
        ferretDbInstalled() ? startFerretDb({ dataDir, logger }) : { unavailable: 'not built yet (.tools/bin/ferretdb is missing)' },
    },
    {
      label: 'mongod already downloaded by mongodb-memory-server',
      start: async (progress) => {
        const { cachedMongodPath, startMongod } = await mongod();
        return (await cachedMongodPath()) ? startMongod(mongodDir, progress) : { unavailable: 'no mongod in the cache' };
      },
    },
    {
      label: 'mongod downloaded by mongodb-memory-server (about 100 MB, once)',
      start: async (progress) => {
        const { mongodDownloadReachable, startMongod } = await mongod();
        const reachable = await mongodDownloadReachable(settings.downloadCheckMs ?? 4_000);
        if (reachable !== true) return reachable;
        progress('    downloading mongod; the progress is shown below');
        return startMongod(mongodDir, progress);
      },
    },
    {
      label: 'FerretDB built from the Go module proxy (about 3 minutes on 2 cores, once)',
      start: async (progress) => {
        if (!goInstalled()) return { unavailable: 'Go is not installed' };
        await buildFerretDb(progress);
        return startFerretDb({ dataDir, logger });
      },
    },
  ];
}
