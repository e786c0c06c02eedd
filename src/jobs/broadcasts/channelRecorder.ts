import type { ChannelInstallRecorder } from '../../channels/teams/channelInstalls';
import type { Repositories } from '../../store';

/** Stores Teams channels the bot is added to in the organisation the tenant belongs to. */
export function teamsChannelRecorder(repos: Pick<Repositories, 'organisations' | 'broadcastChannels'>): ChannelInstallRecorder {
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
