import type { ReferenceStore, SavedReference } from '../../core/ports';
import type { Collections } from '../collections';
import type { ConversationReferenceDoc } from '../documents';

export type { SavedReference };

/** Per organisation too: a person who talks to the bot in two organisations keeps both references. */
export const referenceKey = (orgId: string, channel: string, channelUserId: string) => `${orgId}:${channel}:${channelUserId}`;

/** Where to reach a person proactively (nudges, broadcasts). */
export class ConversationReferenceRepository implements ReferenceStore {
  /** What this process last wrote per key, so an unchanged reference is not rewritten every turn. */
  private readonly recent = new Map<string, { json: string; at: number }>();

  constructor(
    private readonly c: Pick<Collections, 'conversationReferences'>,
    private readonly rewriteAfterMs = 3_600_000,
  ) {}

  async save(ref: SavedReference): Promise<void> {
    const key = referenceKey(ref.orgId, ref.channel, ref.channelUserId);
    const json = JSON.stringify([ref.email ?? null, ref.reference]);
    const last = this.recent.get(key);
    if (last && last.json === json && Date.now() - last.at < this.rewriteAfterMs) return;
    await this.c.conversationReferences.replaceOne(
      { _id: key },
      {
        orgId: ref.orgId,
        channel: ref.channel,
        channelUserId: ref.channelUserId,
        ...(ref.email ? { email: ref.email } : {}),
        reference: JSON.stringify(ref.reference),
        updatedAt: new Date(),
      },
      { upsert: true },
    );
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, { json, at: Date.now() });
  }

  async findByEmail(orgId: string, email: string): Promise<SavedReference[]> {
    const docs = await this.c.conversationReferences.find({ orgId, email }).toArray();
    // Documents written before references were keyed by organisation (`channel:user`) are dropped
    // once a current one exists for the same person, so nobody is messaged twice.
    const ids = new Set(docs.map((doc) => doc._id));
    const superseded = docs.filter((doc) => {
      const key = referenceKey(doc.orgId, doc.channel, doc.channelUserId);
      return doc._id !== key && ids.has(key);
    });
    if (superseded.length > 0) await this.c.conversationReferences.deleteMany({ _id: { $in: superseded.map((doc) => doc._id) } });
    const dropped = new Set(superseded.map((doc) => doc._id));
    return docs.filter((doc) => !dropped.has(doc._id)).map(fromDoc);
  }

  async deleteByEmail(orgId: string, email: string): Promise<number> {
    this.recent.clear();
    const result = await this.c.conversationReferences.deleteMany({ orgId, email });
    return result.deletedCount;
  }
}

function fromDoc(doc: ConversationReferenceDoc): SavedReference {
  return {
    orgId: doc.orgId,
    channel: doc.channel,
    channelUserId: doc.channelUserId,
    ...(doc.email ? { email: doc.email } : {}),
    reference: JSON.parse(doc.reference) as unknown,
  };
}
