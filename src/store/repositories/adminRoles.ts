import type { AdminGrant, AdminRoleStore } from '../../core/admin/ports';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Collections } from '../collections';
import type { AdminRoleDoc } from '../documents';

const roleKey = (orgId: string, email: string) => `${orgId}:${normaliseEmail(email)}`;
const lockKey = (orgId: string) => `${orgId}:admin-changes`;
/** A lock older than this was left by a process that died mid-change. */
const STALE_LOCK_MS = 30_000;

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

function toGrant(doc: AdminRoleDoc): AdminGrant {
  return { orgId: doc.orgId, email: doc.email, grantedBy: doc.grantedBy, grantedAt: doc.grantedAt };
}

/** Admin roles granted per organisation. Every read is by `_id` (FerretDB 1.x ignores secondary indexes). */
export class AdminRoleRepository implements AdminRoleStore {
  constructor(private readonly c: Pick<Collections, 'adminRoles' | 'adminRoleLocks'>) {}

  async find(orgId: string, email: string): Promise<AdminGrant | null> {
    const doc = await this.c.adminRoles.findOne({ _id: roleKey(orgId, email) });
    return doc ? toGrant(doc) : null;
  }

  /** A range over `_id` (`org:` up to `org;`), so the listing also uses the primary key. */
  async list(orgId: string): Promise<AdminGrant[]> {
    const docs = await this.c.adminRoles
      .find({ _id: { $gte: `${orgId}:`, $lt: `${orgId};` }, orgId })
      .sort({ _id: 1 })
      .toArray();
    return docs.map(toGrant);
  }

  async grant(grant: AdminGrant): Promise<boolean> {
    const email = normaliseEmail(grant.email);
    try {
      await this.c.adminRoles.insertOne({ _id: roleKey(grant.orgId, email), ...grant, email });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async revoke(orgId: string, email: string): Promise<boolean> {
    const result = await this.c.adminRoles.deleteOne({ _id: roleKey(orgId, email) });
    return result.deletedCount === 1;
  }

  /** The lock is a unique insert: of two concurrent claims exactly one succeeds. */
  async exclusively<T>(orgId: string, work: () => Promise<T>): Promise<T | undefined> {
    const _id = lockKey(orgId);
    if (!(await this.claim(_id))) {
      await this.c.adminRoleLocks.deleteOne({ _id, at: { $lt: new Date(Date.now() - STALE_LOCK_MS) } });
      if (!(await this.claim(_id))) return undefined;
    }
    try {
      return await work();
    } finally {
      await this.c.adminRoleLocks.deleteOne({ _id });
    }
  }

  private async claim(_id: string): Promise<boolean> {
    try {
      await this.c.adminRoleLocks.insertOne({ _id, at: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
