import type { DirectoryUploadRecord, DirectoryUploadStore } from '../../core/uploads/ports';
import type { Collections } from '../collections';
import { isDuplicateKey } from '../duplicateKey';

/** A staff file imported in chat, keyed `${orgId}:${uploadId}`. */
export interface DirectoryUploadDoc extends DirectoryUploadRecord {
  _id: string;
}

/** The single-use claim on an upload's deactivation, keyed like the upload. */
export interface DirectoryUploadClaimDoc {
  _id: string;
  orgId: string;
  at: Date;
}

const uploadKey = (orgId: string, uploadId: string) => `${orgId}:${uploadId}`;

function toRecord(doc: DirectoryUploadDoc): DirectoryUploadRecord {
  const { _id, ...record } = doc;
  return record;
}

/**
 * Staff files imported in chat, for their summary card's "deactivate the people not in this file"
 * button. Deactivating is claimed with a unique insert, not a conditional update: FerretDB 1.x can
 * let two concurrent conditional updates both match, so two admins pressing at once would both act.
 */
export class DirectoryUploadRepository implements DirectoryUploadStore {
  constructor(private readonly c: Pick<Collections, 'directoryUploads' | 'directoryUploadClaims'>) {}

  async save(record: DirectoryUploadRecord): Promise<void> {
    await this.c.directoryUploads.insertOne({ _id: uploadKey(record.orgId, record.uploadId), ...record });
  }

  async find(orgId: string, uploadId: string): Promise<DirectoryUploadRecord | null> {
    const doc = await this.c.directoryUploads.findOne({ _id: uploadKey(orgId, uploadId) });
    return doc ? toRecord(doc) : null;
  }

  async hasNewerThan(orgId: string, createdAt: Date): Promise<boolean> {
    return (await this.c.directoryUploads.findOne({ orgId, createdAt: { $gt: createdAt } }, { projection: { _id: 1 } })) !== null;
  }

  async claimDeactivation(orgId: string, uploadId: string, now: Date): Promise<boolean> {
    try {
      await this.c.directoryUploadClaims.insertOne({ _id: uploadKey(orgId, uploadId), orgId, at: now });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async deactivationClaimed(orgId: string, uploadId: string): Promise<boolean> {
    return (await this.c.directoryUploadClaims.findOne({ _id: uploadKey(orgId, uploadId) })) !== null;
  }

  async releaseDeactivation(orgId: string, uploadId: string): Promise<void> {
    await this.c.directoryUploadClaims.deleteOne({ _id: uploadKey(orgId, uploadId) });
  }

  async recordDeactivated(orgId: string, uploadId: string, count: number, at: Date): Promise<void> {
    await this.c.directoryUploads.updateOne({ _id: uploadKey(orgId, uploadId) }, { $set: { deactivated: { count, at } } });
  }

  async pruneExpired(orgId: string, now: Date): Promise<void> {
    const expired = await this.c.directoryUploads.find({ orgId, expiresAt: { $lte: now } }, { projection: { _id: 1 } }).toArray();
    if (expired.length === 0) return;
    const ids = expired.map((doc) => doc._id);
    await this.c.directoryUploads.deleteMany({ _id: { $in: ids } });
    await this.c.directoryUploadClaims.deleteMany({ _id: { $in: ids } });
  }

}
