import type { Action, ActionName } from './actions';
import type { ConversationContext } from './context';
import type { CoreServices } from './services';
import type { Intent, NluResult } from '../nlu';

/** One handler shape for everything a person can ask or click. */
export type IntentHandler = (ctx: ConversationContext, services: CoreServices, nlu: NluResult) => Promise<void>;

export type ActionHandler<N extends ActionName = ActionName> = (
  ctx: ConversationContext,
  services: CoreServices,
  action: Extract<Action, { action: N }>,
) => Promise<void>;

export type IntentHandlers = Record<Exclude<Intent, 'none'>, IntentHandler>;
export type ActionHandlers = { [N in ActionName]: ActionHandler<N> };
