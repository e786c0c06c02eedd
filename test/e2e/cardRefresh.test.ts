import { expect } from '@jest/globals';
import { cardActionInvoke, messageActivity } from '../support/activities';
import { actionData, cardsOf, teamsConversation, type Card } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';

const BOT_APP_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('cards that redraw themselves and point to the private chat, in Teams over HTTP', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  const { personIn, say } = teamsConversation(() => bot.app, connector);

  beforeAll(async () => {
    await bot.app.repos.staff.save({
      orgId: 'default',
      email: 'kit.saver@school.org',
      name: 'Kit Saver',
      pathway: 'teaching-assistant',
      stage: 'senior-ta',
      role: 'staff',
      interests: [],
      source: 'directory',
    });
  });

  it('"Save to plan" on the what-next card replaces that card with one showing the item saved', async () => {
    const who = personIn('conv-kit', 'user-kit', 'kit.saver@school.org', 'Kit Saver');
    await say(who, 'hi');
    const card = cardsOf(await say(who, 'what can I do next?')).find((c) => JSON.stringify(c).includes('saveOpportunity')) as Card;
    const save = actionData(card).find((data) => data.action === 'saveOpportunity');
    expect(save).toMatchObject({ from: 'whatNext', page: 0, opportunityId: expect.any(String) });
    const opportunityId = save?.opportunityId as string;

    const answer = await bot.app.post('/api/messages', cardActionInvoke(who, save as Record<string, unknown>));
    const body = (await answer.json()) as { type: string; value: Card };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('In your plan');
    // The redrawn card no longer offers to save what was just saved.
    expect(actionData(body.value).filter((data) => data.action === 'saveOpportunity' && data.opportunityId === opportunityId)).toEqual([]);
    expect((await bot.app.repos.plans.list('default', 'kit.saver@school.org')).map((item) => item.opportunityId)).toEqual([opportunityId]);
  });

  it('a personal question in a channel is refused with a button that opens the private chat', async () => {
    const who = { ...personIn('conv-staffroom', 'user-kit', 'kit.saver@school.org', 'Kit Saver'), conversationType: 'channel' };
    const activity = { ...messageActivity(who, 'show my plan'), recipient: { id: `28:${BOT_APP_ID}`, name: 'NextStep' } };
    const before = connector.to(who.conversationId).length;
    expect((await bot.app.post('/api/messages', activity)).status).toBe(200);
    const sent = connector.to(who.conversationId).slice(before) as { attachments?: { content: Card }[] }[];
    const serialised = JSON.stringify(cardsOf(sent));
    expect(serialised).toContain('keep it between us');
    expect(serialised).toContain(`"url":"https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_APP_ID}"`);
  });
});
