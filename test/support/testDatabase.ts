import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { openRepositories, type Repositories } from '../../src/store';

export interface TestDatabase {
  uri: string;
  name: string;
  db: Db;
  repos: Repositories;
  /** Drops the database and disconnects. */
  dispose(): Promise<void>;
}

export function testDatabaseUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global setup should have started a database');
  return uri;
}

/** A fresh, uniquely named database on the test server. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const uri = testDatabaseUri();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  const db = client.db(name);
  const repos = await openRepositories(db);
  return {
    uri,
    name,
    db,
    repos,
    dispose: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

export function uniqueDbName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}
