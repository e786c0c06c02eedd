import type { Collections } from '../collections';

export interface LeaseDoc {
  _id: string;
  name: string;
  epoch: number;
  owner: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export interface Lease {
  name: string;
  epoch: number;
  owner: string;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * Named leases so that one replica at a time runs a job. Each holding is a new document
 * `name:epoch`, created with a unique insert — atomic on every supported server, where a
 * conditional update is not (FerretDB 1.x lets two concurrent ones both match). Taking over an
 * expired lease means inserting the next epoch, which only one contender can do; the previous holder
 * notices on its next renewal that a later epoch exists and stops.
 */
export class LeaseRepository {
  constructor(private readonly c: Pick<Collections, 'leases'>) {}

  async current(name: string): Promise<LeaseDoc | null> {
    const [latest] = await this.c.leases.find({ name }).sort({ epoch: -1 }).limit(1).toArray();
    return latest ?? null;
  }

  async acquire(name: string, owner: string, ttlMs: number, now = new Date()): Promise<Lease | undefined> {
    const latest = await this.current(name);
    if (latest && latest.expiresAt > now) return undefined;
    const epoch = (latest?.epoch ?? 0) + 1;
    try {
      await this.c.leases.insertOne({
        _id: `${name}:${epoch}`,
        name,
        epoch,
        owner,
        acquiredAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
    if (epoch > 10) await this.c.leases.deleteMany({ name, epoch: { $lt: epoch - 10 } });
    return { name, epoch, owner };
  }

  /** Extends the lease; false when it has been taken over (stop working). */
  async renew(lease: Lease, ttlMs: number, now = new Date()): Promise<boolean> {
    const successor = await this.c.leases.findOne({ _id: `${lease.name}:${lease.epoch + 1}` });
    if (successor) return false;
    const result = await this.c.leases.updateOne(
      { _id: `${lease.name}:${lease.epoch}`, owner: lease.owner },
      { $set: { expiresAt: new Date(now.getTime() + ttlMs) } },
    );
    return result.matchedCount === 1;
  }

  async release(lease: Lease, now = new Date()): Promise<void> {
    await this.c.leases.updateOne({ _id: `${lease.name}:${lease.epoch}`, owner: lease.owner }, { $set: { expiresAt: now } });
  }
}
