import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';
import { openRepositories, type Repositories } from '../../src/store';
import type { DirectoryRow } from '../../src/store/repositories/staff';
import { testDatabaseUri } from '../support/testDatabase';

const ORG = 'north';

function rows(count: number, change: (row: DirectoryRow, index: number) => DirectoryRow = (row) => row): DirectoryRow[] {
  return Array.from({ length: count }, (_, index) =>
    change({ email: `p${index}@north.org`, name: `Person ${index}`, pathway: 'teaching', stage: 'ect', school: 'Hilltop' }, index),
  );
}

describe('staff directory import (bulk, against the real database)', () => {
  let client: MongoClient;
  let db: Db;
  let repos: Repositories;
  const commands: CommandStartedEvent[] = [];
  const countCommands = async (work: () => Promise<unknown>): Promise<Record<string, number>> => {
    commands.length = 0;
    await work();
    const byName: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const event of commands) byName[event.commandName] = (byName[event.commandName] ?? 0) + 1;
    return byName;
  };

  beforeEach(async () => {
    client = await MongoClient.connect(testDatabaseUri(), { monitorCommands: true, serverSelectionTimeoutMS: 10_000 });
    client.on('commandStarted', (event) => commands.push(event));
    db = client.db(`t_${randomBytes(6).toString('hex')}`);
    repos = await openRepositories(db);
  });

  afterEach(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('reads once and inserts new people in batches of 1,000; an unchanged re-import writes nothing', async () => {
    const directory = rows(2500);
    const first = await countCommands(async () => {
      expect(await repos.staff.importDirectory(ORG, directory)).toEqual({ created: 2500, changed: 0, unchanged: 0, deactivated: 0 });
    });
    expect(first).toEqual({ find: 1, insert: 3 });

    const again = await countCommands(async () => {
      expect(await repos.staff.importDirectory(ORG, directory)).toEqual({ created: 0, changed: 0, unchanged: 2500, deactivated: 0 });
    });
    expect(again).toEqual({ find: 1 });
    expect(await db.collection('staff').countDocuments({})).toBe(2500);
  });

  it('reports changed rows, keeps what people added and their role, and writes only the changes', async () => {
    await repos.staff.importDirectory(ORG, rows(5));
    await repos.staff.update(ORG, 'p1@north.org', { interests: ['leadership'], role: 'admin' });
    const edited = rows(5, (row, index) => (index === 1 ? { ...row, stage: 'developing', jobTitle: 'Year 2 teacher' } : row));
    const plan = await repos.staff.planDirectory(ORG, edited);
    expect(plan.changed.map((row) => row.email)).toEqual(['p1@north.org']);
    expect(plan.unchanged).toHaveLength(4);
    const writes = await countCommands(() => repos.staff.applyDirectory(ORG, plan));
    expect(writes).toEqual({ update: 1 });
    expect(await repos.staff.findByEmail(ORG, 'P1@north.org')).toMatchObject({
      stage: 'developing',
      jobTitle: 'Year 2 teacher',
      interests: ['leadership'],
      role: 'admin',
    });
  });

  it('gives new people the staff role whatever the file says', async () => {
    await repos.staff.importDirectory(ORG, rows(1, (row) => ({ ...row, jobTitle: 'admin' })));
    expect(await repos.staff.findByEmail(ORG, 'p0@north.org')).toMatchObject({ role: 'staff', jobTitle: 'admin', source: 'directory' });
  });

  it('deactivates directory people missing from the file (keeping their data) and reactivates them when they return', async () => {
    await repos.staff.importDirectory(ORG, rows(4));
    await repos.plans.add(ORG, 'p3@north.org', 'npq-leading-teaching');
    await repos.staff.save({
      orgId: ORG, email: 'self@north.org', name: 'Self Onboarded', pathway: 'teaching', stage: 'ect',
      role: 'staff', interests: [], source: 'onboarding',
    });

    const withoutLeaver = rows(3);
    expect(await repos.staff.importDirectory(ORG, withoutLeaver)).toEqual({ created: 0, changed: 0, unchanged: 3, deactivated: 0 });
    expect(await repos.staff.importDirectory(ORG, withoutLeaver, { deactivateMissing: true })).toEqual({
      created: 0, changed: 0, unchanged: 3, deactivated: 1,
    });
    const leaver = await repos.staff.findByEmail(ORG, 'p3@north.org');
    expect(leaver).toMatchObject({ active: false, name: 'Person 3' });
    expect(leaver?.deactivatedAt).toBeInstanceOf(Date);
    expect(await repos.plans.list(ORG, 'p3@north.org')).toHaveLength(1);
    expect((await repos.staff.findByEmail(ORG, 'self@north.org'))?.active).toBeUndefined();

    expect(await repos.staff.importDirectory(ORG, withoutLeaver, { deactivateMissing: true })).toEqual({
      created: 0, changed: 0, unchanged: 3, deactivated: 0,
    });
    expect(await repos.staff.importDirectory(ORG, rows(4), { deactivateMissing: true })).toEqual({
      created: 0, changed: 1, unchanged: 3, deactivated: 0,
    });
    const back = await repos.staff.findByEmail(ORG, 'p3@north.org');
    expect(back?.active).toBeUndefined();
    expect(back?.deactivatedAt).toBeUndefined();
  });

  it('keeps organisations apart', async () => {
    await repos.staff.importDirectory(ORG, rows(2));
    expect(await repos.staff.importDirectory('south', rows(1), { deactivateMissing: true })).toEqual({
      created: 1, changed: 0, unchanged: 0, deactivated: 0,
    });
    expect((await repos.staff.findByEmail(ORG, 'p1@north.org'))?.active).toBeUndefined();
  });
});
