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
  log: Logger;
}

/** Every Slack surface ends here: one call into the channel-agnostic turn runner. */
export function runSlackTurn(deps: SlackListenerDeps, turn: SlackTurn): Promise<void> {
  return deps.runTurn({
    channel: 'slack',
    workspace: { id: turn.workspace.teamId, ...(turn.workspace.enterpriseId ? { enterpriseId: turn.workspace.enterpriseId } : {}) },
    user: { id: turn.userId },
    conversation: turn.conversation,
    input: turn.input,
    members: slackMemberLookup(turn.client, turn.workspace, turn.userId, deps.members, turn.log),
    replier: turn.replier,
    reference: slackReference(turn.workspace, turn.userId),
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
