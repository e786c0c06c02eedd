import type { View } from '../../../core/conversation/views';
import { CardTemplateError, templateFor } from './templates';

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  $schema?: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/**
 * Renders a view model as an Adaptive Card by expanding `cards/<type>.json` over it (`$root` = the view).
 * The view is copied first because template functions such as `addProperty` modify the data they see.
 */
export function renderCard(view: View): AdaptiveCardJson {
  const expanded: unknown = templateFor(view.type).expand({ $root: structuredClone(view) });
  if (typeof expanded !== 'object' || expanded === null || (expanded as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new CardTemplateError(`Card template for view type "${view.type}" did not produce an AdaptiveCard`);
  }
  return expanded as AdaptiveCardJson;
}
