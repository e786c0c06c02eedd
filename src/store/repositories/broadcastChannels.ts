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

/** The public id operators and admins use: `teams:19:abc@thread.tacv2` or `slack:C0123`. */
export const channelRef = (doc: Pick<BroadcastChannelDoc, 'platform' | 'channelId'>) => `${doc.platform}:${doc.channelId}`;

export class BroadcastChannelRepository {
  constructor(private readonly c: Pick<Collections, 'broadcastChannels'>) {}

  async upsert(input: ChannelInput, now = new Date()): Promise<void> {
    await this.c.broadcastChannels.updateOne(
      { _id: `${input.orgId}:${input.platform}:${input.channelId}` },
      { $set: { ...input, active: true, updatedAt: now } },
      { upsert: true },
    );
  }

  async deactivate(orgId: string, platform: 'teams' | 'slack', channelId: string, now = new Date()): Promise<void> {
    await this.c.broadcastChannels.updateOne({ _id: `${orgId}:${platform}:${channelId}` }, { $set: { active: false, updatedAt: now } });
  }

  async active(orgId: string): Promise<BroadcastChannelDoc[]> {
    return this.c.broadcastChannels.find({ orgId, active: true }).sort({ name: 1 }).toArray();
  }

  /** The channels with these public ids (`platform:channelId`), by `_id`. */
  async byRefs(orgId: string, refs: string[]): Promise<BroadcastChannelDoc[]> {
    if (refs.length === 0) return [];
    return this.c.broadcastChannels.find({ _id: { $in: refs.map((ref) => `${orgId}:${ref}`) } }).toArray();
  }
}
