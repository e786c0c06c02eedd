import type { View } from '../../../core/conversation/views';
import type { KnownBlock } from './elements';
import { fallbackText } from './fallbackText';
import { renderBlocks } from './render';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The single entry point from a view model to a Slack message (replies, proactive sends). */
export function viewToSlack(view: View): SlackMessage {
  return { text: fallbackText(view), blocks: renderBlocks(view) };
}

export { homeView } from './home';
export { broadcastModal, logCpdModal, onboardingModal, MODAL, INPUT_ACTION, STAGE_SEPARATOR } from './modals';
export { ACTION_PREFIX, SLACK_LIMITS, type ButtonPayload, type KnownBlock } from './elements';
