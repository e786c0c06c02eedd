import { existsSync } from 'node:fs';
import { ConfigError } from '../errors';
import { envSchema, type Env } from './env';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  apiUrl?: string;
}

/**
 * Where Bot Framework tokens are checked and obtained. Internal: never read from the environment;
 * only tests (and staging set-ups against local stand-ins) set it. Unset means Azure public cloud.
 */
export interface BotFrameworkEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  /** OAuth 2 client-credentials endpoint for outbound tokens (plain HTTP allowed, unlike MSAL). */
  tokenUrl: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  appType: Env['MICROSOFT_APP_TYPE'];
  tenantId?: string;
  /** True when no app id is configured: requests are not authenticated (Agents Playground, Emulator). */
  localMode: boolean;
  endpoints?: BotFrameworkEndpoints;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  mongo: { uri?: string; dbName: string; devDbDir: string };
  teams: TeamsConfig;
  slack?: SlackConfig;
  timezone: string;
  nudges: { schedule: string; offsetsDays: number[]; managerOffsetsDays: number[]; jobsEnabled: boolean };
  delivery: { teamsPerSecond: number; slackPerSecond: number; maxAttempts: number; leaseMs: number };
  adminEmails: string[];
  cpdEntitlementDays: number;
  logLevel: Env['LOG_LEVEL'];
}

/**
 * Reads `.env` from the working directory into the environment, if there is one. Variables already
 * set win, so the hosting platform's settings override the file.
 */
export function loadDotEnvFile(file = '.env'): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

/** Parses the environment once. Throws a ConfigError listing one line per bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(lines);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    mongo: { uri: env.MONGODB_URI, dbName: env.MONGODB_DB, devDbDir: env.DEV_DB_DIR },
    teams: {
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      appType: env.MICROSOFT_APP_TYPE,
      tenantId: env.MICROSOFT_APP_TENANT_ID,
      localMode: !env.MICROSOFT_APP_ID,
    },
    slack:
      env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
        ? { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, apiUrl: env.SLACK_API_URL }
        : undefined,
    timezone: env.TIMEZONE,
    nudges: {
      schedule: env.NUDGE_SCHEDULE,
      offsetsDays: env.NUDGE_OFFSETS_DAYS,
      managerOffsetsDays: env.MANAGER_NUDGE_OFFSETS_DAYS,
      jobsEnabled: env.JOBS_ENABLED ?? env.NODE_ENV !== 'test',
    },
    delivery: {
      teamsPerSecond: env.TEAMS_MESSAGES_PER_SECOND,
      slackPerSecond: env.SLACK_MESSAGES_PER_SECOND,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      leaseMs: env.DELIVERY_LEASE_SECONDS * 1000,
    },
    adminEmails: env.ADMIN_EMAILS,
    cpdEntitlementDays: env.CPD_ENTITLEMENT_DAYS,
    logLevel: env.LOG_LEVEL,
  };
}
