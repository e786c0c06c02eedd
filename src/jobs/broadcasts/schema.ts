import { z } from 'zod';

const slug = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, "-" or "_"');

/** A channel's public id: `teams:<conversation id>` or `slack:<channel id>`. */
export const channelRefSchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^(teams|slack):[^\s$]+$/, 'a channel id looks like teams:19:…@thread.tacv2 or slack:C0123ABCD');

/** What a broadcast asks for, from the command line or a chat form: validated before anything is read. */
export const broadcastRequestSchema = z.object({
  opportunityId: slug,
  pathway: slug.optional(),
  stage: slug.optional(),
  school: z.string().trim().min(1).max(200).optional(),
  channels: z.array(channelRefSchema).max(100).default([]),
});

export type BroadcastRequest = z.infer<typeof broadcastRequestSchema>;

export const broadcastIdSchema = z.string().trim().regex(/^b-[a-f0-9]{10}$/, 'a broadcast id looks like b-0123456789');
