import type { DirectoryUploadRecord } from '../../src/core/uploads/ports';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const record = (uploadId: string, createdAt: Date, expiresAt: Date): DirectoryUploadRecord => ({
  orgId: 'north',
  uploadId,
  fileName: `${uploadId}.csv`,
  createdAt,
  expiresAt,
  summary: { created: 1, changed: 0, unchanged: 0, deactivated: 0 },
  missing: ['gone@north.org'],
  fingerprint: 'f',
});

describe('staff files kept for their summary card button (real database)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  afterAll(async () => {
    await database.dispose();
  });

  it('lets exactly one of many simultaneous claims win, and a released claim be taken again', async () => {
    const uploads = database.repos.directoryUploads;
    await uploads.save(record('u-000000000001', new Date(), new Date(Date.now() + 60_000)));
    const claims = await Promise.all(Array.from({ length: 8 }, () => uploads.claimDeactivation('north', 'u-000000000001', new Date())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Another organisation's upload of the same id is a different claim.
    expect(await uploads.claimDeactivation('south', 'u-000000000001', new Date())).toBe(true);
    await uploads.releaseDeactivation('north', 'u-000000000001');
    expect(await uploads.claimDeactivation('north', 'u-000000000001', new Date())).toBe(true);
    await uploads.recordDeactivated('north', 'u-000000000001', 1, new Date('2027-01-05T10:00:00Z'));
    expect((await uploads.find('north', 'u-000000000001'))?.deactivated).toEqual({ count: 1, at: new Date('2027-01-05T10:00:00Z') });
  });

  it('tells whether a newer file came after, and forgets expired uploads with their claims', async () => {
    const uploads = database.repos.directoryUploads;
    const now = new Date('2027-02-01T12:00:00Z');
    await uploads.save(record('u-00000000000a', new Date('2027-01-01T12:00:00Z'), new Date('2027-01-08T12:00:00Z')));
    await uploads.save(record('u-00000000000b', new Date('2027-01-30T12:00:00Z'), new Date('2027-02-06T12:00:00Z')));
    await uploads.claimDeactivation('north', 'u-00000000000a', now);
    expect(await uploads.hasNewerThan('north', new Date('2027-01-01T12:00:00Z'))).toBe(true);
    expect(await uploads.hasNewerThan('north', new Date('2027-01-30T12:00:00Z'))).toBe(false);
    await uploads.pruneExpired('north', now);
    expect(await uploads.find('north', 'u-00000000000a')).toBeNull();
    expect(await uploads.find('north', 'u-00000000000b')).not.toBeNull();
    // The expired upload's claim went with it.
    expect(await uploads.claimDeactivation('north', 'u-00000000000a', now)).toBe(true);
  });
});
