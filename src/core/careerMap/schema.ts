import { DateTime } from 'luxon';
import { z } from 'zod';

/** Lower-case kebab-case identifier used for pathways, stages and opportunities. */
export const slugSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens (e.g. "middle-leader")');

export const SCOPES = ['self', 'school', 'trust', 'national'] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

export const OPPORTUNITY_KINDS = [
  'course',
  'qualification',
  'programme',
  'network',
  'shadowing',
  'placement',
  'secondment',
  'visit',
  'informal-role',
  'project',
  'research',
  'coaching',
  'mentoring',
  'reading',
  'apprenticeship',
  'bursary',
  'event',
] as const;
export const opportunityKindSchema = z.enum(OPPORTUNITY_KINDS);
export type OpportunityKind = z.infer<typeof opportunityKindSchema>;

export const ENTITLEMENTS = ['universal', 'optional'] as const;
export const entitlementSchema = z.enum(ENTITLEMENTS);
export type Entitlement = z.infer<typeof entitlementSchema>;

/** Calendar date in ISO form (YYYY-MM-DD). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, 'is not a real calendar date');

/** Links people can open: http(s) only, never javascript: or mailto:. */
export const webUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) web address' });

export const readingItemSchema = z.object({
  title: z.string().trim().min(1).max(200),
  author: z.string().trim().max(200).optional(),
  url: webUrlSchema.optional(),
  note: z.string().trim().max(400).optional(),
});
export type ReadingItem = z.infer<typeof readingItemSchema>;

/** A stage on a pathway, named by both ids. */
export const stageRefSchema = z.object({ pathway: slugSchema, stage: slugSchema });
export type StageRef = z.infer<typeof stageRefSchema>;

export const stageSchema = z.object({
  id: slugSchema,
  name: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(600),
  /** Typical roles held at this stage, for people choosing their stage during onboarding. */
  roles: z.array(z.string().trim().min(1).max(100)).default([]),
  reading: z.array(readingItemSchema).default([]),
  /** How pay progression relates to this stage, in plain words. */
  payNote: z.string().trim().max(600).optional(),
  /** Other words people use for this stage ("HoD", "deputy head"), so the bot understands them. */
  synonyms: z.array(z.string().trim().min(1).max(100)).optional(),
  /**
   * The stages people usually move to from here, possibly on another pathway (HLTA → trainee
   * teacher). When absent, the next stage on the same pathway.
   */
  next: z.array(stageRefSchema).optional(),
  /** Tags that matter most at this stage ("hlta" for senior TAs): items carrying one rank first. */
  focus: z.array(z.string().trim().min(1).max(40)).optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const pathwaySchema = z
  .object({
    id: slugSchema,
    name: z.string().trim().min(1).max(100),
    summary: z.string().trim().min(1).max(600),
    /** Other words people use for this pathway ("support staff", "office team"). */
    synonyms: z.array(z.string().trim().min(1).max(100)).optional(),
    /** Ordered from the first stage to the most senior. */
    stages: z.array(stageSchema).min(1),
  })
  .superRefine((pathway, ctx) => {
    const seen = new Set<string>();
    pathway.stages.forEach((stage, index) => {
      if (seen.has(stage.id)) {
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `duplicate stage id "${stage.id}"` });
      }
      seen.add(stage.id);
    });
  });
export type Pathway = z.infer<typeof pathwaySchema>;

export const ownerSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  email: z.email(),
});

export const opportunitySchema = z.object({
  id: slugSchema,
  title: z.string().trim().min(1).max(150),
  summary: z.string().trim().min(1).max(800),
  /** Pathway ids this applies to. An opportunity on several pathways is a cross-pathway route. */
  pathways: z.array(slugSchema).min(1),
  /** Stage ids this applies to; each must exist in at least one of `pathways`. */
  stages: z.array(slugSchema).min(1),
  scope: scopeSchema,
  kind: opportunityKindSchema,
  entitlement: entitlementSchema,
  provider: z.string().trim().max(150).optional(),
  url: webUrlSchema.optional(),
  closes: isoDateSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(40)).default([]),
  /** Who to tell when someone registers interest (informal roles, shadowing, placements). */
  owner: ownerSchema.optional(),
  /**
   * Indicative length, logged as CPD when the item is completed. Leave it out for entitlements
   * that are not themselves CPD (the five CPD days, the careers discussion).
   */
  durationDays: z.number().positive().max(400).optional(),
  /** Pins an item: higher numbers show first within their section (default 0). */
  priority: z.number().int().min(-100).max(100).optional(),
  /** `annual`: completing it hides it only until the next school year starts (1 September). */
  recurs: z.enum(['annual']).optional(),
  /** Only for people who joined within the last year (trust induction). */
  forNewStarters: z.boolean().optional(),
  /** Job titles for which this item is required (e.g. "SENCO"); matched against the staff record's job title. */
  requiredFor: z.array(z.string().trim().min(2).max(100)).optional(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const careerMapSchema = z.object({
  pathways: z
    .array(pathwaySchema)
    .min(1)
    .superRefine((pathways, ctx) => {
      const first = new Map<string, number>();
      pathways.forEach((pathway, index) => {
        const seen = first.get(pathway.id);
        if (seen === undefined) first.set(pathway.id, index);
        else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate pathway id "${pathway.id}" (first at pathways[${seen}])` });
      });
    }),
  /** Minimum CPD days a year every member of staff is promised; CPD_ENTITLEMENT_DAYS when absent. */
  cpdEntitlementDays: z.number().min(0).max(60).optional(),
}).superRefine((map, ctx) => {
  const known = new Set(map.pathways.flatMap((pathway) => pathway.stages.map((stage) => `${pathway.id}/${stage.id}`)));
  map.pathways.forEach((pathway, p) =>
    pathway.stages.forEach((stage, s) =>
      (stage.next ?? []).forEach((ref, n) => {
        if (!known.has(`${ref.pathway}/${ref.stage}`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pathways', p, 'stages', s, 'next', n],
            message: `next stage "${ref.stage}" is not a stage of pathway "${ref.pathway}"`,
          });
        }
      }),
    ),
  );
});
export type CareerMap = z.infer<typeof careerMapSchema>;
