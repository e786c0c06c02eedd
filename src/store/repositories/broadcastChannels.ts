import type { Collections } from '../collections';

/** A Teams channel or Slack channel the bot can post in, captured when it was added there. */
export interface BroadcastChannelDoc {
  /** `${orgId}:${platform}:${channelId}` */
  _id: string;
  orgId: string;
  platform: 'teams' | 'slack';
  channelId: string;
  name: string;
  /** Teams tenant or Slack workspace (the rate-limit unit). */
  workspaceId: string;
  /** Teams: serialised conversation reference to the channel. Slack: the channel id. */
  reference: string;
  /** False once the bot was removed from the channel (or the team). */
  active: boolean;
  updatedAt: Date;
}

export type ChannelInput = Omit<BroadcastChannelDoc, '_id' | 'active' | 'updatedAt'>;

export interface WorkspaceSync {
  /** Channels listed and now recorded as active (written or already up to date). */
  recorded: number;
  /** Channels recorded as active before that the listing no longer has. */
  deactivated: number;
}

/** The public id operators and admins use: `teams:19:abc@thread.tacv2` or `slack:C0123`. */
export const channelRef = (doc: Pick<BroadcastChannelDoc, 'platform' | 'channelId'>) => `${doc.platform}:${doc.channelId}`;

const keyOf = (orgId: string, platform: BroadcastChannelDoc['platform'], channelId: string) => `${orgId}:${platform}:${channelId}`;

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

export class BroadcastChannelRepository {
  constructor(private readonly c: Pick<Collections, 'broadcastChannels'>) {}

  async upsert(input: ChannelInput, now = new Date()): Promise<void> {
    await this.c.broadcastChannels.updateOne(
      { _id: keyOf(input.orgId, input.platform, input.channelId) },
      { $set: { ...input, active: true, updatedAt: now } },
      { upsert: true },
    );
  }

  async deactivate(orgId: string, platform: 'teams' | 'slack', channelId: string, now = new Date()): Promise<void> {
    await this.c.broadcastChannels.updateOne({ _id: keyOf(orgId, platform, channelId) }, { $set: { active: false, updatedAt: now } });
  }

  /** A new name for a channel already recorded; an unknown channel stays unknown. */
  async rename(orgId: string, platform: 'teams' | 'slack', channelId: string, name: string, now = new Date()): Promise<void> {
    await this.c.broadcastChannels.updateOne({ _id: keyOf(orgId, platform, channelId) }, { $set: { name, updatedAt: now } });
  }

  async active(orgId: string): Promise<BroadcastChannelDoc[]> {
    return this.c.broadcastChannels.find({ orgId, active: true }).sort({ name: 1 }).toArray();
  }

  /** Every recorded channel, optionally of one organisation, for operators. */
  async list(filter: { orgId?: string; includeInactive?: boolean } = {}): Promise<BroadcastChannelDoc[]> {
    return this.c.broadcastChannels
      .find({ ...(filter.orgId ? { orgId: filter.orgId } : {}), ...(filter.includeInactive ? {} : { active: true }) })
      .sort({ orgId: 1, platform: 1, name: 1 })
      .toArray();
  }

  /** The channels with these public ids (`platform:channelId`), by `_id`. */
  async byRefs(orgId: string, refs: string[]): Promise<BroadcastChannelDoc[]> {
    if (refs.length === 0) return [];
    return this.c.broadcastChannels.find({ _id: { $in: refs.map((ref) => `${orgId}:${ref}`) } }).toArray();
  }

  /**
   * Makes what is recorded for one workspace match a full listing taken from the platform at
   * `listedAt`: listed channels active, the others inactive. A channel an event changed after
   * `listedAt` is left as the event left it, because the listing may predate that event.
   */
  async syncWorkspace(
    scope: { orgId: string; platform: 'teams' | 'slack'; workspaceId: string },
    listed: readonly Omit<ChannelInput, 'orgId' | 'platform' | 'workspaceId'>[],
    listedAt: Date,
    now = new Date(),
  ): Promise<WorkspaceSync> {
    const { orgId, platform, workspaceId } = scope;
    const known = new Map(
      (await this.c.broadcastChannels.find({ orgId, platform, workspaceId }).toArray()).map((doc) => [doc.channelId, doc]),
    );
    let recorded = 0;
    for (const channel of listed) {
      const doc = known.get(channel.channelId);
      known.delete(channel.channelId);
      if (doc && doc.updatedAt >= listedAt) continue;
      recorded += 1;
      if (doc?.active && doc.name === channel.name && doc.reference === channel.reference) continue;
      try {
        // The filter on updatedAt makes a concurrent event win: its newer document does not match,
        // so the upsert tries to insert a second `_id` and is refused.
        await this.c.broadcastChannels.updateOne(
          { _id: keyOf(orgId, platform, channel.channelId), updatedAt: { $lt: listedAt } },
          { $set: { ...channel, orgId, platform, workspaceId, active: true, updatedAt: now } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        recorded -= 1;
      }
    }
    let deactivated = 0;
    for (const doc of known.values()) {
      if (!doc.active || doc.updatedAt >= listedAt) continue;
      const result = await this.c.broadcastChannels.updateOne(
        { _id: doc._id, active: true, updatedAt: { $lt: listedAt } },
        { $set: { active: false, updatedAt: now } },
      );
      deactivated += result.modifiedCount;
    }
    return { recorded, deactivated };
  }
}
