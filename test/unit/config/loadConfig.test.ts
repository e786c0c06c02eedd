import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/errors';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs with zero configuration in development', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.mongo.uri).toBeUndefined();
    expect(config.teams.localMode).toBe(true);
    expect(config.slack).toBeUndefined();
    expect(config.timezone).toBe('Europe/London');
    expect(config.cpdEntitlementDays).toBe(5);
  });

  it('turns Slack on only when both credentials are set', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 'secret', apiUrl: undefined });
    expect(problemsFor({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_SIGNING_SECRET: Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or neither, to turn Slack off)',
    ]);
  });

  it('reports one line per bad variable', () => {
    const problems = problemsFor({
      PORT: 'eighty',
      MONGODB_URI: 'postgres://x',
      TIMEZONE: 'Mars/Olympus',
      ADMIN_EMAILS: 'a@b.org, not-an-email',
      NUDGE_SCHEDULE: 'every day',
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('PORT:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('MONGODB_URI:'))).toContain('mongodb://');
    expect(problems.find((p) => p.startsWith('TIMEZONE:'))).toContain('IANA');
    expect(problems.find((p) => p.startsWith('ADMIN_EMAILS'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('NUDGE_SCHEDULE:'))).toContain('cron');
  });

  it('makes missing credentials a startup error in production', () => {
    const problems = problemsFor({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MONGODB_URI']);
  });

  it('parses admin emails and nudge offsets into typed values', () => {
    const config = loadConfig({ ADMIN_EMAILS: ' Head@School.org ,cpd@trust.org', NUDGE_OFFSETS_DAYS: '21, 7,1' });
    expect(config.adminEmails).toEqual(['head@school.org', 'cpd@trust.org']);
    expect(config.nudges.offsetsDays).toEqual([21, 7, 1]);
  });
});
