import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { View } from '../../core/conversation/views';
import { toAttachment } from './cards/attachment';
import { renderCard } from './cards/renderCard';

/** A message carrying the view as an Adaptive Card. */
export function viewToActivity(view: View): Partial<Activity> {
  if (view.type === 'text') return MessageFactory.text(view.text);
  return MessageFactory.attachment(toAttachment(renderCard(view)));
}

/** The answer to a Universal Action (`adaptiveCard/action`): the card that replaces the one clicked. */
export function viewToInvokeResponse(view: View | undefined): Partial<Activity> {
  const body = view
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderCard(view) }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' };
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
}
