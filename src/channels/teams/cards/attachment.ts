import type { AdaptiveCardJson } from './renderCard';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCardJson;
}

/** Wraps a card as a Bot Framework attachment (structurally compatible with botbuilder's `Attachment`). */
export function toAttachment(card: AdaptiveCardJson): AdaptiveCardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
