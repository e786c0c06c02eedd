import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(400), name: z.string().max(400).optional() }).loose();

/**
 * The minimum shape of a Bot Framework activity, checked before the adapter sees it, so malformed
 * bodies get a 400 with a reason instead of failing somewhere inside botbuilder.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(400).optional(),
    name: z.string().max(200).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    from: account,
    recipient: account.optional(),
    conversation: z
      .object({
        id: z.string().min(1).max(800),
        conversationType: z.string().max(64).optional(),
        tenantId: z.string().max(200).optional(),
      })
      .loose(),
    text: z.string().max(28_000).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    membersAdded: z.array(account).optional(),
  })
  .loose();

/** One line describing what is wrong, for the 400 response. */
export function describeActivityProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'activity'}: ${issue.message}`)
    .join('; ');
}
