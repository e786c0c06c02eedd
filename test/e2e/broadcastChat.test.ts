import { messageActivity, type ActivityOptions } from '../support/activities';
import { actionData, cardsOf, teamsConversation, textsOf } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';

const BOT_ID = 'bot-id';

describe('broadcasts and reach in Teams chat, end to end over HTTP', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org' });
  const { connector } = bot;

  const chat = teamsConversation(() => bot.app, connector);
  const personIn = (name: string): ActivityOptions => chat.personIn(`conv-${name}`, `user-${name}`, `${name}@school.org`, name);
  const { say, submit } = chat;
  const refusals = async () => (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === 'admin.refused');

  let opportunityId = '';

  beforeAll(async () => {
    const [first] = await bot.app.repos.opportunities.listForOrg('default');
    opportunityId = first?.opportunity.id ?? '';
    await bot.app.repos.staff.importDirectory('default', [
      { email: 'sam@school.org', name: 'Sam Lee', pathway: 'teaching', stage: 'ect' },
      { email: 'kim@school.org', name: 'Kim Park', pathway: 'teaching', stage: 'ect' },
      { email: 'ali@school.org', name: 'Ali Khan', pathway: 'teaching-assistant', stage: 'ta' },
    ]);
  });

  it('refuses a non-admin typing "broadcast" and a forged confirm payload, audits both, and queues nothing', async () => {
    const sam = personIn('sam');
    await say(sam, 'hello'); // the first message is answered with a welcome
    const typed = await say(sam, `please broadcast ${opportunityId} to everyone`);
    expect(textsOf(typed).join('\n')).toMatch(/only NextStep admins for/);
    const forged = await submit(sam, { action: 'confirmBroadcast', opportunityId, pathway: 'teaching' });
    expect(textsOf(forged).join('\n')).toMatch(/only NextStep admins for/);
    const report = await say(sam, 'show me the reach report');
    expect(textsOf(report).join('\n')).toMatch(/only NextStep admins for/);
    expect((await refusals()).map((entry) => [entry.actor, entry.details.attempted])).toEqual(
      expect.arrayContaining([
        ['sam@school.org', 'broadcast'],
        ['sam@school.org', 'confirmBroadcast'],
        ['sam@school.org', 'reachReport'],
      ]),
    );
    expect(await bot.app.repos.outbox.list({ purpose: 'broadcast' })).toHaveLength(0);
  });

  it('lets an admin preview with the exact count, confirm, follow progress, cancel, and see the reach summary', async () => {
    const head = personIn('head');
    await say(head, 'hello');
    const preview = cardsOf(await say(head, `please broadcast ${opportunityId} to everyone`));
    const card = preview.find((c) => JSON.stringify(c).includes('Recipients'));
    expect(card).toBeDefined();
    const confirm = actionData(card).find((data) => data.action === 'confirmBroadcast');
    expect(confirm).toMatchObject({ action: 'confirmBroadcast', opportunityId });
    const everyone = await bot.app.repos.staff.findByEmail('default', 'sam@school.org');
    expect(everyone).not.toBeNull();
    const expected = (await bot.app.repos.broadcasts.audience('default', {})).length;
    expect(JSON.stringify(card)).toContain(`"value":"${expected}"`);

    const progress = await submit(head, confirm as Record<string, unknown>);
    const progressCard = cardsOf(progress).find((c) => JSON.stringify(c).includes('Broadcast:'));
    expect(progressCard).toBeDefined();
    const records = await bot.app.repos.outbox.list({ purpose: 'broadcast' });
    expect(records).toHaveLength(expected);
    const cancel = actionData(progressCard).find((data) => data.action === 'cancelBroadcast');
    expect(cancel).toBeDefined();
    const cancelled = cardsOf(await submit(head, cancel as Record<string, unknown>));
    expect(JSON.stringify(cancelled)).toContain('Cancelled');
    const states = (await bot.app.repos.outbox.list({ purpose: 'broadcast' })).map((record) => record.state);
    expect(states.filter((state) => state === 'pending')).toHaveLength(0);
    expect(states.filter((state) => state === 'cancelled').length).toBeGreaterThan(0);

    const reach = cardsOf(await say(head, 'reach report'));
    expect(JSON.stringify(reach)).toContain('Reach since');
  });

  it('records a team channel when the bot is added to it, and forgets it when removed', async () => {
    const channel: ActivityOptions = { serviceUrl: connector.url, conversationId: '19:general@thread.tacv2', userId: 'user-head', userName: 'head', conversationType: 'channel' };
    const added = { ...messageActivity(channel, ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT_ID }], channelData: { team: { name: 'Oak staff' }, channel: { name: 'General' } } };
    added.recipient = { ...added.recipient, id: BOT_ID };
    expect((await bot.app.post('/api/messages', added)).status).toBe(200);
    const stored = await bot.app.repos.broadcastChannels.active('default');
    expect(stored.map((doc) => [doc.channelId, doc.name])).toEqual([['19:general@thread.tacv2', 'Oak staff › General']]);
    expect((JSON.parse(stored[0]?.reference ?? '{}') as { conversation: { id: string } }).conversation.id).toBe('19:general@thread.tacv2');
    const removed = { ...added, membersAdded: undefined, membersRemoved: [{ id: BOT_ID }] };
    expect((await bot.app.post('/api/messages', removed)).status).toBe(200);
    expect(await bot.app.repos.broadcastChannels.active('default')).toEqual([]);
  });
});
