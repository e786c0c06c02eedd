import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDb, type EmbeddedDatabase } from '../../src/store/embedded/ferretdb';

declare global {
  var __NEXTSTEP_TEST_DB__: EmbeddedDatabase | undefined;
}

/**
 * Tests run against a real MongoDB-protocol server: MONGODB_URI when given (CI starts FerretDB),
 * otherwise a throwaway FerretDB started here.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-test-db-'));
  const db = await startFerretDb({ dataDir });
  globalThis.__NEXTSTEP_TEST_DB__ = db;
  process.env.MONGODB_URI = db.uri;
}
