import type { webApi } from '@slack/bolt';
import type { Replier } from '../../core/ports';
import type { RunTurn, TurnInput } from '../../core/conversation/runTurn';
import type { Logger } from '../../logging/logger';
import type { MemberCache } from '../memberCache';
import { slackMemberLookup, slackReference } from './slackIdentity';

export interface SlackListenerDeps {
  runTurn: RunTurn;
  members: MemberCache;
  logger: Logger;
}

export interface SlackTurn {
  client: webApi.WebClient;
  workspace: { teamId?: string; enterpriseId?: string };
  userId: string;
  conversation: 'personal' | 'shared';
  input: TurnInput;
  replier: Replier;
  /** The Slack app's id (`api_app_id`), for a link to the person's messages with the app. */
  appId?: string;
  log: Logger;
}

/** Slack's documented redirect into a direct message with an app, in the right workspace. */
export function slackPersonalChatUrl(appId: string | undefined, teamId: string | undefined): string | undefined {
  if (!appId || !teamId || !/^A[A-Z0-9]+$/.test(appId) || !/^[TE][A-Z0-9]+$/.test(teamId)) return undefined;
  return `https://slack.com/app_redirect?app=${appId}&team=${teamId}`;
}

/** Every Slack surface ends here: one call into the channel-agnostic turn runner. */
export function runSlackTurn(deps: SlackListenerDeps, turn: SlackTurn): Promise<void> {
  const personalChatUrl = turn.conversation === 'shared' ? slackPersonalChatUrl(turn.appId, turn.workspace.teamId) : undefined;
  return deps.runTurn({
    channel: 'slack',
    workspace: { id: turn.workspace.teamId, ...(turn.workspace.enterpriseId ? { enterpriseId: turn.workspace.enterpriseId } : {}) },
    user: { id: turn.userId },
    conversation: turn.conversation,
    input: turn.input,
    members: slackMemberLookup(turn.client, turn.workspace, turn.userId, deps.members, turn.log),
    replier: turn.replier,
    reference: slackReference(turn.workspace, turn.userId),
    ...(personalChatUrl ? { personalChatUrl } : {}),
    log: turn.log,
  });
}

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** The Slack channel's error boundary: log it, and tell the person rather than leave them in silence. */
export async function apologise(client: webApi.WebClient, channel: string | undefined, log: Logger, error: unknown): Promise<void> {
  log.error({ err: error }, 'Slack turn failed');
  if (!channel) return;
  await client.chat.postMessage({ channel, text: APOLOGY }).catch((sendError: unknown) => {
    log.warn({ err: sendError }, 'could not send the apology');
  });
}
