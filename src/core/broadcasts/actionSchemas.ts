import { z } from 'zod';
import { slugSchema } from '../careerMap/schema';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(1).max(200).optional());
const broadcastId = z.string().trim().regex(/^b-[a-f0-9]{10}$/);

/**
 * What broadcast buttons submit. A confirm carries only what the admin previewed; the handler
 * checks the speaker is an admin and works the audience out again from the directory.
 */
export const broadcastActionSchemas = [
  z.object({ action: z.literal('confirmBroadcast'), opportunityId: slugSchema, pathway: optionalText, stage: optionalText, school: optionalText }),
  z.object({ action: z.literal('dismissBroadcast') }),
  z.object({ action: z.literal('broadcastStatus'), broadcastId }),
  z.object({ action: z.literal('cancelBroadcast'), broadcastId }),
];
