import { z } from 'zod';
import type { DeliveryAddress } from '../../delivery/types';
import type { ConversationReferenceDoc } from '../../store/documents';

const teamsReferenceSchema = z.object({
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }),
});

const slackReferenceSchema = z.object({ teamId: z.string().optional(), team: z.string().optional() }).loose();

function addressOf(doc: ConversationReferenceDoc): DeliveryAddress | undefined {
  let reference: unknown;
  try {
    reference = JSON.parse(doc.reference);
  } catch {
    return undefined;
  }
  if (doc.channel === 'teams') {
    const parsed = teamsReferenceSchema.safeParse(reference);
    // A reference saved in a team channel or group chat is not a private way to reach someone.
    if (!parsed.success || (parsed.data.conversation.conversationType ?? 'personal') !== 'personal') return undefined;
    return { channel: 'teams', workspaceId: parsed.data.conversation.tenantId ?? 'unknown-tenant', target: doc.reference };
  }
  const parsed = slackReferenceSchema.safeParse(reference);
  const workspaceId = parsed.success ? (parsed.data.teamId ?? parsed.data.team) : undefined;
  return { channel: 'slack', workspaceId: workspaceId ?? 'slack', target: doc.channelUserId };
}

/**
 * Where to reach each person, from one read of the organisation's stored references: the most
 * recently used personal conversation wins when someone uses both Teams and Slack.
 */
export function addressBook(docs: readonly ConversationReferenceDoc[]): Map<string, DeliveryAddress> {
  const book = new Map<string, { address: DeliveryAddress; at: number }>();
  for (const doc of docs) {
    if (!doc.email) continue;
    const address = addressOf(doc);
    if (!address) continue;
    const at = doc.updatedAt.getTime();
    const known = book.get(doc.email);
    if (!known || known.at <= at) book.set(doc.email, { address, at });
  }
  return new Map([...book].map(([email, entry]) => [email, entry.address]));
}
