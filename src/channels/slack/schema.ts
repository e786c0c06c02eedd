import { z } from 'zod';

/**
 * The parts of Slack's payloads NextStep reads. Slack signs them, but they are still validated
 * here; the action a button carries is validated again by the core's action schema.
 */

const id = z.string().min(1).max(64);
const optionalId = z
  .object({ id })
  .nullish()
  .transform((value) => value?.id);

export const messageEventSchema = z.object({
  type: z.literal('message'),
  channel: id,
  channel_type: z.string().max(20).optional(),
  user: id,
  text: z.string().max(40_000).default(''),
  ts: z.string().max(32),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

export const appMentionSchema = z.object({
  type: z.literal('app_mention'),
  channel: id,
  user: id,
  text: z.string().max(40_000).default(''),
  ts: z.string().max(32),
  thread_ts: z.string().max(32).optional(),
});

export const homeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: id,
  tab: z.string().max(20).optional(),
});

export const slashCommandSchema = z.object({
  command: z.string().max(40),
  text: z.string().max(4000).default(''),
  user_id: id,
  user_name: z.string().max(200).optional(),
  channel_id: id,
  team_id: id,
  enterprise_id: id.optional(),
  trigger_id: z.string().max(200).optional(),
  response_url: z.url({ protocol: /^https?$/ }),
});

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  api_app_id: id.optional(),
  user: z.object({ id, name: z.string().max(200).optional() }),
  team: optionalId,
  enterprise: optionalId,
  trigger_id: z.string().max(200).optional(),
  channel: optionalId,
  container: z
    .object({
      type: z.string().max(40),
      message_ts: z.string().max(32).optional(),
      channel_id: id.optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }))
    .min(1)
    .max(1),
});

const inputValue = z.object({
  value: z.string().max(4000).nullish(),
  selected_option: z.object({ value: z.string().max(150) }).nullish(),
  selected_options: z.array(z.object({ value: z.string().max(150) })).max(100).nullish(),
  selected_date: z.string().max(10).nullish(),
});

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id, name: z.string().max(200).optional() }),
  team: optionalId,
  enterprise: optionalId,
  view: z.object({
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).optional(),
    state: z.object({ values: z.record(z.string().max(255), z.record(z.string().max(255), inputValue)) }),
  }),
});

/** Public and private channel ids (private ones made before 2021 start with G). */
const channelId = z.string().regex(/^[CG][A-Z0-9]{2,30}$/);
const channelName = z.string().min(1).max(200);

/** Someone (perhaps the bot) joined or left a channel the bot is in. */
export const channelMemberEventSchema = z.object({
  type: z.enum(['member_joined_channel', 'member_left_channel']),
  user: id,
  channel: channelId,
  team: id.optional(),
});

/** The bot left a channel, or the channel was archived or deleted: nothing more can be posted there. */
export const channelGoneEventSchema = z.object({
  type: z.enum(['channel_left', 'group_left', 'channel_archive', 'group_archive', 'channel_deleted', 'group_deleted']),
  channel: channelId,
});

export const channelRenameEventSchema = z.object({
  type: z.enum(['channel_rename', 'group_rename']),
  channel: z.object({ id: channelId, name: channelName }),
});

/** Web API answers read for channels: `conversations.info`, a page of `users.conversations`, `auth.test`. */
export const slackChannelSchema = z.object({ id: channelId, name: channelName });
export const conversationInfoSchema = z.object({ channel: slackChannelSchema });
export const channelPageSchema = z.object({
  // Each channel is checked on its own, so one odd entry does not lose the page.
  channels: z.array(z.unknown()).max(1000),
  response_metadata: z.object({ next_cursor: z.string().max(1000).optional() }).optional(),
});
export const authTestSchema = z.object({ team_id: id });

/** What a NextStep button carries: text to say (suggestions) or an action for the core to check. */
export const sayValueSchema = z.object({ say: z.string().min(1).max(500) }).strict();
export const actionValueSchema = z.object({ action: z.string().max(40) }).loose();

export type MessageEvent = z.infer<typeof messageEventSchema>;
export type AppMention = z.infer<typeof appMentionSchema>;
export type SlashCommand = z.infer<typeof slashCommandSchema>;
export type BlockActions = z.infer<typeof blockActionsSchema>;
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;
