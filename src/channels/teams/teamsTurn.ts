import {
  ActivityTypes,
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
import { resolveSpeaker, tenantIdOf } from './identity';
import { viewToActivity, viewToInvokeResponse } from './viewToActivity';

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

/** Translates one Bot Framework turn into calls on the channel-agnostic conversation core. */
export function createTeamsTurnHandler(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  const memoryProperty: StatePropertyAccessor<ConversationMemory> = deps.userState.createProperty('memory');
  const conversationProperty: StatePropertyAccessor<ConversationInfo> =
    deps.conversationState.createProperty('conversation');

  return async (turn: TurnContext) => {
    const activity = turn.activity;
    const log = deps.logger.child({ activityId: activity.id, type: activity.type });
    const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION;
    const isNewMember =
      activity.type === ActivityTypes.ConversationUpdate &&
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
      if (isCardAction) await turn.sendActivity(viewToInvokeResponse(views[0]));
      return;
    }

    const speaker = await resolveSpeaker(turn, log);
    const memory = await memoryProperty.get(turn, {});
    const info = await conversationProperty.get(turn, { turns: 0 });
    const staff = speaker.email ? await deps.staff.findByEmail(org.id, speaker.email) : null;
    const ctx: ConversationContext = { org, speaker, staff, memory, now: new Date(), log, reply };

    if (isNewMember) {
      await deps.core.onConversationStart(ctx);
    } else if (isCardAction) {
      const value = activity.value as { action?: { data?: unknown } } | undefined;
      await deps.core.onAction(ctx, value?.action?.data);
    } else if (activity.value !== undefined && !activity.text) {
      await deps.core.onAction(ctx, activity.value);
    } else {
      await deps.core.onMessage(ctx, TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    }

    if (isCardAction) {
      const [first, ...rest] = views;
      await turn.sendActivity(viewToInvokeResponse(first));
      for (const view of rest) await turn.sendActivity(viewToActivity(view));
    }

    if (speaker.email || ctx.staff) {
      await deps.references.save({
        orgId: org.id,
        channel: 'teams',
        channelUserId: speaker.channelUserId,
        email: ctx.staff?.email ?? speaker.email,
        reference: TurnContext.getConversationReference(activity),
      });
    }
    await conversationProperty.set(turn, { turns: info.turns + 1, lastTurnAt: ctx.now.toISOString() });
    await memoryProperty.set(turn, ctx.memory);
    await deps.conversationState.saveChanges(turn);
    await deps.userState.saveChanges(turn);
  };
}
