import type { Logger } from '../logging/logger';

/**
 * Process-wide last resort. No client input should ever get here (the HTTP edge handles every
 * stream and parse error); if something does, it is logged as one structured line instead of
 * vanishing. A rejected promise nobody awaited leaves the process consistent, so it keeps
 * serving; an uncaught exception may not, so the process exits for its supervisor to restart it.
 */
export function installLastResortHandlers(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    exit(1);
  });
}
