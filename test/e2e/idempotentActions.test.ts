import type { ActivityOptions } from '../support/activities';
import { cardActionInvoke, submitActivity } from '../support/activities';
import { actionData, cardsOf, teamsConversation, type Card } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';

const OPPORTUNITY = 'shadow-a-colleague';
const OWNER = 'cpd@example-trust.org.uk';

describe('card actions are applied at most once, over HTTP', () => {
  const bot = useTeamsApp();
  const { connector } = bot;
  const { personIn, say, submit } = teamsConversation(() => bot.app, connector);
  let owner: ActivityOptions;

  beforeAll(async () => {
    // The owner has talked to the bot, so there is somewhere to tell them.
    owner = personIn('conv-owner', 'user-owner', OWNER, 'CPD Team');
    await say(owner, 'hi');
  });

  async function staffMember(id: string, name: string): Promise<ActivityOptions> {
    const email = `${id}@school.org`;
    await bot.app.repos.staff.save({
      orgId: 'default',
      email,
      name,
      pathway: 'teaching-assistant',
      stage: 'ta',
      role: 'staff',
      interests: [],
      source: 'directory',
    });
    const who = personIn(`conv-${id}`, `user-${id}`, email, name);
    await say(who, 'hi');
    return who;
  }

  const emailOf = (who: ActivityOptions) => `${who.userId.replace('user-', '')}@school.org`;

  it('logs CPD once when "completed" is pressed six times', async () => {
    const who = await staffMember('six-presses', 'Robin Six');
    await bot.app.repos.plans.add('default', emailOf(who), OPPORTUNITY);
    for (let press = 0; press < 6; press += 1) {
      await submit(who, { action: 'setPlanStatus', opportunityId: OPPORTUNITY, status: 'completed' });
    }
    const cpd = await bot.app.repos.cpd.list('default', emailOf(who));
    expect(cpd).toHaveLength(1);
    expect(cpd[0]).toMatchObject({ opportunityId: OPPORTUNITY, days: 1 });
    const [item] = await bot.app.repos.plans.list('default', emailOf(who));
    expect(item?.status).toBe('completed');
    expect(item?.history.filter((step) => step.status === 'completed')).toHaveLength(1);
  });

  it('logs CPD once when six identical presses arrive at the same moment', async () => {
    const who = await staffMember('six-at-once', 'Robin Concurrent');
    await bot.app.repos.plans.add('default', emailOf(who), OPPORTUNITY);
    const press = submitActivity(who, { action: 'setPlanStatus', opportunityId: OPPORTUNITY, status: 'completed' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => bot.app.post('/api/messages', press)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await bot.app.repos.cpd.list('default', emailOf(who))).toHaveLength(1);
  });

  it('moves plan items forward only: a stale "discussed" press after completion changes nothing', async () => {
    const who = await staffMember('backwards', 'Robin Back');
    await bot.app.repos.plans.add('default', emailOf(who), OPPORTUNITY);
    await submit(who, { action: 'setPlanStatus', opportunityId: OPPORTUNITY, status: 'completed' });
    const answer = await submit(who, { action: 'setPlanStatus', opportunityId: OPPORTUNITY, status: 'discussed' });
    expect(answer[0]?.text).toMatch(/already moved past/);
    const [item] = await bot.app.repos.plans.list('default', emailOf(who));
    expect(item?.status).toBe('completed');
    expect(await bot.app.repos.cpd.list('default', emailOf(who))).toHaveLength(1);
  });

  it('tells the owner once when "I\'m interested" is pressed ten times', async () => {
    const who = await staffMember('ten-presses', 'Robin Keen');
    const before = connector.to(owner.conversationId).length;
    const answers = [];
    for (let press = 0; press < 10; press += 1) answers.push(...(await submit(who, { action: 'markInterest', opportunityId: OPPORTUNITY })));
    const told = connector.to(owner.conversationId).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain('Robin Keen');
    expect(answers.filter((answer) => /I've already let/.test(answer.text ?? ''))).toHaveLength(9);
  });

  it('tells the owner once when ten presses arrive at the same moment', async () => {
    const who = await staffMember('ten-at-once', 'Robin Rush');
    const before = connector.to(owner.conversationId).length;
    const press = submitActivity(who, { action: 'markInterest', opportunityId: OPPORTUNITY });
    await Promise.all(Array.from({ length: 10 }, () => bot.app.post('/api/messages', press)));
    expect(connector.to(owner.conversationId).slice(before)).toHaveLength(1);
    expect(await bot.app.repos.plans.list('default', emailOf(who))).toHaveLength(1);
  });

  it('refuses a delete that did not come from the confirmation card, and keeps the data', async () => {
    const who = await staffMember('forger', 'Robin Forge');
    const other = await staffMember('bystander', 'Robin Other');
    await bot.app.repos.plans.add('default', emailOf(who), OPPORTUNITY);

    const otherCard = cardsOf(await say(other, 'delete my data'))[0] as Card;
    const othersToken = actionData(otherCard).find((data) => data.action === 'confirmDeleteData')?.token;
    expect(othersToken).toEqual(expect.any(String));

    for (const forged of [{}, { token: 'made-up-token' }, { token: othersToken }]) {
      const answer = await submit(who, { action: 'confirmDeleteData', ...forged });
      expect(answer[0]?.text).toMatch(/Nothing has been deleted/);
    }
    expect(await bot.app.repos.staff.findByEmail('default', emailOf(who))).not.toBeNull();
    expect(await bot.app.repos.plans.list('default', emailOf(who))).toHaveLength(1);
    expect(await bot.app.repos.staff.findByEmail('default', emailOf(other))).not.toBeNull();
  });

  it('applies a confirmed delete once: the token cannot be used again', async () => {
    const who = await staffMember('leaver-once', 'Robin Leaves');
    const card = cardsOf(await say(who, 'delete my data'))[0] as Card;
    const confirm = actionData(card).find((data) => data.action === 'confirmDeleteData') as Record<string, unknown>;
    const press = submitActivity(who, confirm);
    const answers = await Promise.all(Array.from({ length: 3 }, () => bot.app.post('/api/messages', press)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const replies = connector.to(who.conversationId).slice(-3) as { text?: string }[];
    expect(replies.filter((reply) => /forgotten you/.test(reply.text ?? ''))).toHaveLength(1);
    expect(await bot.app.repos.staff.findByEmail('default', emailOf(who))).toBeNull();
  });

  it('removes a plan item only with the token from the "are you sure?" card', async () => {
    const who = await staffMember('remover', 'Robin Remove');
    await bot.app.repos.plans.add('default', emailOf(who), OPPORTUNITY);
    const remove = { action: 'removeFromPlan', opportunityId: OPPORTUNITY };

    const asked = await bot.app.post('/api/messages', cardActionInvoke(who, remove));
    const askCard = ((await asked.json()) as { value: Card }).value;
    const yes = actionData(askCard).find((data) => data.action === 'removeFromPlan' && typeof data.token === 'string');
    expect(yes).toBeDefined();
    expect(await bot.app.repos.plans.list('default', emailOf(who))).toHaveLength(1);

    await bot.app.post('/api/messages', cardActionInvoke(who, { ...remove, token: 'forged' }));
    expect(await bot.app.repos.plans.list('default', emailOf(who))).toHaveLength(1);

    const presses = await Promise.all(Array.from({ length: 3 }, () => bot.app.post('/api/messages', cardActionInvoke(who, yes as Record<string, unknown>))));
    expect(presses.map((press) => press.status)).toEqual([200, 200, 200]);
    expect(await bot.app.repos.plans.list('default', emailOf(who))).toEqual([]);
  });
});
