import { z } from 'zod';
import { slugSchema } from '../careerMap/schema';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());
const broadcastId = z.string().trim().regex(/^b-[a-f0-9]{10}$/);

/** How many channels one broadcast may name from chat (a Slack button value holds about this many refs). */
export const MAX_FORM_CHANNELS = 20;

/** A channel's public id, `teams:<conversation id>` or `slack:<channel id>`; commas separate refs in a form. */
export const channelRefSchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^(teams|slack):[^\s$,]+$/);

/** Channel refs as a multi-select submits them (comma-separated) or as a confirm button carries them (a list). */
const channelList = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const refs = value.split(',').map((ref) => ref.trim()).filter((ref) => ref !== '');
  return refs.length > 0 ? refs : undefined;
}, z.array(channelRefSchema).max(MAX_FORM_CHANNELS).optional());

/**
 * What broadcast buttons and the audience form submit. A confirm carries only what the admin
 * previewed; the handlers check the speaker is an admin and work the audience out again from the
 * directory. The form's values are only shaped here: whether the opportunity, pathway, stage,
 * school and channels exist in the speaker's organisation is checked by `checkAudienceForm`.
 */
export const broadcastActionSchemas = [
  z.object({
    action: z.literal('confirmBroadcast'),
    opportunityId: slugSchema,
    pathway: optionalText(200),
    stage: optionalText(200),
    school: optionalText(200),
    channels: channelList,
    /** Optional so that a forged press still meets the admin check; the handler requires it. */
    previewId: z.preprocess(blankToUndefined, z.string().regex(/^[a-f0-9]{16}$/).optional()),
  }),
  z.object({ action: z.literal('dismissBroadcast') }),
  z.object({ action: z.literal('broadcastStatus'), broadcastId }),
  z.object({ action: z.literal('cancelBroadcast'), broadcastId }),
  z.object({ action: z.literal('openBroadcastForm'), opportunityId: z.preprocess(blankToUndefined, slugSchema.optional()) }),
  z.object({
    action: z.literal('previewBroadcastForm'),
    opportunityId: optionalText(200),
    pathway: optionalText(200),
    /** `pathway/stage`, as the stage choices are valued. */
    stage: optionalText(200),
    school: optionalText(200),
    /** Comma-separated channel refs; each is checked against the organisation's active channels. */
    channels: optionalText(MAX_FORM_CHANNELS * 310),
  }),
];
