import type { Collections } from '../collections';

export class AuditLog {
  constructor(private readonly c: Pick<Collections, 'audit'>) {}

  async record(orgId: string, actor: string, action: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.c.audit.insertOne({ orgId, at: new Date(), actor, action, details });
  }
}
