import { z } from 'zod';
import { slugSchema } from '../careerMap/schema';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().max(max).optional());

/**
 * What admin cards submit. Untrusted like every payload: the handlers check that the speaker the
 * channel resolved is an admin before acting, whatever the payload says.
 */
export const adminActionSchemas = [
  z.object({ action: z.literal('revokeAdmin'), email: z.string().trim().min(1).max(254) }),
  z.object({ action: z.literal('openOpportunityForm') }),
  z.object({ action: z.literal('editOpportunity'), opportunityId: slugSchema }),
  z.object({
    action: z.literal('saveOpportunityForm'),
    /** Set when the form edits an existing item: its id, which an edit keeps. */
    editing: z.preprocess(emptyToUndefined, slugSchema.optional()),
    id: optionalText(200),
    title: optionalText(400),
    summary: optionalText(2000),
    pathways: optionalText(1000),
    stages: optionalText(2000),
    scope: optionalText(40),
    kind: optionalText(40),
    entitlement: optionalText(40),
    provider: optionalText(400),
    url: optionalText(2000),
    closes: optionalText(40),
    tags: optionalText(1000),
  }),
] as const;
