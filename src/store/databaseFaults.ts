import { MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import type { StoreFaults } from '../core/conversation/turnFaults';
import { DatabaseUnavailableError } from '../errors';
import type { Database } from './database';

/** Driver errors that mean "the database is not answering", as opposed to a query it refused. */
const UNAVAILABLE_NAMES = new Set(['MongoPoolClearedError', 'MongoWaitQueueTimeoutError']);

/**
 * The one place driver failures of the "cannot reach the server" kind become a typed
 * DatabaseUnavailableError (server selection timed out, a connection dropped, timed out or was
 * interrupted because the server stopped answering heartbeats). Anything else comes back as it was.
 */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  const unavailable =
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    UNAVAILABLE_NAMES.has(error.name);
  return unavailable ? new DatabaseUnavailableError(undefined, { cause: error }) : undefined;
}

export const isDatabaseUnavailable = (error: unknown): boolean => asDatabaseUnavailable(error) !== undefined;

/** A turn slower than this makes the runner ping the database, which has this long to answer. */
const TURN_CHECK_AFTER_MS = 600;
const TURN_PING_MS = 700;

/** The turn runner's view of database faults: typed errors, and a ping bounded well under 2 s. */
export function storeFaults(database: Pick<Database, 'ping'>): StoreFaults {
  return {
    unavailable: asDatabaseUnavailable,
    reachable: () => database.ping(TURN_PING_MS),
    checkAfterMs: TURN_CHECK_AFTER_MS,
  };
}
