/** A Slack channel as NextStep shows it to admins: its id and `#name`. */
export interface SlackChannelEntry {
  id: string;
  name: string;
}

export interface SlackChannelSyncOutcome {
  orgId: string;
  teamId: string;
  recorded: number;
  deactivated: number;
}

/**
 * Where Slack channels the bot is a member of are recorded, for broadcasts. Each method resolves
 * to the organisation it recorded into, or undefined when no organisation owns the workspace.
 */
export interface SlackChannelRecorder {
  /** `nameOf` is asked only when an organisation owns the workspace. */
  joined(teamId: string | undefined, channelId: string, nameOf: () => Promise<string>): Promise<string | undefined>;
  renamed(teamId: string | undefined, channel: SlackChannelEntry): Promise<string | undefined>;
  left(teamId: string | undefined, channelId: string): Promise<string | undefined>;
  /** Replaces the workspace's channels with a full listing taken at `listedAt`. */
  synced(teamId: string, channels: readonly SlackChannelEntry[], listedAt: Date): Promise<SlackChannelSyncOutcome | undefined>;
}

/** Slack shows channel names with a leading `#`; so does NextStep. */
export const slackChannelName = (name: string) => `#${name}`;
