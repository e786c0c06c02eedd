import type { Logger } from '../../logging/logger';
import type { Organisation } from '../organisation/organisation';
import type { ReplyOptions } from '../ports';
import type { StaffMember } from '../staff/staffMember';
import type { View } from './views';

export type ChannelName = 'teams' | 'slack';

/** Who is speaking, as the channel identified them. The email comes from the platform, never from a payload. */
export interface Speaker {
  channel: ChannelName;
  channelUserId: string;
  name?: string;
  email?: string;
  /** Slack Enterprise Grid organisation the workspace belongs to, when there is one. */
  enterpriseId?: string;
}

/** Small per-person memory kept between turns, per organisation. Only what a later turn reads. */
export interface ConversationMemory {
  welcomed?: boolean;
  /** Work email the person typed in local mode, where the platform gives none. */
  declaredEmail?: string;
}

export interface ConversationContext {
  org: Organisation;
  speaker: Speaker;
  /** The speaker's staff record, once known. Handlers may replace it (onboarding, profile edits). */
  staff: StaffMember | null;
  memory: ConversationMemory;
  /** A channel or group chat, where others can read the replies. */
  shared?: boolean;
  /** A deep link to the person's private chat with the bot, when the channel knows one. */
  personalChatUrl?: string;
  /** Set when the person asked to be forgotten: the turn drops their memory and references. */
  forgotten?: boolean;
  now: Date;
  log: Logger;
  reply(view: View, options?: ReplyOptions): Promise<void>;
}
