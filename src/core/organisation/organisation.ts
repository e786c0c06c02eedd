export const DEFAULT_ORG_ID = 'default';

export interface Organisation {
  id: string;
  name: string;
  isDefault: boolean;
  teamsTenantIds: string[];
  slackTeamIds: string[];
}

/** Where a message came from, for mapping it to an organisation. */
export type Workspace = { channel: 'teams'; tenantId?: string } | { channel: 'slack'; teamId?: string };
