import { IANAZone } from 'luxon';
import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const emailList = z
  .string()
  .trim()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0),
  )
  .pipe(z.array(z.email('must be a comma-separated list of email addresses')));

const dayOffsets = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((value) => value.split(',').map((item) => Number(item.trim())))
    .pipe(
      z
        .array(z.number().int('must be whole numbers of days').min(0).max(365))
        .min(1, 'must list at least one number of days'),
    );

/** true/false, 1/0 or yes/no; blank means "use the default". */
const yesNo = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim().toLowerCase() : value),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
    .transform((value) => ['true', '1', 'yes'].includes(value))
    .optional(),
);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    MONGODB_URI: optionalText.pipe(
      z
        .string()
        .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
        .optional(),
    ),
    MONGODB_DB: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,38}$/, 'must be 1-38 letters, digits, _ or -')
      .default('nextstep'),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MICROSOFT_APP_TENANT_ID: optionalText,
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: optionalText.pipe(z.url('must be a URL such as https://slack.com/api/').optional()),
    TIMEZONE: z
      .string()
      .trim()
      .default('Europe/London')
      .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/London'),
    NUDGE_SCHEDULE: z
      .string()
      .trim()
      .default('0 8 * * 1-5')
      .refine((expression) => isValidCron(expression), 'must be a cron expression such as "0 8 * * 1-5"'),
    NUDGE_OFFSETS_DAYS: dayOffsets('14,2'),
    MANAGER_NUDGE_OFFSETS_DAYS: dayOffsets('7,1'),
    JOBS_ENABLED: yesNo,
    TEAMS_MESSAGES_PER_SECOND: z.coerce.number().positive().max(50, 'must be at most 50 (the Teams limit per app per tenant)').default(50),
    SLACK_MESSAGES_PER_SECOND: z.coerce.number().positive().max(20).default(1),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    ADMIN_EMAILS: emailList,
    CPD_ENTITLEMENT_DAYS: z.coerce.number().min(0).max(60).default(5),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEV_DB_DIR: z.string().trim().default('.data/ferretdb'),
  })
  .superRefine((env, ctx) => {
    const slackParts = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET].filter(Boolean).length;
    if (slackParts === 1) {
      ctx.addIssue({
        code: 'custom',
        path: [env.SLACK_BOT_TOKEN ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN'],
        message: 'Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or neither, to turn Slack off)',
      });
    }
    if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'is required when MICROSOFT_APP_TYPE is SingleTenant' });
    }
    if (env.MICROSOFT_APP_PASSWORD && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_ID'], message: 'is required when MICROSOFT_APP_PASSWORD is set' });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.MONGODB_URI) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URI'], message: 'is required in production (the embedded database is for development only)' });
    }
    if (!env.MICROSOFT_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_ID'], message: 'is required in production (unauthenticated local mode is for development only)' });
    }
    if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: `is required in production when MICROSOFT_APP_TYPE is ${env.MICROSOFT_APP_TYPE}` });
    }
  });

export type Env = z.infer<typeof envSchema>;
