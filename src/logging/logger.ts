import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach the logs. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'config.teams.appPassword',
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.mongo.uri',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'nextstep' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Hides credentials embedded in a connection string (mongodb://user:pass@host). */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]+@/, '//[redacted]@');
}
