import {
  ActivityTypes,
  type ConversationReference,
  type ConversationState,
  type StatePropertyAccessor,
  TurnContext,
  type UserState,
} from 'botbuilder';
import type { ConversationCore } from '../../core/conversation/conversationCore';
import type { ConversationContext, ConversationMemory } from '../../core/conversation/context';
import type { View } from '../../core/conversation/views';
import type { Logger } from '../../logging/logger';
import type { ConversationReferenceRepository } from '../../store/repositories/conversationReferences';
import type { OrganisationRepository } from '../../store/repositories/organisations';
import type { StaffRepository } from '../../store/repositories/staff';
import { MemberCache } from '../memberCache';
import { resolveSpeaker, tenantIdOf } from './identity';
import { messageResponse, replaceCardResponse, viewToActivity } from './viewToActivity';

export interface TeamsTurnDeps {
  core: ConversationCore;
  organisations: OrganisationRepository;
  staff: StaffRepository;
  references: ConversationReferenceRepository;
  userState: UserState;
  conversationState: ConversationState;
  logger: Logger;
}

interface ConversationInfo {
  turns: number;
  lastTurnAt?: string;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * Card actions whose answer belongs in place of the card that was clicked (a plan after a status
 * change, a form after it is submitted). Other actions leave the card alone so lists stay usable.
 */
const REPLACES_CARD = new Set(['setPlanStatus', 'removeFromPlan', 'submitOnboarding', 'logCpd', 'confirmDeleteData', 'cancelDeleteData']);

function actionNameOf(data: unknown): string | undefined {
  const name = (data as { action?: unknown } | undefined)?.action;
  return typeof name === 'string' ? name : undefined;
}

/** Translates one Bot Framework turn into calls on the channel-agnostic conversation core. */
export function createTeamsTurnHandler(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  const memoryProperty: StatePropertyAccessor<ConversationMemory> = deps.userState.createProperty('memory');
  const conversationProperty: StatePropertyAccessor<ConversationInfo> =
    deps.conversationState.createProperty('conversation');
  const members = new MemberCache();

  return async (turn: TurnContext) => {
    const activity = turn.activity;
    const log = deps.logger.child({ activityId: activity.id, type: activity.type });
    const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION;
    const shared = (activity.conversation?.conversationType ?? 'personal') !== 'personal';
    // Welcome people when they open a personal chat; people joining a team are not greeted in its channels.
    const isNewMember =
      activity.type === ActivityTypes.ConversationUpdate &&
      !shared &&
      (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
    if (activity.type !== ActivityTypes.Message && !isCardAction && !isNewMember) return;

    const org = await deps.organisations.resolve({ channel: 'teams', tenantId: tenantIdOf(turn) });
    const views: View[] = [];
    const reply = async (view: View) => {
      views.push(view);
      if (!isCardAction) await turn.sendActivity(viewToActivity(view));
    };

    if (!org) {
      await reply({ type: 'notSetUp' });
      if (isCardAction) await turn.sendActivity(replaceCardResponse({ type: 'notSetUp' }));
      return;
    }

    const cardActionData = isCardAction ? (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data : undefined;
    const [speaker, memory, info] = await Promise.all([
      resolveSpeaker(turn, log, members),
      memoryProperty.get(turn, {}),
      conversationProperty.get(turn, { turns: 0 }),
    ]);
    const staff = speaker.email ? await deps.staff.findByEmail(org.id, speaker.email) : null;
    const ctx: ConversationContext = { org, speaker, staff, memory, shared, now: new Date(), log, reply };

    if (isNewMember) {
      await deps.core.onConversationStart(ctx);
    } else if (isCardAction) {
      await deps.core.onAction(ctx, cardActionData);
    } else if (activity.value !== undefined && !activity.text) {
      await deps.core.onAction(ctx, activity.value);
    } else {
      await deps.core.onMessage(ctx, TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    }

    if (isCardAction) await answerCardAction(turn, views, actionNameOf(cardActionData));

    if (ctx.forgotten) {
      await deps.userState.delete(turn);
      await deps.conversationState.delete(turn);
      return;
    }
    if (speaker.email || ctx.staff) {
      await deps.references.save({
        orgId: org.id,
        channel: 'teams',
        channelUserId: speaker.channelUserId,
        email: ctx.staff?.email ?? speaker.email,
        reference: referenceFor(activity),
      });
    }
    await conversationProperty.set(turn, { turns: info.turns + 1, lastTurnAt: ctx.now.toISOString() });
    await memoryProperty.set(turn, ctx.memory);
    await deps.conversationState.saveChanges(turn);
    await deps.userState.saveChanges(turn);
  };
}

async function answerCardAction(turn: TurnContext, views: View[], actionName: string | undefined): Promise<void> {
  const [first, ...rest] = views;
  let followUps = rest;
  if (!first) {
    await turn.sendActivity(messageResponse('Done.'));
    return;
  }
  if (actionName && REPLACES_CARD.has(actionName)) {
    await turn.sendActivity(replaceCardResponse(first));
  } else if (first.type === 'text') {
    await turn.sendActivity(messageResponse(first.text));
  } else {
    await turn.sendActivity(messageResponse('Here you go.'));
    followUps = views;
  }
  for (const view of followUps) await turn.sendActivity(viewToActivity(view));
}

/** Where to reach this person later; the id of the message being answered is not part of it. */
function referenceFor(activity: TurnContext['activity']): Partial<ConversationReference> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}
