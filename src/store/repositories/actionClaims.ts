import type { OnceOnlyClaims } from '../../core/ports';
import type { Collections } from '../collections';
import { isDuplicateKey } from '../duplicateKey';

export interface ActionClaimDoc {
  _id: string;
  orgId: string;
  email: string;
  kind: string;
  subject: string;
  at: Date;
}

const claimKey = (orgId: string, email: string, kind: string, subject: string) => `${orgId}:${email}:${kind}:${subject}`;

/**
 * "At most once" for button presses: the first unique insert of a deterministic key wins. A
 * conditional update is not enough, because FerretDB 1.x lets two concurrent ones both match.
 */
export class ActionClaimRepository implements OnceOnlyClaims {
  constructor(private readonly c: Pick<Collections, 'actionClaims'>) {}

  async claim(orgId: string, email: string, kind: string, subject: string, now = new Date()): Promise<boolean> {
    try {
      await this.c.actionClaims.insertOne({ _id: claimKey(orgId, email, kind, subject), orgId, email, kind, subject, at: now });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Gives a claim back when the work it guarded could not be done, so a later press may try again. */
  async release(orgId: string, email: string, kind: string, subject: string): Promise<void> {
    await this.c.actionClaims.deleteOne({ _id: claimKey(orgId, email, kind, subject) });
  }

  async deleteAllFor(orgId: string, email: string): Promise<number> {
    return (await this.c.actionClaims.deleteMany({ orgId, email })).deletedCount;
  }
}
