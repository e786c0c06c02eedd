import { REMAINING_CHOICES, startFirstAvailable } from '../../../src/store/embedded/chooseEmbedded';
import type { EmbeddedDatabase, EmbeddedOption } from '../../../src/store/embedded/types';
import { EmbeddedDatabaseError } from '../../../src/errors';

function database(engine: string): EmbeddedDatabase {
  return { uri: `mongodb://127.0.0.1:1/${engine}`, engine, stop: async () => undefined };
}

/** An option that records when it was tried and then answers as told. */
function option(label: string, tried: string[], answer: () => Promise<EmbeddedDatabase | { unavailable: string }>): EmbeddedOption {
  return {
    label,
    start: async (progress) => {
      tried.push(label);
      progress(`    working on ${label}`);
      return answer();
    },
  };
}

describe('choosing the embedded development database', () => {
  it('uses the first option that starts and does not try the later ones', async () => {
    const tried: string[] = [];
    const lines: string[] = [];
    const chosen = await startFirstAvailable(
      [
        option('installed FerretDB', tried, async () => ({ unavailable: 'not built yet' })),
        option('cached mongod', tried, async () => database('mongod')),
        option('FerretDB built with Go', tried, async () => database('ferretdb')),
      ],
      (line) => lines.push(line),
    );
    expect(chosen.engine).toBe('mongod');
    expect(tried).toEqual(['installed FerretDB', 'cached mongod']);
    expect(lines).toEqual([
      '(1/3) installed FerretDB',
      '    working on installed FerretDB',
      '    not possible here: not built yet',
      '(2/3) cached mongod',
      '    working on cached mongod',
      'Using mongod at mongodb://127.0.0.1:1/mongod',
    ]);
  });

  it('falls through to the next option when a download fails', async () => {
    const tried: string[] = [];
    const lines: string[] = [];
    const chosen = await startFirstAvailable(
      [
        option('mongod download', tried, async () => {
          throw new Error('getaddrinfo ENOTFOUND fastdl.mongodb.org');
        }),
        option('FerretDB built with Go', tried, async () => database('ferretdb')),
      ],
      (line) => lines.push(line),
    );
    expect(chosen.engine).toBe('ferretdb');
    expect(tried).toEqual(['mongod download', 'FerretDB built with Go']);
    expect(lines).toContain('    not possible here: failed: getaddrinfo ENOTFOUND fastdl.mongodb.org');
  });

  it('says what was tried and exactly what is left to do when nothing works', async () => {
    const tried: string[] = [];
    const attempt = startFirstAvailable(
      [
        option('installed FerretDB', tried, async () => ({ unavailable: 'not built yet' })),
        option('mongod download', tried, async () => ({ unavailable: 'cannot reach fastdl.mongodb.org (ENOTFOUND)' })),
        option('FerretDB built with Go', tried, async () => ({ unavailable: 'Go is not installed' })),
      ],
      () => undefined,
    );
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(tried).toHaveLength(3);
    expect(message).toContain('  - installed FerretDB: not built yet');
    expect(message).toContain('  - mongod download: cannot reach fastdl.mongodb.org (ENOTFOUND)');
    expect(message).toContain('  - FerretDB built with Go: Go is not installed');
    for (const choice of REMAINING_CHOICES) expect(message).toContain(choice);
    expect(message).toMatch(/install Go/);
    expect(message).toMatch(/MONGODB_URI/);
    expect(message).toMatch(/docker run .* mongo/);
  });
});
