import { loadConfig, loadDotEnvFile } from './config';
import { ConfigError, describeError } from './errors';
import { createLogger } from './logging/logger';
import { installLastResortHandlers } from './lib/lastResort';
import { startApp } from './app';

/** Longer than the HTTP drain and the database stop together, well inside a 10 s orchestrator grace. */
const STOP_DEADLINE_MS = 8_000;
const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
/**
 * A signal sent to the process group reaches us both directly and forwarded by npm, so a repeat
 * within this window is the same request; a later one (a second Ctrl-C) means "stop now".
 */
const REPEAT_WINDOW_MS = 1_000;

async function main(): Promise<void> {
  let config;
  try {
    loadDotEnvFile();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`NextStep cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  installLastResortHandlers(logger);

  let stop: (() => Promise<void>) | undefined = undefined;
  let stopping = false;
  let firstSignalAt = 0;
  const shutdown = (signal: string) => {
    if (stopping) {
      if (Date.now() - firstSignalAt < REPEAT_WINDOW_MS) return;
      // A second Ctrl-C means "now": the embedded database's watchdog stops it when we exit.
      logger.warn({ signal }, 'second stop signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    if (!stop) {
      // Still starting (perhaps building the database): nothing to drain yet.
      logger.info({ signal }, 'stop requested during start-up: exiting');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    setTimeout(() => {
      logger.error({ deadlineMs: STOP_DEADLINE_MS }, 'shutdown took too long: exiting anyway');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => shutdown(signal));

  const app = await startApp(config, logger);
  stop = () => app.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`NextStep failed to start: ${describeError(error)}\n`);
  process.exit(1);
});
