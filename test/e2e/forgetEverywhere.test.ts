import { expect } from '@jest/globals';
import { MongoClient, type Db } from 'mongodb';
import { collections } from '../../src/store/collections';
import type { ActivityOptions } from '../support/activities';
import { actionData, cardsOf, teamsConversation, type Card } from '../support/teamsConversation';
import { testDatabaseUri } from '../support/testDatabase';
import { useTeamsApp } from '../support/useTeamsApp';

const ORG = 'default';
const EMAIL = 'morgan.hale@school.org';
const NAME = 'Morgan Hale';
const REPORT = 'casey.report@school.org';
const OPPORTUNITY = 'shadow-a-colleague';

describe('"delete my data" leaves no trace of the person in any collection', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  const { personIn, say, submit } = teamsConversation(() => bot.app, connector);
  let client: MongoClient;
  let db: Db;
  let morgan: ActivityOptions;

  beforeAll(async () => {
    client = await MongoClient.connect(testDatabaseUri());
    db = client.db(bot.app.dbName);
  });

  afterAll(async () => {
    await client.close();
  });

  /** Every document in every collection, serialised, that mentions the email or the name. */
  async function mentions(): Promise<string[]> {
    const names = new Set([...Object.keys(collections(db)), ...(await db.listCollections().toArray()).map((info) => info.name)]);
    const found: string[] = [];
    for (const name of names) {
      for (const doc of await db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc).toLowerCase();
        if (text.includes(EMAIL) || text.includes(NAME.toLowerCase())) found.push(`${name}: ${JSON.stringify(doc).slice(0, 200)}`);
      }
    }
    return found;
  }

  it('holds the person in many places before, shows them all in "my data", and nowhere after', async () => {
    const { repos } = bot.app;
    const owner = personIn('conv-owner', 'user-owner', 'cpd@example-trust.org.uk', 'CPD Team');
    await say(owner, 'hi');
    for (const [email, name, managerEmail] of [
      [EMAIL, NAME, undefined],
      [REPORT, 'Casey Report', EMAIL],
    ] as const) {
      await repos.staff.save({
        orgId: ORG,
        email,
        name,
        pathway: 'teaching-assistant',
        stage: 'ta',
        role: 'staff',
        interests: [],
        source: 'directory',
        ...(managerEmail ? { managerEmail } : {}),
      });
    }
    morgan = personIn('conv-morgan', 'user-morgan', EMAIL, NAME);
    await say(morgan, 'hi');

    // Plan, CPD, an owner told of interest (audit + claim), an admin role both held and granted.
    await submit(morgan, { action: 'markInterest', opportunityId: OPPORTUNITY });
    await submit(morgan, { action: 'setPlanStatus', opportunityId: OPPORTUNITY, status: 'completed' });
    await repos.adminRoles.grant({ orgId: ORG, email: EMAIL, grantedBy: 'cli', grantedAt: new Date() });
    await repos.adminRoles.grant({ orgId: ORG, email: 'someone.else@school.org', grantedBy: EMAIL, grantedAt: new Date() });
    await repos.audit.record(ORG, EMAIL, 'admin.granted', { email: 'someone.else@school.org' });
    await repos.audit.record(ORG, 'cli', 'admin.granted', { email: EMAIL });
    // A broadcast they sent as an admin (kept for the organisation, without their name).
    await repos.broadcasts.create({
      _id: `${ORG}:b-forget`, orgId: ORG, id: 'b-forget', opportunityId: OPPORTUNITY, opportunityTitle: 'An opportunity',
      filters: {}, createdBy: EMAIL, createdAt: new Date(), updatedAt: new Date(), status: 'done',
      counts: { recipients: 0, people: 0, channels: 0, unreachable: 0 },
    });
    // A staff file sent in chat that left them out (kept for its "deactivate" button).
    await repos.directoryUploads.save({
      orgId: ORG, uploadId: 'u-000000000001', fileName: 'staff.csv', createdAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000),
      summary: { created: 0, changed: 0, unchanged: 1, deactivated: 0 }, missing: [EMAIL, 'stays.listed@school.org'], fingerprint: 'f',
    });
    // Nudge preferences of their own, and a discussion they recorded for their report.
    await repos.nudgePreferences.addToAgenda(ORG, EMAIL, OPPORTUNITY);
    await repos.nudgePreferences.recordHeld(ORG, REPORT, '2026-10-01', EMAIL);
    // Messages to them and about them.
    await repos.outbox.insertNew([
      { _id: `${ORG}:nudge:${EMAIL}:2026-12-01:14`, orgId: ORG, purpose: 'nudge', key: '2026-12-01:14', recipientEmail: EMAIL, payload: JSON.stringify({ type: 'text', text: `Hello ${NAME}` }) },
      {
        _id: `${ORG}:managerReminder:boss@school.org:${EMAIL}:2026-12-01:7`,
        orgId: ORG,
        purpose: 'managerReminder',
        key: `${EMAIL}:2026-12-01:7`,
        recipientEmail: 'boss@school.org',
        payload: JSON.stringify({ type: 'text', text: `${NAME}'s careers discussion is next week.` }),
      },
    ]);

    expect((await mentions()).length).toBeGreaterThan(10);
    const myData = JSON.stringify(cardsOf(await say(morgan, 'show my data')));
    expect(myData).toMatch(/Activity record \(3\)/);
    expect(myData).toContain('Admin role granted');

    const card = cardsOf(await say(morgan, 'delete my data'))[0] as Card;
    const confirm = actionData(card).find((data) => data.action === 'confirmDeleteData') as Record<string, unknown>;
    const done = await submit(morgan, confirm);
    expect(done[0]?.text).toMatch(/forgotten you/);

    expect(await mentions()).toEqual([]);
    // The organisation keeps its audit trail, under a pseudonym, and the report keeps their record.
    const audit = await db.collection('audit').find({ orgId: ORG }).toArray();
    expect(audit.filter((entry) => JSON.stringify(entry).includes('forgotten:'))).toHaveLength(3);
    const report = await repos.staff.findByEmail(ORG, REPORT);
    expect(report).not.toBeNull();
    expect(report?.managerEmail).toBeUndefined();
    expect(await repos.adminRoles.find(ORG, 'someone.else@school.org')).toMatchObject({ grantedBy: expect.stringMatching(/^forgotten:/) });
    expect((await repos.directoryUploads.find(ORG, 'u-000000000001'))?.missing).toEqual(['stays.listed@school.org']);
  });
});
