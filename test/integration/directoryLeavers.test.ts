import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('leavers in proactive work', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.repos.staff.importDirectory('default', [
      { email: 'stays@school.org', name: 'Stays Here', pathway: 'teaching', stage: 'ect', managerEmail: 'head@school.org', nextDiscussion: '2027-03-17' },
      { email: 'leaves@school.org', name: 'Leaves Soon', pathway: 'teaching', stage: 'ect', managerEmail: 'head@school.org', nextDiscussion: '2027-03-17' },
    ]);
    await t.repos.staff.importDirectory(
      'default',
      [{ email: 'stays@school.org', name: 'Stays Here', pathway: 'teaching', stage: 'ect', managerEmail: 'head@school.org', nextDiscussion: '2027-03-17' }],
      { deactivateMissing: true },
    );
  });
  afterAll(() => t.dispose());

  it('nudge planning streams only people still in the directory', async () => {
    const emails = (await t.repos.directory.streamStaff('default').toArray()).map((person) => person.email);
    expect(emails).toEqual(['stays@school.org']);
  });

  it("a manager's team leaves out people who have left, though their records are kept", async () => {
    const team = await t.repos.directory.reportsOf('default', 'head@school.org');
    expect(team.map((person) => person.email)).toEqual(['stays@school.org']);
    expect(await t.repos.staff.findByEmail('default', 'leaves@school.org')).toMatchObject({ active: false });
  });
});
