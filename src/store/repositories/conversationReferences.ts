import type { Collections } from '../collections';
import type { ConversationReferenceDoc } from '../documents';

export interface SavedReference {
  orgId: string;
  channel: 'teams' | 'slack';
  channelUserId: string;
  email?: string;
  reference: unknown;
}

const referenceKey = (channel: string, channelUserId: string) => `${channel}:${channelUserId}`;

/** Where to reach a person proactively (nudges, broadcasts). */
export class ConversationReferenceRepository {
  constructor(private readonly c: Pick<Collections, 'conversationReferences'>) {}

  async save(ref: SavedReference): Promise<void> {
    await this.c.conversationReferences.replaceOne(
      { _id: referenceKey(ref.channel, ref.channelUserId) },
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
  }

  async findByEmail(orgId: string, email: string): Promise<SavedReference[]> {
    const docs = await this.c.conversationReferences.find({ orgId, email }).toArray();
    return docs.map(fromDoc);
  }

  async deleteByEmail(orgId: string, email: string): Promise<number> {
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
