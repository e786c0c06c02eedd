import { loadDefaultCareerMap } from '../../src/core/careerMap/defaultMap';
import { cardActionInvoke, messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { actionData, cardsOf, type Card } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';
import type { TestApp } from '../support/testApp';

describe('a conversation in Teams, end to end over HTTP', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  let app: TestApp;

  beforeAll(() => {
    app = bot.app;
  });

  function personIn(conversationId: string, userId: string, email: string, name: string): ActivityOptions {
    connector.members.set(userId, { id: userId, name, email, userPrincipalName: email });
    return { serviceUrl: connector.url, conversationId, userId, userName: name };
  }

  async function say(who: ActivityOptions, text: string) {
    const before = connector.to(who.conversationId).length;
    const response = await app.post('/api/messages', messageActivity(who, text));
    expect(response.status).toBe(200);
    return connector.to(who.conversationId).slice(before);
  }

  async function submit(who: ActivityOptions, value: Record<string, unknown>) {
    const before = connector.to(who.conversationId).length;
    const response = await app.post('/api/messages', submitActivity(who, value));
    expect(response.status).toBe(200);
    return connector.to(who.conversationId).slice(before);
  }

  it('walks an unknown person through onboarding and then shows what they can do next', async () => {
    const who = personIn('conv-new', 'user-new', 'new.person@school.org', 'Alex Morgan');
    const first = await say(who, 'what can I do next at my stage?');
    // The form asks for the pathway first, then shows only that pathway's stages.
    const onboarding = cardsOf(first).find((card) => JSON.stringify(card).includes('Your pathway and stage'));
    expect(onboarding).toBeDefined();
    expect(JSON.stringify(onboarding)).not.toContain('"id":"email"');

    const bad = await submit(who, { action: 'submitOnboarding', name: 'Alex Morgan', pathway: 'teaching', stage: 'hlta' });
    expect(JSON.stringify(cardsOf(bad))).toContain('belongs to the Teaching pathway');

    const done = await submit(who, {
      action: 'submitOnboarding',
      name: 'Alex Morgan',
      pathway: 'teaching-assistant',
      stage: 'hlta',
      school: 'Oak Primary',
      managerEmail: 'head@school.org',
      nextDiscussion: '2027-03-01',
    });
    expect(done[0]?.text).toMatch(/set up as/i);
    expect(JSON.stringify(cardsOf(done))).toContain('Your entitlement');

    const saved = await app.repos.staff.findByEmail('default', 'new.person@school.org');
    expect(saved).toMatchObject({ pathway: 'teaching-assistant', stage: 'hlta', school: 'Oak Primary', source: 'onboarding' });
  });

  it('recognises a directory member, saves an opportunity, moves it along the plan and logs CPD', async () => {
    await app.repos.staff.save({
      orgId: 'default',
      email: 'jo.ect@school.org',
      name: 'Jo Patel',
      pathway: 'teaching',
      stage: 'ect',
      role: 'staff',
      interests: [],
      source: 'directory',
    });
    const who = personIn('conv-jo', 'user-jo', 'Jo.ECT@school.org', 'Jo Patel');
    await say(who, 'hello');

    const answer = await say(who, "what's next for me");
    const whatNext = cardsOf(answer).find((card) => JSON.stringify(card).includes('Your entitlement'));
    expect(whatNext).toBeDefined();
    expect(JSON.stringify(whatNext)).toContain('Early career teacher');
    const saveButton = actionData(whatNext as Card).find((data) => data.action === 'saveOpportunity');
    expect(saveButton).toBeDefined();
    const opportunityId = String(saveButton?.opportunityId);

    const invoke = await app.post('/api/messages', cardActionInvoke(who, { action: 'saveOpportunity', opportunityId }));
    expect(invoke.status).toBe(200);
    expect(JSON.stringify(await invoke.json())).toMatch(/Saved/);
    expect((await app.repos.plans.list('default', 'jo.ect@school.org')).map((p) => p.opportunityId)).toEqual([opportunityId]);

    const plan = await say(who, 'show my plan');
    const planCard = cardsOf(plan)[0] as Card;
    const move = actionData(planCard).find((data) => data.action === 'setPlanStatus');
    expect(move).toMatchObject({ opportunityId, status: 'discussed' });

    const moved = await app.post('/api/messages', cardActionInvoke(who, move as Record<string, unknown>));
    const movedBody = (await moved.json()) as { type: string; value: Card };
    expect(movedBody.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(movedBody.value)).toContain('Discussed with line manager');
    expect((await app.repos.plans.list('default', 'jo.ect@school.org'))[0]?.status).toBe('discussed');

    const logged = await say(who, 'I did a 2-day course on phonics yesterday');
    expect(JSON.stringify(cardsOf(logged))).toMatch(/2 of 5 days/);
    const entries = await app.repos.cpd.list('default', 'jo.ect@school.org');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ days: 2 });
  });

  it('browses by kind, scope and pathway, and answers "how do I become…" with the route to that stage', async () => {
    await app.repos.staff.save({
      orgId: 'default',
      email: 'browser@school.org',
      name: 'Bea Rowse',
      pathway: 'teaching',
      stage: 'ect',
      role: 'staff',
      interests: [],
      source: 'directory',
    });
    const who = personIn('conv-browse', 'user-browse', 'browser@school.org', 'Bea Rowse');
    await say(who, 'hi');

    const npqs = JSON.stringify(cardsOf(await say(who, 'show me NPQs')));
    expect(npqs).toContain('NPQ in Leading Teaching');
    expect(npqs).not.toContain('Masters-level study');

    const taCourses = cardsOf(await say(who, 'courses for TAs'))[0] as Card;
    const ids = actionData(taCourses).filter((d) => d.action === 'showOpportunity').map((d) => String(d.opportunityId));
    expect(ids.length).toBeGreaterThan(0);
    const byId = new Map(loadDefaultCareerMap().opportunities.map((item) => [item.id, item]));
    for (const id of ids) {
      expect(byId.get(id)?.pathways).toContain('teaching-assistant');
      expect(byId.get(id)?.kind).toBe('course');
    }

    const route = JSON.stringify(cardsOf(await say(who, 'how do I become a head of department?')));
    expect(route).toContain('How to become: Middle leader');
    expect(route).toContain('Early career teacher → Developing teacher → Middle leader');
  });

  it('deletes everything about a person after they confirm, and forgets them', async () => {
    const who = personIn('conv-del', 'user-del', 'leaving@school.org', 'Sam Leaver');
    await app.repos.staff.save({
      orgId: 'default',
      email: 'leaving@school.org',
      name: 'Sam Leaver',
      pathway: 'business-operations',
      stage: 'officer',
      role: 'staff',
      interests: [],
      source: 'directory',
    });
    await app.repos.plans.add('default', 'leaving@school.org', 'annual-careers-discussion');
    await say(who, 'hi');

    const ask = await say(who, 'delete my data');
    const confirm = actionData(cardsOf(ask)[0] as Card).find((data) => data.action === 'confirmDeleteData');
    expect(confirm).toBeDefined();
    expect(await app.repos.staff.findByEmail('default', 'leaving@school.org')).not.toBeNull();

    const done = await submit(who, confirm as Record<string, unknown>);
    expect(done[0]?.text).toMatch(/deleted/i);
    expect(await app.repos.staff.findByEmail('default', 'leaving@school.org')).toBeNull();
    expect(await app.repos.plans.list('default', 'leaving@school.org')).toEqual([]);
    expect(await app.repos.references.findByEmail('default', 'leaving@school.org')).toEqual([]);

    const again = await say(who, 'hello');
    expect(JSON.stringify(cardsOf(again))).toMatch(/welcome to NextStep/i);
  });

  it('keeps personal answers out of channels and group chats', async () => {
    const who = { ...personIn('conv-channel', 'user-jo', 'Jo.ECT@school.org', 'Jo Patel'), conversationType: 'channel' };
    const plan = await say(who, 'show my plan');
    expect(plan).toHaveLength(1);
    expect(plan[0]?.text).toMatch(/direct message/);
    const forged = await submit(who, { action: 'logCpd', title: 'x', days: '1' });
    expect(forged[0]?.text).toMatch(/direct message/);

    const browse = await say(who, 'show me NPQs');
    expect(JSON.stringify(cardsOf(browse))).toContain('NPQ in Leading Teaching');
  });

  it('answers a malformed or forged card submit politely and changes nothing', async () => {
    const who = personIn('conv-forge', 'user-forge', 'forger@school.org', 'Fay Forge');
    const replies = await submit(who, { action: 'setPlanStatus', opportunityId: '../../etc', status: 'hacked', email: 'victim@school.org' });
    expect(replies[0]?.text).toMatch(/couldn't read that button/i);
    const unknown = await submit(who, { action: 'saveOpportunity', opportunityId: 'no-such-thing' });
    expect(JSON.stringify(unknown)).not.toMatch(/Saved/);
  });
});
