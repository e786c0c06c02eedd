import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { View } from '../../core/conversation/views';
import { toAttachment } from './cards/attachment';
import { renderCard } from './cards/renderCard';

/** A message carrying the view as an Adaptive Card. */
export function viewToActivity(view: View): Partial<Activity> {
  if (view.type === 'text') return MessageFactory.text(view.text);
  return MessageFactory.attachment(toAttachment(renderCard(view)));
}

/** Answer to a Universal Action (`adaptiveCard/action`) that replaces the clicked card with `view`. */
export function replaceCardResponse(view: View): Partial<Activity> {
  const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderCard(view) };
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
}

/** Answer to a Universal Action that leaves the clicked card as it is and shows a short message. */
export function messageResponse(text: string): Partial<Activity> {
  const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
}
