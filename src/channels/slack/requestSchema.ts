import { z } from 'zod';

/** An Events API envelope (or the URL verification handshake); other envelope types are refused. */
export const jsonRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string().max(500) }).loose(),
  z
    .object({
      type: z.literal('event_callback'),
      event_id: z.string().min(1).max(200),
      team_id: z.string().max(100).optional(),
      event: z.object({ type: z.string().min(1).max(100) }).loose(),
    })
    .loose(),
  z.object({ type: z.literal('app_rate_limited') }).loose(),
]);

/** The interaction payload types Bolt can route; anything else would reach no listener. */
const INTERACTION_TYPES = [
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'dialog_suggestion',
  'dialog_cancellation',
] as const;

/** An interactivity `payload` (block actions, view submissions, shortcuts). */
export const interactionSchema = z.object({ type: z.enum(INTERACTION_TYPES) }).loose();

/** A slash command form. */
export const commandSchema = z
  .object({ command: z.string().min(1).max(100), team_id: z.string().max(100).optional(), text: z.string().max(4000).optional() })
  .loose();
