/**
 * Typed errors. Each carries a stable code, a message that is safe to show to the person who
 * caused it, and whether an operator should be alerted.
 */
export abstract class NextStepError extends Error {
  abstract readonly code: string;
  /** Whether this points at a fault operators must look at (as opposed to bad input). */
  readonly alert: boolean = false;
  /** HTTP status when the error reaches an HTTP boundary. */
  readonly status: number = 400;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends NextStepError {
  readonly code = 'config_invalid';
  override readonly alert = true;
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
}

export class ValidationError extends NextStepError {
  readonly code = 'validation_failed';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export class CareerMapMissingError extends NextStepError {
  readonly code = 'career_map_missing';
  override readonly alert = true;
  override readonly status = 503;
  constructor(readonly orgId: string) {
    super("Your organisation's career map hasn't been loaded yet, so I can't show opportunities. Please let your NextStep admin know.");
  }
}

export class ConflictError extends NextStepError {
  readonly code = 'conflict';
  override readonly status = 409;
}

/** What a person is told when their turn could not reach the database. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "Sorry, I can't reach my records just now, so I couldn't do that. Please try again in a minute or two.";

/** …and when it was lost after the turn had already answered (a change may not have been kept). */
export const DATABASE_LOST_MIDWAY_MESSAGE =
  'Sorry, I lost touch with my records part-way through, so that may not have been saved. Please check again in a minute or two.';

/** The database did not answer (server selection failed, the connection dropped or hung). */
export class DatabaseUnavailableError extends NextStepError {
  readonly code = 'database_unavailable';
  override readonly alert = true;
  override readonly status = 503;
  constructor(message: string = DATABASE_UNAVAILABLE_MESSAGE, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class EmbeddedDatabaseError extends NextStepError {
  readonly code = 'embedded_database_failed';
  override readonly alert = true;
  override readonly status = 500;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
