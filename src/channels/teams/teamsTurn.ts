import { type ConversationReference, TurnContext } from 'botbuilder';
import type { Replier, ReplyOptions } from '../../core/ports';
import type { RunTurn, TurnInput } from '../../core/conversation/runTurn';
import type { View } from '../../core/conversation/views';
import type { Logger } from '../../logging/logger';
import { MemberCache } from '../memberCache';
import { teamsMemberLookup, tenantIdOf } from './identity';
import { fileInputOf } from './uploads/fileInput';
import { recordChannelInstall, type ChannelInstallRecorder } from './channelInstalls';
import { messageResponse, replaceCardResponse, viewToActivity } from './viewToActivity';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

interface Answer {
  view: View;
  options: ReplyOptions;
}

/** Translates one Bot Framework activity into a turn of the channel-agnostic runner, and its views back. */
export function createTeamsTurnHandler(deps: {
  runTurn: RunTurn;
  logger: Logger;
  /** Unauthenticated local mode: files may also come from a loopback server (see uploads/downloadRule.ts). */
  localMode?: boolean;
  /** Records team channels the bot is installed in, for broadcasts. */
  channels?: ChannelInstallRecorder;
}): (context: TurnContext) => Promise<void> {
  const members = new MemberCache();

  return async (turn: TurnContext) => {
    const activity = turn.activity;
    const log = deps.logger.child({ activityId: activity.id, type: activity.type });
    if (await recordChannelInstall(turn, deps.channels, log)) return;
    const isCardAction = activity.type === 'invoke' && activity.name === ADAPTIVE_CARD_ACTION;
    const shared = (activity.conversation?.conversationType ?? 'personal') !== 'personal';
    // Welcome people when they open a personal chat; people joining a team are not greeted in its channels.
    const isNewMember =
      activity.type === 'conversationUpdate' &&
      !shared &&
      (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
    if (activity.type !== 'message' && !isCardAction && !isNewMember) return;

    // A Universal Action is answered once, in the invoke response; everything else is sent as it comes.
    const answers: Answer[] = [];
    const replier: Replier = {
      reply: async (view, options = {}) => {
        if (isCardAction) answers.push({ view, options });
        else await turn.sendActivity(viewToActivity(view));
      },
    };
    await deps.runTurn({
      channel: 'teams',
      workspace: { id: tenantIdOf(turn) },
      user: { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name },
      conversation: shared ? 'shared' : 'personal',
      input: (!shared && !isCardAction && fileInputOf(activity.attachments, activity.text ?? '', deps.localMode ?? false, log)) || inputOf(activity, isCardAction, isNewMember),
      members: teamsMemberLookup(turn, log, members),
      replier,
      reference: referenceFor(activity),
      ...(shared ? personalChatOf(activity) : {}),
      log,
    });
    if (isCardAction) await answerCardAction(turn, answers);
  };
}

function inputOf(activity: TurnContext['activity'], isCardAction: boolean, isNewMember: boolean): TurnInput {
  if (isNewMember) return { kind: 'start' };
  if (isCardAction) {
    return { kind: 'action', payload: (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data };
  }
  if (activity.value !== undefined && !activity.text) return { kind: 'action', payload: activity.value };
  return { kind: 'text', text: TurnContext.removeRecipientMention(activity) ?? activity.text ?? '' };
}

/** The first answer replaces the clicked card when the handler said so; the rest follow as messages. */
async function answerCardAction(turn: TurnContext, answers: Answer[]): Promise<void> {
  const [first, ...rest] = answers;
  let followUps = rest;
  if (!first) {
    await turn.sendActivity(messageResponse('Done.'));
    return;
  }
  if (first.options.replaceCard) {
    await turn.sendActivity(replaceCardResponse(first.view));
  } else if (first.view.type === 'text' && !first.view.link) {
    await turn.sendActivity(messageResponse(first.view.text));
  } else {
    await turn.sendActivity(messageResponse('Here you go.'));
    followUps = answers;
  }
  for (const { view } of followUps) await turn.sendActivity(viewToActivity(view));
}

/** Teams addresses a bot as `28:<app id>`; the documented deep link opens a one-to-one chat with it. */
function personalChatOf(activity: TurnContext['activity']): { personalChatUrl?: string } {
  const botId = /^28:([0-9a-f-]{36})$/i.exec(activity.recipient?.id ?? '')?.[1];
  return botId ? { personalChatUrl: `https://teams.microsoft.com/l/chat/0/0?users=28:${botId}` } : {};
}

/** Where to reach this person later; the id of the message being answered is not part of it. */
function referenceFor(activity: TurnContext['activity']): Partial<ConversationReference> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}
