import type { Collection, Db } from 'mongodb';
import type { Logger } from '../../logging/logger';

/** Remembers which Slack requests were already taken, so a replay or retry is acknowledged and not run twice. */
export interface SlackReplayGuard {
  /** True the first time a key is seen by any replica; false for every later attempt. */
  firstTime(key: string): Promise<boolean>;
}

/** Slack retries for about five minutes and stale timestamps are refused, so an hour is ample. */
const KEEP_MS = 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

interface SlackEventDoc {
  _id: string;
  at: Date;
}

/**
 * Replay log in the `slackEvents` collection. The claim is a unique insert on `_id`, which is
 * atomic across replicas (two conditional updates could both match; two inserts cannot). Old rows
 * are pruned now and then by this process, without relying on a TTL index.
 */
export class MongoSlackReplayLog implements SlackReplayGuard {
  private readonly events: Collection<SlackEventDoc>;
  private lastPrune = 0;

  constructor(
    db: Db,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.events = db.collection<SlackEventDoc>('slackEvents');
  }

  async firstTime(key: string): Promise<boolean> {
    this.pruneNowAndThen();
    try {
      await this.events.insertOne({ _id: key, at: new Date(this.now()) });
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 11000) return false;
      throw error;
    }
  }

  private pruneNowAndThen(): void {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.events.deleteMany({ at: { $lt: new Date(now - KEEP_MS) } }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not prune old Slack replay records');
    });
  }
}
