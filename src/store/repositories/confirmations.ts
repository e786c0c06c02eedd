import { randomBytes } from 'node:crypto';
import type { ConfirmationTokens } from '../../core/ports';
import type { Collections } from '../collections';
import { isDuplicateKey } from '../duplicateKey';

export interface ConfirmationDoc {
  _id: string;
  orgId: string;
  email: string;
  purpose: string;
  expiresAt: Date;
  /** Set on the consumption marker (`used:<token>`), which is the atomic single-use claim. */
  usedAt?: Date;
}

/** How long a confirmation card stays valid. */
export const CONFIRMATION_TTL_MS = 15 * 60 * 1000;

/**
 * Single-use, expiring tokens that a confirmation card carries, so a destructive action is only
 * applied when the person saw that card. Expiry is checked here (no reliance on TTL indexes).
 */
export class ConfirmationRepository implements ConfirmationTokens {
  constructor(private readonly c: Pick<Collections, 'confirmations'>) {}

  async issue(orgId: string, email: string, purpose: string, now = new Date()): Promise<string> {
    const token = randomBytes(18).toString('base64url');
    await this.c.confirmations.insertOne({
      _id: token,
      orgId,
      email,
      purpose,
      expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
    });
    return token;
  }

  /** True once for a live token issued to this person for this purpose; false for anything else. */
  async consume(orgId: string, email: string, purpose: string, token: string, now = new Date()): Promise<boolean> {
    const doc = await this.c.confirmations.findOne({ _id: token });
    if (!doc || doc.usedAt || doc.orgId !== orgId || doc.email !== email || doc.purpose !== purpose) return false;
    if (doc.expiresAt.getTime() <= now.getTime()) return false;
    try {
      await this.c.confirmations.insertOne({ _id: `used:${token}`, orgId, email, purpose, expiresAt: doc.expiresAt, usedAt: now });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    return true;
  }

  async deleteAllFor(orgId: string, email: string): Promise<number> {
    return (await this.c.confirmations.deleteMany({ orgId, email })).deletedCount;
  }
}
