import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const dateText = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date and time');

const account = z
  .object({
    id: z.string().min(1).max(400),
    name: text(400).optional(),
    aadObjectId: text(100).optional(),
    role: text(32).optional(),
  })
  .loose();

const attachment = z
  .object({
    contentType: text(200),
    contentUrl: text(2048).optional(),
    name: text(400).optional(),
    thumbnailUrl: text(2048).optional(),
  })
  .loose();

/**
 * Every field botbuilder or our turn code reads, with the type they assume, checked before the
 * adapter sees the body: a malformed activity is a 400 with a reason, never a turn that fails half
 * way (a number for `locale`, a string for `entities`, no `recipient`). Unknown fields pass through.
 * Nesting depth is limited earlier, on the raw text (see http/jsonBody.ts).
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: text(400).optional(),
    name: text(200).optional(),
    timestamp: dateText.optional(),
    localTimestamp: dateText.optional(),
    expiration: dateText.optional(),
    localTimezone: text(100).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1).max(800),
        isGroup: z.boolean().optional(),
        conversationType: text(64).optional(),
        tenantId: text(200).optional(),
        name: text(400).optional(),
      })
      .loose(),
    locale: text(64).optional(),
    text: text(28_000).optional(),
    textFormat: text(32).optional(),
    speak: text(28_000).optional(),
    inputHint: text(32).optional(),
    summary: text(4000).optional(),
    replyToId: text(400).optional(),
    deliveryMode: text(32).optional(),
    valueType: text(200).optional(),
    label: text(400).optional(),
    code: text(64).optional(),
    action: text(64).optional(),
    callerId: text(400).optional(),
    value: z.unknown().optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
    attachments: z.array(attachment).max(50).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    membersAdded: z.array(account).max(500).optional(),
    membersRemoved: z.array(account).max(500).optional(),
    relatesTo: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `is missing or not ${issue.expected === 'record' || issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`;
    case 'too_big':
      return 'is too long';
    case 'too_small':
      return 'is empty';
    case 'invalid_format':
      return issue.format === 'url' ? 'must be an http or https URL' : `is not a valid ${issue.format}`;
    case 'custom':
      return issue.message;
    default:
      return 'is not valid';
  }
}

/** One line describing what is wrong, for the 400 response, in our words rather than zod's. */
export function describeActivityProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'activity'} ${describeIssue(issue)}`)
    .join('; ');
}
