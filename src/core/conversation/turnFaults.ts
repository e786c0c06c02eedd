import type { DatabaseUnavailableError } from '../../errors';
import { waitAtMost } from '../../lib/waitAtMost';

/** How the turn runner tells "the database is down" from any other failure or a merely slow turn. */
export interface StoreFaults {
  /** The store's failure as a DatabaseUnavailableError, or undefined when the error is of another kind. */
  unavailable(error: unknown): DatabaseUnavailableError | undefined;
  /** Whether the store answers a ping promptly right now (false rather than throwing). */
  reachable(): Promise<boolean>;
  /** A turn still running after this long makes the runner ask `reachable` (and again each time it passes). */
  checkAfterMs: number;
}

export type TurnOutcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'stalled' };

/**
 * Waits for a turn, but when it is still running after `checkAfterMs` and the store does not answer
 * its ping, reports it `stalled`: a connection to a server that stopped answering hangs rather than
 * fails, and the person should hear back in a second or two, not when the driver gives up.
 */
export async function watchTurn(work: Promise<void>, faults: StoreFaults): Promise<TurnOutcome> {
  const settled: Promise<TurnOutcome> = work.then(
    () => ({ kind: 'done' }),
    (error: unknown) => ({ kind: 'failed', error }),
  );
  for (;;) {
    const outcome = await waitAtMost<TurnOutcome | undefined>(settled, faults.checkAfterMs, undefined);
    if (outcome) return outcome;
    const probe = await Promise.race([settled, faults.reachable().then((ok) => (ok ? 'reachable' : 'unreachable'))]);
    if (probe === 'unreachable') return { kind: 'stalled' };
    if (probe !== 'reachable') return probe;
  }
}
