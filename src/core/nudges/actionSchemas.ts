import { z } from 'zod';
import { slugSchema } from '../careerMap/schema';
import { workEmailSchema } from '../staff/staffMember';

const days = z.coerce.number().int().min(1).max(14);

/**
 * What nudge and reminder buttons submit. The email in a manager's button only says which report
 * the card was about: handlers check against the directory that the speaker manages that person.
 */
export const nudgeActionSchemas = [
  z.object({ action: z.literal('addToAgenda'), opportunityId: slugSchema }),
  z.object({ action: z.literal('snoozeNudge'), days }),
  z.object({ action: z.literal('markDiscussionHeld'), email: workEmailSchema }),
  z.object({ action: z.literal('rescheduleDiscussion'), email: workEmailSchema }),
  z.object({
    action: z.literal('setNextDiscussion'),
    email: workEmailSchema,
    // Filled in by the date input; a form sent without it is answered with the form again.
    date: z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(20).optional()),
  }),
  z.object({ action: z.literal('snoozeReminder'), email: workEmailSchema, days }),
] as const;
