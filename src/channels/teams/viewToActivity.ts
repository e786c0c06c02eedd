import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { View } from '../../core/conversation/views';
import { toAttachment } from './cards/attachment';
import { renderCard } from './cards/renderCard';

/** A message carrying the view as an Adaptive Card. */
export function viewToActivity(view: View): Partial<Activity> {
  if (view.type === 'text' && !view.link) return MessageFactory.text(view.text);
  return MessageFactory.attachment(toAttachment(renderCard(view)));
}

function invokeResponse(type: string, value: unknown): Partial<Activity> {
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type, value } } };
}

/** Answer to a Universal Action (`adaptiveCard/action`) that replaces the clicked card with `view`. */
export function replaceCardResponse(view: View): Partial<Activity> {
  return invokeResponse('application/vnd.microsoft.card.adaptive', renderCard(view));
}

/** Answer to a Universal Action that leaves the clicked card as it is and shows a short message. */
export function messageResponse(text: string): Partial<Activity> {
  return invokeResponse('application/vnd.microsoft.activity.message', text);
}
