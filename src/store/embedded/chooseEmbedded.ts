import { EmbeddedDatabaseError, describeError } from '../../errors';
import { isUnavailable, type EmbeddedDatabase, type EmbeddedOption, type Progress } from './types';

/** What a person can still do when no option worked; every line is something they can act on. */
export const REMAINING_CHOICES = [
  'install Go 1.22 or newer (https://go.dev/dl/) and run `npm start` again: FerretDB is then built once into .tools/ (about 3 minutes)',
  'or set MONGODB_URI to a MongoDB server you already have (Atlas, Cosmos DB for MongoDB, a local mongod)',
  'or start one with Docker: `docker run -d --name nextstep-mongo -p 27017:27017 mongo:7`, then `MONGODB_URI=mongodb://127.0.0.1:27017/ npm start`',
];

/**
 * Tries each option in order and returns the first database that starts. An option that is
 * unavailable or fails is reported and the next one is tried; when none works the error lists what
 * was tried and what the person can do next.
 */
export async function startFirstAvailable(options: EmbeddedOption[], progress: Progress): Promise<EmbeddedDatabase> {
  const outcomes: string[] = [];
  for (const [index, option] of options.entries()) {
    progress(`(${index + 1}/${options.length}) ${option.label}`);
    let reason: string;
    try {
      const result = await option.start(progress);
      if (!isUnavailable(result)) {
        progress(`Using ${result.engine} at ${result.uri}`);
        return result;
      }
      reason = result.unavailable;
    } catch (error) {
      reason = `failed: ${describeError(error)}`;
    }
    outcomes.push(`${option.label}: ${reason}`);
    progress(`    not possible here: ${reason}`);
  }
  throw new EmbeddedDatabaseError(
    [
      'No embedded development database could be started. Tried:',
      ...outcomes.map((line) => `  - ${line}`),
      'To go on, do one of these:',
      ...REMAINING_CHOICES.map((line) => `  - ${line}`),
    ].join('\n'),
  );
}
