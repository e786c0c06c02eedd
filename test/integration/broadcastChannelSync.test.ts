import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('BroadcastChannelRepository.syncWorkspace', () => {
  let database: TestDatabase;
  const scope = { orgId: 'north', platform: 'slack' as const, workspaceId: 'T1' };
  const at = (iso: string) => new Date(iso);
  const channel = (channelId: string, name = `#${channelId.toLowerCase()}`) => ({ channelId, name, reference: channelId });
  const states = async () =>
    new Map((await database.repos.broadcastChannels.list({ orgId: 'north', includeInactive: true })).map((doc) => [doc.channelId, { active: doc.active, name: doc.name }]));

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('lets an event that came after the listing win over the listing', async () => {
    const channels = database.repos.broadcastChannels;
    const listedAt = at('2027-01-10T09:00:00Z');
    // Before the listing: the bot was in C0A and C0B.
    await channels.upsert({ ...scope, ...channel('C0A') }, at('2027-01-01T00:00:00Z'));
    await channels.upsert({ ...scope, ...channel('C0B') }, at('2027-01-01T00:00:00Z'));
    // After the listing was taken, events: the bot joined C0NEW (not listed) and left C0B (still listed).
    await channels.upsert({ ...scope, ...channel('C0NEW') }, at('2027-01-10T09:00:01Z'));
    await channels.deactivate('north', 'slack', 'C0B', at('2027-01-10T09:00:02Z'));

    const outcome = await channels.syncWorkspace(scope, [channel('C0A', '#renamed'), channel('C0B')], listedAt, at('2027-01-10T09:00:03Z'));

    expect(outcome).toEqual({ recorded: 1, deactivated: 0 });
    expect(await states()).toEqual(
      new Map([
        ['C0A', { active: true, name: '#renamed' }],
        ['C0B', { active: false, name: '#c0b' }],
        ['C0NEW', { active: true, name: '#c0new' }],
      ]),
    );
  });

  it('touches only the workspace and platform it was given', async () => {
    const channels = database.repos.broadcastChannels;
    const old = at('2027-01-01T00:00:00Z');
    await channels.upsert({ ...scope, ...channel('C0GONE') }, old);
    await channels.upsert({ ...scope, workspaceId: 'T2', ...channel('C0OTHER') }, old);
    await channels.upsert({ ...scope, platform: 'teams', workspaceId: 'T1', ...channel('19:x@thread.tacv2') }, old);
    await channels.upsert({ ...scope, orgId: 'south', ...channel('C0SOUTH') }, old);

    const outcome = await channels.syncWorkspace(scope, [channel('C0HERE')], at('2027-01-02T00:00:00Z'));

    expect(outcome).toEqual({ recorded: 1, deactivated: 1 });
    const north = await states();
    expect(north.get('C0GONE')?.active).toBe(false);
    expect(north.get('C0HERE')?.active).toBe(true);
    expect(north.get('C0OTHER')?.active).toBe(true);
    expect(north.get('19:x@thread.tacv2')?.active).toBe(true);
    expect((await channels.active('south')).map((doc) => doc.channelId)).toEqual(['C0SOUTH']);
  });
});
