import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { cli, type CliRun } from '../support/cliRunner';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const fixture = (name: string): string => path.join(FIXTURES, name);

describe('nextstep CLI (in-process, real database)', () => {
  const savedEnv = { ...process.env };
  let client: MongoClient;
  let db: Db;
  let dbName: string;

  const count = (collection: string): Promise<number> => db.collection(collection).countDocuments({});
  const lines = (text: string): string[] => text.split('\n').filter((line) => line.length > 0);

  beforeAll(async () => {
    client = await MongoClient.connect(testDatabaseUri(), { serverSelectionTimeoutMS: 10_000 });
  });

  afterAll(async () => {
    await client.close();
  });

  beforeEach(async () => {
    dbName = uniqueDbName();
    process.env.MONGODB_URI = testDatabaseUri();
    process.env.MONGODB_DB = dbName;
    process.env.LOG_LEVEL = 'silent';
    db = client.db(dbName);
    const listed = await cli('org', 'list');
    expect(listed.code).toBe(0);
  });

  afterEach(async () => {
    await db.dropDatabase().catch(() => undefined);
    for (const key of ['MONGODB_DB', 'LOG_LEVEL'] as const) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });

  describe('import staff', () => {
    it('imports a good file, then reports nothing new on a re-run', async () => {
      const first = await cli('import', 'staff', fixture('staff-good.csv'));
      expect(first).toEqual({
        code: 0,
        stdout: 'Imported 4 people into "default": 4 new, 0 changed, 0 unchanged, 0 deactivated.\n',
        stderr: '',
      });
      expect(await count('staff')).toBe(4);

      const second = await cli('import', 'staff', fixture('staff-good.csv'));
      expect(second.code).toBe(0);
      expect(second.stdout).toBe('Imported 4 people into "default": 0 new, 0 changed, 4 unchanged, 0 deactivated.\n');
      expect(await count('staff')).toBe(4);
    });

    it('writes nothing on --dry-run', async () => {
      const run = await cli('import', 'staff', fixture('staff-good.csv'), '--dry-run');
      expect(run).toEqual({
        code: 0,
        stdout: 'Dry run: 4 people: 4 new, 0 changed, 0 unchanged, 0 deactivated. Nothing written.\n',
        stderr: '',
      });
      expect(await count('staff')).toBe(0);
    });

    it('rejects a bad file with one line per problem and writes nothing', async () => {
      await cli('import', 'staff', fixture('staff-good.csv'));
      const before = await count('staff');

      const run = await cli('import', 'staff', fixture('staff-bad.csv'));
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const problems = lines(run.stderr);
      expect(problems).toHaveLength(3);
      expect(problems[0]).toBe('staff-bad.csv: row 3, name: is required');
      expect(problems[1]).toMatch(/^staff-bad\.csv: row 4, stage: stage "wizard" is not a stage of teaching \(allowed: .*ect.*\)$/);
      expect(problems[2]).toBe('staff-bad.csv: row 5, email: "erin@" is not a valid email address');

      expect(await count('staff')).toBe(before);
      expect(await db.collection('staff').countDocuments({ email: 'ok@example.org' })).toBe(0);
    });

    it('rejects a file with a missing column', async () => {
      const run = await cli('import', 'staff', fixture('staff-missing-column.csv'));
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual(['staff-missing-column.csv: missing column: stage']);
      expect(await count('staff')).toBe(0);
    });

    it('fails clearly for a file that does not exist', async () => {
      const run = await cli('import', 'staff', fixture('no-such-file.csv'));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/no-such-file\.csv: cannot read the file \(ENOENT\)/);
    });
  });

  describe('import opportunities', () => {
    it('imports a valid CSV and is idempotent on a re-run', async () => {
      const shipped = await count('opportunities');
      expect(shipped).toBeGreaterThan(0);

      const first = await cli('import', 'opportunities', fixture('opportunities-good.csv'));
      expect(first).toEqual({
        code: 0,
        stdout: 'Imported 2 opportunities into "default": 2 new, 0 updated, 0 unchanged.\n',
        stderr: '',
      });
      expect(await count('opportunities')).toBe(shipped + 2);

      const second = await cli('import', 'opportunities', fixture('opportunities-good.csv'));
      expect(second.code).toBe(0);
      expect(second.stdout).toBe('Imported 2 opportunities into "default": 0 new, 0 updated, 2 unchanged.\n');
      expect(await count('opportunities')).toBe(shipped + 2);
    });

    it('previews on --dry-run without writing', async () => {
      const shipped = await count('opportunities');
      const run = await cli('import', 'opportunities', fixture('opportunities-good.csv'), '--dry-run');
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual([
        'Dry run: 2 new, 0 updated, 0 unchanged. Nothing written.',
        '  + cli-phonics-clinic',
        '  + cli-ta-to-teacher',
      ]);
      expect(await count('opportunities')).toBe(shipped);
    });

    it('rejects an unknown scope and changes nothing', async () => {
      const shipped = await count('opportunities');
      const run = await cli('import', 'opportunities', fixture('opportunities-bad.csv'));
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        'opportunities-bad.csv: row 2, scope: "regional" is not allowed; use one of self, school, trust, national',
      ]);
      expect(await count('opportunities')).toBe(shipped);
    });
  });

  describe('next', () => {
    async function nextFor(email: string): Promise<CliRun> {
      const run = await cli('next', '--email', email);
      return run;
    }

    function expectWhatNextView(run: CliRun, name: string): void {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const view = JSON.parse(run.stdout) as {
        type: string;
        name: string;
        entitlement: { id?: string }[];
        options: { scope: string; items: unknown[] }[];
        topSteps?: { id: string }[];
        everyoneLine?: string;
      };
      expect(view.type).toBe('whatNext');
      expect(view.name).toBe(name);
      expect(view.topSteps).toHaveLength(3);
      expect(view.everyoneLine).toContain('Annual careers discussion');
      expect(view.options.length).toBeGreaterThan(0);
      for (const group of view.options) expect(group.items.length).toBeGreaterThan(0);
    }

    it('prints the what-next view as JSON (person record with interests)', async () => {
      await cli('import', 'staff', fixture('staff-good.csv'));
      await db.collection('staff').updateMany({}, { $set: { interests: ['leadership'] } });
      expectWhatNextView(await nextFor('grace@example.org'), 'Grace Hopper');
      expectWhatNextView(await nextFor('ADA@example.org'), 'Ada Lovelace');
    });

    // Regression: FerretDB 1.x drops empty arrays written by $setOnInsert, so imported people may lack `interests`.
    test('prints the what-next view for a freshly imported person', async () => {
      await cli('import', 'staff', fixture('staff-good.csv'));
      expectWhatNextView(await nextFor('grace@example.org'), 'Grace Hopper');
    });

    it('fails with a clear line for an unknown email', async () => {
      const run = await cli('next', '--email', 'nobody@example.org');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual(['--email: nobody with email "nobody@example.org" in organisation "default"']);
    });

    it('fails with a clear line for an unknown organisation', async () => {
      const run = await cli('next', '--email', 'grace@example.org', '--org', 'nowhere');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^organisation "nowhere" does not exist \(known: default\)/);
    });
  });

  it('nlu recognises "show me NPQs" as browsing qualifications', async () => {
    const run = await cli('nlu', 'show me NPQs');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { intent: string; entities: { kind?: string } };
    expect(result).toMatchObject({ text: 'show me NPQs', intent: 'browse', entities: { kind: 'qualification' } });
  });

  it('org add with a Teams tenant shows up in org list', async () => {
    const added = await cli('org', 'add', 'north-trust', '--teams-tenant', 't-north');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('Organisation "north-trust" saved with the default career map.\n');

    const listed = await cli('org', 'list');
    expect(listed.code).toBe(0);
    const orgs = JSON.parse(listed.stdout) as { id: string; teamsTenantIds: string[]; slackTeamIds: string[] }[];
    expect(orgs.map((org) => org.id)).toEqual(['default', 'north-trust']);
    expect(orgs.find((org) => org.id === 'north-trust')).toMatchObject({ teamsTenantIds: ['t-north'], slackTeamIds: [] });

    const again = await cli('org', 'add', 'north-trust', '--slack-team', 'T-NORTH');
    expect(again.stdout).toBe('Organisation "north-trust" saved.\n');
    const relisted = JSON.parse((await cli('org', 'list')).stdout) as { id: string; teamsTenantIds: string[]; slackTeamIds: string[] }[];
    expect(relisted.find((org) => org.id === 'north-trust')).toMatchObject({ teamsTenantIds: ['t-north'], slackTeamIds: ['T-NORTH'] });
  });

  // Regression: the default organisation must list its (empty) mappings on FerretDB too.
  test('org list shows empty mappings for the default organisation', async () => {
    const orgs = JSON.parse((await cli('org', 'list')).stdout) as { id: string }[];
    expect(orgs.find((org) => org.id === 'default')).toMatchObject({ teamsTenantIds: [], slackTeamIds: [] });
  });

  test('org add on an existing organisation with no options succeeds', async () => {
    const bare = await cli('org', 'add', 'default');
    expect(bare).toEqual({ code: 0, stdout: 'Organisation "default" saved.\n', stderr: '' });
  });

  it('returns a commander exit code for an unknown command', async () => {
    const run = await cli('frobnicate');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/unknown command/i);
  });
});
