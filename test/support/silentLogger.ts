import { createLogger, type Logger } from '../../src/logging/logger';

export function silentLogger(): Logger {
  return createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
}
