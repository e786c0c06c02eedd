import type { View } from '../../src/core/conversation/views';
import type { ChannelTransport, DeliveryAddress } from '../../src/delivery/types';
import { openRepositories } from '../../src/store';
import { connectDatabase, type Database } from '../../src/store/database';
import { FaultyDatabase } from '../support/faultyDatabase';
import { testOutboxRecords, testOutboxSender } from '../support/outboxFixtures';
import { RecordingTransport } from '../support/recordingTransport';
import { silentLogger } from '../support/silentLogger';

const RECORDS = 40;
/** Longer than the quick retries a busy database gets, so only a real pause gets through it. */
const OUTAGE_MS = 15_000;

const records = () => testOutboxRecords(RECORDS, { prefix: 'n', purpose: 'nudge', withRecipient: true, workspaceOf: () => 'tenant-a' });

/** The database stops answering part-way through a send run, then comes back. Own FerretDB, never the shared one. */
describe('the outbox sender through a database outage', () => {
  const faulty = new FaultyDatabase();
  let database: Database;

  beforeAll(async () => {
    await faulty.start();
    database = await connectDatabase(faulty.uri, 'outbox_outage', silentLogger());
  }, 60_000);

  afterAll(async () => {
    faulty.thaw();
    await database?.close();
    await faulty.dispose();
  });

  it('pauses while the database is down and resumes afterwards, sending each message exactly once', async () => {
    const repos = await openRepositories(database.db);
    expect(await repos.outbox.insertNew(records())).toBe(RECORDS);

    const recording = new RecordingTransport();
    let sentWhenFrozen = -1;
    let thawed: Promise<void> | undefined;
    const transport: ChannelTransport = {
      channel: 'teams',
      send: async (address: DeliveryAddress, view: View) => {
        await recording.send(address, view);
        if (recording.sent.length === 5 && !thawed) {
          // The database goes down mid-run and stays down for a few seconds.
          faulty.freeze();
          sentWhenFrozen = recording.sent.length;
          thawed = new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)).then(() => faulty.thaw());
        }
      },
    };
    const sender = testOutboxSender(repos.outbox, transport, { batchSize: 10, concurrency: 2 });

    const summary = await sender.drain();
    await thawed;

    expect(sentWhenFrozen).toBe(5);
    expect(recording.sent.length).toBeGreaterThan(sentWhenFrozen);
    const targets = recording.sent.map((sent) => sent.target);
    expect(targets).toHaveLength(RECORDS);
    expect(new Set(targets).size).toBe(RECORDS);
    expect(summary.sent).toBe(RECORDS);
    const stored = await repos.outbox.list({ orgId: 'org' });
    expect(stored.filter((record) => record.state === 'sent')).toHaveLength(RECORDS);
  }, 90_000);
});
