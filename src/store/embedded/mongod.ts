import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server-core';
import { DryMongoBinary } from 'mongodb-memory-server-core/lib/util/DryMongoBinary';
import MongoBinaryDownloadUrl from 'mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl';
import type { EmbeddedDatabase, Progress, Unavailable } from './types';

/** The mongod binary mongodb-memory-server has already downloaded (or MONGOMS_SYSTEM_BINARY), if any. */
export async function cachedMongodPath(): Promise<string | undefined> {
  return DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
}

/** The address mongodb-memory-server would download mongod from on this platform. */
export async function mongodDownloadUrl(): Promise<string> {
  const options = await DryMongoBinary.generateOptions();
  return new MongoBinaryDownloadUrl({
    platform: options.platform,
    arch: options.arch,
    version: options.version,
    os: options.os,
  }).getDownloadUrl();
}

/**
 * Checks that the download server answers at all before committing to a download: where it is
 * unreachable (offline machines, firewalls) this fails in seconds instead of minutes of retries.
 */
export async function mongodDownloadReachable(timeoutMs: number): Promise<true | Unavailable> {
  let url: string;
  try {
    url = await mongodDownloadUrl();
  } catch (error) {
    return { unavailable: `no mongod build for this platform (${(error as Error).message})` };
  }
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { unavailable: `${new URL(url).host} answered ${response.status} for ${url}` };
    return true;
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const cause = timedOut ? `no answer within ${timeoutMs / 1000} s` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    return { unavailable: `cannot reach ${new URL(url).host} to download mongod (${cause})` };
  }
}

/** Starts a real mongod through mongodb-memory-server, keeping its files in `dataDir`. */
export async function startMongod(dataDir: string, progress: Progress): Promise<EmbeddedDatabase> {
  const dbPath = path.resolve(dataDir);
  mkdirSync(dbPath, { recursive: true });
  progress(`    starting mongod with its files in ${dbPath}`);
  // mongodb-memory-server also starts a small watcher that stops mongod if this process dies.
  const server = await MongoMemoryServer.create({
    instance: { ip: '127.0.0.1', dbPath, storageEngine: 'wiredTiger' },
  });
  const info = server.instanceInfo;
  return {
    uri: server.getUri(),
    engine: 'mongod (mongodb-memory-server)',
    pid: info?.instance.mongodProcess?.pid,
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
