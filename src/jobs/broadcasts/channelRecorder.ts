import type { SlackChannelRecorder } from '../../channels/slack/channelRecorder';
import type { ChannelInstallRecorder } from '../../channels/teams/channelInstalls';
import type { Repositories } from '../../store';

type ChannelRepos = Pick<Repositories, 'organisations' | 'broadcastChannels'>;

/** Stores Teams channels the bot is added to in the organisation the tenant belongs to. */
export function teamsChannelRecorder(repos: ChannelRepos): ChannelInstallRecorder {
  const orgOf = async (tenantId: string | undefined) => (await repos.organisations.resolve({ channel: 'teams', tenantId }))?.id;
  return {
    async added(tenantId, channel) {
      const orgId = await orgOf(tenantId);
      if (!orgId) return;
      await repos.broadcastChannels.upsert({ orgId, platform: 'teams', channelId: channel.id, name: channel.name, workspaceId: tenantId ?? 'unknown-tenant', reference: channel.reference });
    },
    async removed(tenantId, channelId) {
      const orgId = await orgOf(tenantId);
      if (orgId) await repos.broadcastChannels.deactivate(orgId, 'teams', channelId);
    },
  };
}

/**
 * Stores Slack channels the bot is a member of in the organisation that owns the workspace. A
 * Slack channel is posted to by its id, so the id is also its reference.
 */
export function slackChannelRecorder(repos: ChannelRepos): SlackChannelRecorder {
  const orgOf = async (teamId: string | undefined) => (await repos.organisations.resolve({ channel: 'slack', teamId }))?.id;
  return {
    async joined(teamId, channelId, nameOf) {
      const orgId = await orgOf(teamId);
      if (orgId) await repos.broadcastChannels.upsert({ orgId, platform: 'slack', channelId, name: await nameOf(), workspaceId: teamId ?? 'slack', reference: channelId });
      return orgId;
    },
    async renamed(teamId, channel) {
      const orgId = await orgOf(teamId);
      if (orgId) await repos.broadcastChannels.rename(orgId, 'slack', channel.id, channel.name);
      return orgId;
    },
    async left(teamId, channelId) {
      const orgId = await orgOf(teamId);
      if (orgId) await repos.broadcastChannels.deactivate(orgId, 'slack', channelId);
      return orgId;
    },
    async synced(teamId, channels, listedAt) {
      const orgId = await orgOf(teamId);
      if (!orgId) return undefined;
      const outcome = await repos.broadcastChannels.syncWorkspace(
        { orgId, platform: 'slack', workspaceId: teamId },
        channels.map((channel) => ({ channelId: channel.id, name: channel.name, reference: channel.id })),
        listedAt,
      );
      return { orgId, teamId, ...outcome };
    },
  };
}
