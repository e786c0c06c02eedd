import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { runCli } from '../../src/cli/main';
import { testDatabaseUri, uniqueDbName } from '../support/testDatabase';

describe('nextstep import staff: summary, UK dates, job titles and --deactivate-missing', () => {
  const savedEnv = { ...process.env };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'staff-cli-'));
  let client: MongoClient;
  let db: Db;

  const file = (name: string, text: string): string => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
  };

  async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true));
    try {
      return { code: await runCli(argv), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  beforeAll(async () => {
    client = await MongoClient.connect(testDatabaseUri(), { serverSelectionTimeoutMS: 10_000 });
  });

  afterAll(async () => {
    await client.close();
    process.env = savedEnv;
  });

  beforeEach(() => {
    const name = uniqueDbName();
    Object.assign(process.env, { MONGODB_URI: testDatabaseUri(), MONGODB_DB: name, LOG_LEVEL: 'silent' });
    db = client.db(name);
  });

  afterEach(async () => {
    await db.dropDatabase().catch(() => undefined);
  });

  it('imports an HR export, then deactivates a leaver only when asked', async () => {
    const header = 'Email,Name,Pathway,Stage,Role,Next Discussion\n';
    const ann = 'ann@x.org,Ann,teaching,ect,Year 2 teacher,15/03/2027\n';
    const bob = 'bob@x.org,Bob,teaching-assistant,hlta,admin,2027-03-16\n';
    const both = file('both.csv', header + ann + bob);
    expect((await cli('import', 'staff', both)).stdout).toBe('Imported 2 people into "default": 2 new, 0 changed, 0 unchanged, 0 deactivated.\n');
    expect(await db.collection('staff').findOne({ email: 'bob@x.org' })).toMatchObject({ jobTitle: 'admin', role: 'staff', nextDiscussion: '2027-03-16' });
    expect(await db.collection('staff').findOne({ email: 'ann@x.org' })).toMatchObject({ jobTitle: 'Year 2 teacher', nextDiscussion: '2027-03-15' });

    const onlyAnn = file('ann.csv', header + ann);
    expect((await cli('import', 'staff', onlyAnn)).stdout).toBe('Imported 1 person into "default": 0 new, 0 changed, 1 unchanged, 0 deactivated.\n');
    expect((await cli('import', 'staff', onlyAnn, '--deactivate-missing', '--dry-run')).stdout).toBe(
      'Dry run: 1 person: 0 new, 0 changed, 1 unchanged, 1 deactivated. Nothing written.\n  - bob@x.org\n',
    );
    expect((await db.collection('staff').findOne({ email: 'bob@x.org' }))?.active).toBeUndefined();
    const run = await cli('import', 'staff', onlyAnn, '--deactivate-missing');
    expect(run).toEqual({ code: 0, stdout: 'Imported 1 person into "default": 0 new, 0 changed, 1 unchanged, 1 deactivated.\n', stderr: '' });
    expect(await db.collection('staff').findOne({ email: 'bob@x.org' })).toMatchObject({ active: false, name: 'Bob' });
  });

  it('rejects ambiguous and impossible dates with the row and field, writing nothing', async () => {
    const bad = file('bad.csv', 'email,name,pathway,stage,nextDiscussion\nann@x.org,Ann,teaching,ect,31/02/2027\nbob@x.org,Bob,teaching,ect,03/15/2027\n');
    const run = await cli('import', 'staff', bad);
    expect(run.code).not.toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'bad.csv: row 2, nextDiscussion: "31/02/2027" is not a real calendar date',
      'bad.csv: row 3, nextDiscussion: "03/15/2027" looks like month/day/year; dates are read day first (use 15/03/2027 (day/month/year) or 2027-03-15)',
    ]);
    expect(await db.collection('staff').countDocuments({})).toBe(0);
  });
});
