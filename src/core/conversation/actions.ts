import { z } from 'zod';
import { adminActionSchemas } from '../admin/schema';
import { opportunityKindSchema, scopeSchema, slugSchema } from '../careerMap/schema';
import { INTENTS } from '../nlu';
import { planStatusSchema } from '../plan/planStatus';
import { nudgeActionSchemas } from '../nudges/actionSchemas';
import { broadcastActionSchemas } from '../broadcasts/actionSchemas';
import { uploadActionSchemas } from '../uploads/actionSchemas';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** A browse list's filter, echoed back by its buttons. */
const browseQueryFields = {
  text: optionalField(z.string().max(200)),
  scope: optionalField(scopeSchema),
  kind: optionalField(opportunityKindSchema),
  tag: optionalField(z.string().max(40)),
  pathway: optionalField(slugSchema),
  stage: optionalField(slugSchema),
};

/** Which card a "Save to plan" press came from, so that card can be redrawn showing the item saved. */
export const SAVE_ORIGINS = ['whatNext', 'browse', 'route'] as const;

/**
 * What card buttons and forms submit. Everything here arrives from a client and is untrusted:
 * handlers re-check who is asking and what they may do.
 */
export const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('runIntent'), intent: z.enum(INTENTS) }),
  z.object({ action: z.literal('showOpportunity'), opportunityId: slugSchema }),
  z.object({
    action: z.literal('saveOpportunity'),
    opportunityId: slugSchema,
    from: optionalField(z.enum(SAVE_ORIGINS)),
    page: optionalField(z.coerce.number().int().min(0).max(100)),
    ...browseQueryFields,
  }),
  z.object({ action: z.literal('markInterest'), opportunityId: slugSchema }),
  z.object({ action: z.literal('setPlanStatus'), opportunityId: slugSchema, status: planStatusSchema }),
  // Without a valid token, removing asks first (the plan is redrawn with a confirmation).
  z.object({ action: z.literal('removeFromPlan'), opportunityId: slugSchema, token: optionalField(z.string().max(64)) }),
  z.object({ action: z.literal('whatNextPage'), page: z.coerce.number().int().min(0).max(100) }),
  z.object({
    action: z.literal('browsePage'),
    page: z.coerce.number().int().min(0).max(100),
    ...browseQueryFields,
  }),
  z.object({ action: z.literal('startOnboarding') }),
  z.object({
    action: z.literal('submitOnboarding'),
    email: optionalField(z.string().max(254)),
    name: optionalField(z.string().max(100)),
    pathway: optionalField(z.string().max(80)),
    stage: optionalField(z.string().max(80)),
    school: optionalField(z.string().max(100)),
    managerEmail: optionalField(z.string().max(254)),
    nextDiscussion: optionalField(z.string().max(20)),
  }),
  z.object({ action: z.literal('openLogCpd') }),
  z.object({
    action: z.literal('logCpd'),
    title: optionalField(z.string().max(200)),
    days: optionalField(z.string().max(10)),
    date: optionalField(z.string().max(20)),
  }),
  // The token is optional here so that a press without one gets a polite refusal, not "couldn't read".
  z.object({ action: z.literal('confirmDeleteData'), token: optionalField(z.string().max(64)) }),
  z.object({ action: z.literal('cancelDeleteData') }),
  ...adminActionSchemas,
  ...nudgeActionSchemas,
  ...broadcastActionSchemas,
  ...uploadActionSchemas,
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionName = Action['action'];
export type SaveOpportunityAction = Extract<Action, { action: 'saveOpportunity' }>;
