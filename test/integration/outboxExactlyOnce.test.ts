import { MongoClient } from 'mongodb';
import type { View } from '../../src/core/conversation/views';
import type { OutboxSenderOptions } from '../../src/delivery/outboxSender';
import { WorkspaceRateLimits } from '../../src/delivery/rateLimits';
import { DeliveryError, type NewOutboxRecord } from '../../src/delivery/types';
import { openRepositories, type Repositories } from '../../src/store';
import { testOutboxRecords, testOutboxSender } from '../support/outboxFixtures';
import { RecordingTransport } from '../support/recordingTransport';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const textView = (text: string): View => ({ type: 'text', text });

const records = (count: number, prefix = 'r') =>
  testOutboxRecords(count, { prefix, withRecipient: true, workspaceOf: (index) => (index % 2 === 0 ? 'tenant-a' : 'tenant-b') });

const sender = (repos: Repositories, transport: RecordingTransport, options: Partial<OutboxSenderOptions> = {}) =>
  testOutboxSender(repos.outbox, transport, { batchSize: 25, ...options });

const sentTexts = (transport: RecordingTransport) => transport.sent.map((s) => (s.view as { text: string }).text);

describe('the delivery outbox against the real database', () => {
  let database: TestDatabase;
  let second: MongoClient;
  let replicaRepos: Repositories;

  beforeEach(async () => {
    database = await openTestDatabase();
    second = await MongoClient.connect(database.uri);
    replicaRepos = await openRepositories(second.db(database.name));
  });

  afterEach(async () => {
    await second.close();
    await database.dispose();
  });

  it('inserts nothing twice when the same records are planned again', async () => {
    expect(await database.repos.outbox.insertNew(records(30))).toBe(30);
    expect(await database.repos.outbox.insertNew(records(35))).toBe(5);
    expect(await database.repos.outbox.list({ orgId: 'org' })).toHaveLength(35);
  });

  it('sends every record exactly once with two runners on separate connections', async () => {
    await database.repos.outbox.insertNew(records(120));
    const transport = new RecordingTransport();
    const [a, b] = await Promise.all([sender(database.repos, transport).drain(), sender(replicaRepos, transport).drain()]);

    const texts = sentTexts(transport);
    expect(texts).toHaveLength(120);
    expect(new Set(texts).size).toBe(120);
    expect(a.sent + b.sent).toBe(120);
    const stored = await database.repos.outbox.list({ orgId: 'org' });
    expect(stored.filter((record) => record.state === 'sent')).toHaveLength(120);
  });

  it('never holds more of one workspace than half a lease can send, so a slow workspace cannot outlast its claims', async () => {
    await database.repos.outbox.insertNew(testOutboxRecords(150, { prefix: 'w', workspaceOf: () => 'tenant-slow' }));
    const transport = new RecordingTransport();
    // 100 messages a second and a 1 s lease: at most 50 claimed and unsent at any moment.
    const limits = new WorkspaceRateLimits({ teamsPerSecond: 100, slackPerSecond: 1 });
    let mostHeld = 0;
    let claimedSoFar = 0;
    const summary = await sender(database.repos, transport, {
      limits,
      leaseMs: 1_000,
      batchSize: 200,
      hooks: {
        afterClaim: async (claimed) => {
          claimedSoFar += claimed.length;
          mostHeld = Math.max(mostHeld, claimedSoFar - transport.sent.length);
        },
      },
    }).drain();

    expect(mostHeld).toBeGreaterThan(0);
    expect(mostHeld).toBeLessThanOrEqual(50);
    expect(summary.sent).toBe(150);
    expect(new Set(sentTexts(transport)).size).toBe(150);
  });

  it('recovers a record whose runner died after claiming it and before sending, and sends it once', async () => {
    await database.repos.outbox.insertNew(records(3));
    const transport = new RecordingTransport();
    const crashing = sender(database.repos, transport, {
      batchSize: 1,
      hooks: {
        beforeSend: async () => {
          throw new Error('process killed');
        },
      },
    });
    await expect(crashing.drain()).rejects.toThrow('process killed');
    expect(transport.attempts).toHaveLength(0);
    // The runner fetches the next page while sending one, so the crash may leave more than one record claimed.
    const stuck = (await database.repos.outbox.list({ orgId: 'org' })).filter((record) => record.state === 'sending');
    expect(stuck.length).toBeGreaterThanOrEqual(1);
    expect(stuck.map((record) => record._id)).toContain('org:broadcast:r0000');

    // Before the lease runs out a restarted runner leaves the claimed records alone...
    const early = await sender(replicaRepos, transport).drain();
    expect(early.recovered).toBe(0);
    expect(transport.sent).toHaveLength(3 - stuck.length);
    expect(sentTexts(transport)).not.toContain('r0000');
    // ...and afterwards it sends them, once each.
    const restarted = await sender(replicaRepos, transport, { leaseMs: 0 }).drain();
    expect(restarted.recovered).toBe(stuck.length);
    expect(sentTexts(transport).sort()).toEqual(['r0000', 'r0001', 'r0002']);
    expect((await database.repos.outbox.get('org:broadcast:r0000'))?.state).toBe('sent');

    // A further restart sends nothing again.
    await sender(database.repos, transport, { leaseMs: 0 }).drain();
    expect(transport.sent).toHaveLength(3);
  });

  it('recovers a record whose runner died between taking the claim and marking it sending', async () => {
    await database.repos.outbox.insertNew(records(1));
    const transport = new RecordingTransport();
    const crashing = sender(database.repos, transport, {
      hooks: {
        afterClaim: async () => {
          throw new Error('process killed');
        },
      },
    });
    await expect(crashing.drain()).rejects.toThrow('process killed');
    expect((await database.repos.outbox.get('org:broadcast:r0000'))?.state).toBe('pending');

    await sender(replicaRepos, transport).drain();
    expect(transport.sent).toHaveLength(0);
    await sender(replicaRepos, transport, { leaseMs: 0 }).drain();
    expect(sentTexts(transport)).toEqual(['r0000']);
    expect(await database.repos.outbox.get('org:broadcast:r0000')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('honours Retry-After, retries transient failures and never retries permanent ones', async () => {
    await database.repos.outbox.insertNew(records(3));
    const transport = new RecordingTransport();
    transport.failNext('r0000', new DeliveryError('rateLimited', '429', 20));
    transport.failNext('r0001', new DeliveryError('transient', '503'), new DeliveryError('transient', '502'));
    transport.failNext('r0002', new DeliveryError('permanent', 'the bot was uninstalled (403)'));
    const paused: number[] = [];
    const limits = new WorkspaceRateLimits({ teamsPerSecond: 1000, slackPerSecond: 1000 });
    const pause = limits.pause.bind(limits);
    limits.pause = (address, ms) => {
      paused.push(ms);
      pause(address, ms);
    };
    const summary = await sender(database.repos, transport, { limits }).drain();

    expect(summary).toMatchObject({ sent: 2, unreachable: 1, failed: 0 });
    expect(paused).toEqual([20]);
    expect(transport.attempts.filter((target) => target === 'r0000')).toHaveLength(2);
    expect(transport.attempts.filter((target) => target === 'r0001')).toHaveLength(3);
    expect(transport.attempts.filter((target) => target === 'r0002')).toHaveLength(1);
    expect(await database.repos.outbox.get('org:broadcast:r0002')).toMatchObject({ state: 'unreachable', reason: 'the bot was uninstalled (403)' });
  });

  it('marks a record failed after its attempts run out, and unreachable when it has no address', async () => {
    const [withAddress] = records(1);
    await database.repos.outbox.insertNew([
      withAddress as NewOutboxRecord,
      { _id: 'org:broadcast:nobody', orgId: 'org', purpose: 'broadcast', key: 'nobody', payload: '{}', state: 'unreachable', reason: 'never talked to the bot' },
    ]);
    const transport = new RecordingTransport();
    const errors = Array.from({ length: 9 }, () => new DeliveryError('transient', '500'));
    transport.failNext('r0000', ...errors);
    const runner = sender(database.repos, transport, { maxAttempts: 3, retry: { baseDelayMs: 0, triesPerClaim: 3 } });
    await runner.drain({ waitMs: 1_000 });
    expect(await database.repos.outbox.get('org:broadcast:r0000')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(transport.attempts).toHaveLength(9);
    expect(await database.repos.outbox.get('org:broadcast:nobody')).toMatchObject({ state: 'unreachable' });
    const counts = await database.repos.outbox.counts('org');
    expect(counts).toEqual([
      { orgId: 'org', purpose: 'broadcast', state: 'failed', count: 1 },
      { orgId: 'org', purpose: 'broadcast', state: 'unreachable', count: 1 },
    ]);
  });

  it('sends records of one group to one address as a single message', async () => {
    const address = { channel: 'teams' as const, workspaceId: 't', target: 'manager' };
    await database.repos.outbox.insertNew(
      ['a', 'b', 'c'].map((key) => ({ _id: `org:managerReminder:m:${key}`, orgId: 'org', purpose: 'managerReminder' as const, key, group: 'org:manager:m', address, payload: JSON.stringify(key) })),
    );
    const transport = new RecordingTransport();
    const runner = sender(database.repos, transport, {
      compose: (claimed) => textView(claimed.map((record) => JSON.parse(record.payload) as string).join('+')),
    });
    const summary = await runner.drain();
    expect(summary.sent).toBe(3);
    expect(sentTexts(transport)).toEqual(['a+b+c']);
  });
});

describe('job leases', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(async () => {
    await database.dispose();
  });

  it('lets exactly one of several contenders hold a lease, and hands an expired one over', async () => {
    const contenders = await Promise.all(
      Array.from({ length: 6 }, (_, index) => database.repos.leases.acquire('job:test', `owner-${index}`, 60_000)),
    );
    const holders = contenders.filter((lease) => lease !== undefined);
    expect(holders).toHaveLength(1);
    const [holder] = holders;

    const later = new Date(Date.now() + 120_000);
    const successor = await database.repos.leases.acquire('job:test', 'owner-late', 60_000, later);
    expect(successor).toMatchObject({ epoch: 2, owner: 'owner-late' });
    expect(await database.repos.leases.renew(holder as NonNullable<typeof holder>, 60_000)).toBe(false);
    expect(await database.repos.leases.renew(successor as NonNullable<typeof successor>, 60_000, later)).toBe(true);
  });
});
