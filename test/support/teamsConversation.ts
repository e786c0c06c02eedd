import type { ActivityOptions } from './activities';
import { messageActivity, submitActivity } from './activities';
import type { FakeBotConnector } from './fakeBotConnector';
import type { TestApp } from './testApp';

export type Card = Record<string, unknown>;
export type Sent = { text?: string; attachments?: { content: Card }[] };

export function cardsOf(activities: Sent[]): Card[] {
  return activities.flatMap((activity) => (activity.attachments ?? []).map((attachment) => attachment.content));
}

export function textsOf(activities: Sent[]): string[] {
  return activities.flatMap((activity) => (activity.text ? [activity.text] : []));
}

/** Every `data` payload of the card's buttons, found anywhere in the card. */
export function actionData(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'Action.Execute' || record.type === 'Action.Submit') && record.data && typeof record.data === 'object') {
      found.push(record.data as Record<string, unknown>);
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** Talks to the bot over HTTP as a person in Teams; the stand-in connector records the answers. */
export function teamsConversation(app: () => TestApp, connector: FakeBotConnector) {
  /** Posts any activity and returns what the bot sent to that conversation because of it. */
  const send = async (who: ActivityOptions, activity: unknown): Promise<Sent[]> => {
    const before = connector.to(who.conversationId).length;
    const response = await app().post('/api/messages', activity);
    if (response.status !== 200) throw new Error(`the activity was answered ${response.status}`);
    return connector.to(who.conversationId).slice(before);
  };
  return {
    personIn: (conversationId: string, userId: string, email: string, name: string, tenantId?: string): ActivityOptions => {
      connector.members.set(userId, { id: userId, name, email, userPrincipalName: email });
      return { serviceUrl: connector.url, conversationId, userId, userName: name, ...(tenantId ? { tenantId } : {}) };
    },
    send,
    say: (who: ActivityOptions, text: string): Promise<Sent[]> => send(who, messageActivity(who, text)),
    submit: (who: ActivityOptions, value: Record<string, unknown>): Promise<Sent[]> => send(who, submitActivity(who, value)),
  };
}
