import { cardActionInvoke, messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import type { FakeBotConnector } from '../support/fakeBotConnector';
import type { TestApp } from '../support/testApp';
import { cardsOf, textsOf, type Sent } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';


/** Every `data` payload of the card's buttons, fallbacks left out. */
function actionData(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown, isFallback: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, isFallback));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (!isFallback && (record.type === 'Action.Execute' || record.type === 'Action.Submit') && record.data) found.push(record.data as Record<string, unknown>);
    for (const [key, child] of Object.entries(record)) walk(child, key === 'fallback');
  };
  walk(card, false);
  return found;
}

const newOpportunity = {
  id: 'phonics-lead-shadowing',
  title: 'Phonics lead shadowing',
  summary: "Spend a morning with the trust's phonics lead and see a whole-school approach to early reading.",
  pathways: 'teaching,teaching-assistant',
  stages: 'ect,hlta',
  scope: 'trust',
  kind: 'shadowing',
  entitlement: 'optional',
  tags: 'phonics, early reading',
};

function conversationHelpers(connector: FakeBotConnector, app: () => TestApp) {
  const personIn = (conversationId: string, userId: string, email: string, conversationType = 'personal'): ActivityOptions => {
    connector.members.set(userId, { id: userId, name: email, email, userPrincipalName: email });
    return { serviceUrl: connector.url, conversationId, userId, userName: email, conversationType };
  };
  const send = async (who: ActivityOptions, activity: unknown): Promise<Sent[]> => {
    const before = connector.to(who.conversationId).length;
    const response = await app().post('/api/messages', activity);
    expect(response.status).toBe(200);
    return connector.to(who.conversationId).slice(before);
  };
  return {
    personIn,
    say: (who: ActivityOptions, text: string) => send(who, messageActivity(who, text)),
    submit: (who: ActivityOptions, value: Record<string, unknown>) => send(who, submitActivity(who, value)),
    invoke: async (who: ActivityOptions, data: Record<string, unknown>) => {
      const response = await app().post('/api/messages', cardActionInvoke(who, data));
      expect(response.status).toBe(200);
      return response.json() as Promise<{ type: string; value: unknown }>;
    },
  };
}

describe('admins in Teams chat, end to end over HTTP', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org' });
  const { personIn, say, submit, invoke } = conversationHelpers(bot.connector, () => bot.app);

  const auditOf = async (action: string) => (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === action);

  it('lets the ADMIN_EMAILS admin grant a role in chat; the new admin lists admins and cannot remove configuration', async () => {
    const head = personIn('conv-head', 'user-head', 'Head@School.org');
    const granted = await say(head, 'make jo@school.org an admin');
    expect(textsOf(granted)).toContain('jo@school.org is now an admin of Our trust.');
    expect(await bot.app.repos.adminRoles.find('default', 'jo@school.org')).toMatchObject({ grantedBy: 'head@school.org' });
    expect((await auditOf('admin.granted')).map((entry) => [entry.actor, entry.details])).toEqual([['head@school.org', { email: 'jo@school.org' }]]);

    const jo = personIn('conv-jo', 'user-jo', 'jo@school.org');
    const list = cardsOf(await say(jo, 'who are the admins?'));
    const card = list.find((c) => JSON.stringify(c).includes('NextStep admins for'));
    expect(JSON.stringify(card)).toContain('head@school.org');
    expect(actionData(card)).toEqual([{ action: 'revokeAdmin', email: 'jo@school.org' }]);

    const configured = await say(jo, 'remove admin head@school.org');
    expect(textsOf(configured).join('\n')).toMatch(/ADMIN_EMAILS setting names them, so I can't remove them here/);
    expect(await bot.app.repos.adminRoles.list('default')).toHaveLength(1);
  });

  it('adds an opportunity with the card form: errors shown in the form, idempotent, audited, listed as latest and editable', async () => {
    const jo = personIn('conv-jo', 'user-jo', 'jo@school.org');
    const form = cardsOf(await say(jo, 'add an opportunity')).find((c) => JSON.stringify(c).includes('Add an opportunity'));
    expect(actionData(form)).toEqual([{ action: 'saveOpportunityForm' }]);

    const bad = cardsOf(await submit(jo, { action: 'saveOpportunityForm', ...newOpportunity, id: 'Phonics Lead', stages: 'hlta', pathways: 'teaching' }));
    const badText = JSON.stringify(bad);
    expect(badText).toContain('Id: \\"Phonics Lead\\" must be lower-case letters');
    expect(badText).toContain('Stages: stage \\"hlta\\" is not a stage of teaching');
    expect(await bot.app.repos.opportunities.get('default', 'phonics-lead')).toBeNull();

    const added = await submit(jo, { action: 'saveOpportunityForm', ...newOpportunity });
    expect(textsOf(added)).toContain('Added "Phonics lead shadowing" (phonics-lead-shadowing). Staff will see it in their suggestions within a minute.');
    const again = await submit(jo, { action: 'saveOpportunityForm', ...newOpportunity });
    expect(textsOf(again).join('\n')).toMatch(/already saved exactly like this/);
    const stored = await bot.app.repos.opportunities.get('default', 'phonics-lead-shadowing');
    expect(stored?.opportunity).toMatchObject({ pathways: ['teaching', 'teaching-assistant'], stages: ['ect', 'hlta'], tags: ['phonics', 'early reading'] });
    expect((await bot.app.repos.opportunities.listForOrg('default')).filter((s) => s.opportunity.id === 'phonics-lead-shadowing')).toHaveLength(1);

    const clash = JSON.stringify(cardsOf(await submit(jo, { action: 'saveOpportunityForm', ...newOpportunity, title: 'Something else' })));
    expect(clash).toContain('is already used by');

    const latest = cardsOf(await say(jo, 'latest opportunities')).find((c) => JSON.stringify(c).includes('Latest opportunities added'));
    expect(JSON.stringify(latest)).toContain('Phonics lead shadowing');
    const edit = actionData(latest).find((data) => data.action === 'editOpportunity');
    expect(edit).toEqual({ action: 'editOpportunity', opportunityId: 'phonics-lead-shadowing' });

    const opened = await invoke(jo, edit as Record<string, unknown>);
    expect(opened.value).toBe('Here you go.');
    const editForm = cardsOf(bot.connector.to('conv-jo').slice(-1))[0];
    expect(JSON.stringify(editForm)).toContain('Edit an opportunity');
    const save = actionData(editForm)[0];
    expect(save).toEqual({ action: 'saveOpportunityForm', editing: 'phonics-lead-shadowing' });

    const edited = await submit(jo, { ...save, ...newOpportunity, id: 'an-attempt-to-rename', title: 'Phonics lead shadowing (summer term)' });
    expect(textsOf(edited).join('\n')).toMatch(/^Updated "Phonics lead shadowing \(summer term\)" \(phonics-lead-shadowing\)/);
    expect((await bot.app.repos.opportunities.get('default', 'phonics-lead-shadowing'))?.opportunity.title).toBe('Phonics lead shadowing (summer term)');
    expect(await bot.app.repos.opportunities.get('default', 'an-attempt-to-rename')).toBeNull();

    const byName = cardsOf(await say(jo, 'edit the phonics lead shadowing opportunity'));
    expect(JSON.stringify(byName)).toContain('Edit an opportunity');
    expect(actionData(byName[0])).toEqual([{ action: 'saveOpportunityForm', editing: 'phonics-lead-shadowing' }]);

    const saves = await auditOf('opportunity.saved');
    expect(saves.map((entry) => [entry.actor, entry.details])).toEqual([
      ['jo@school.org', { opportunityId: 'phonics-lead-shadowing', outcome: 'created' }],
      ['jo@school.org', { opportunityId: 'phonics-lead-shadowing', outcome: 'updated' }],
    ]);
  });

  it('refuses a non-admin politely, typed or forged, and audits each attempt by name', async () => {
    const sam = personIn('conv-sam', 'user-sam', 'sam@school.org');
    const typed = await say(sam, 'make sam@school.org an admin');
    expect(textsOf(typed).join('\n')).toMatch(/Sorry, only NextStep admins for Our trust can do that/);

    const forgedForm = await submit(sam, { action: 'saveOpportunityForm', ...newOpportunity, id: 'forged-item', email: 'head@school.org', role: 'admin' });
    expect(textsOf(forgedForm)).toEqual([expect.stringMatching(/only NextStep admins/)]);
    expect(await bot.app.repos.opportunities.get('default', 'forged-item')).toBeNull();

    const forgedRevoke = await invoke(sam, { action: 'revokeAdmin', email: 'jo@school.org' });
    expect(String(forgedRevoke.value)).toMatch(/only NextStep admins/);
    expect(await bot.app.repos.adminRoles.find('default', 'jo@school.org')).not.toBeNull();

    const forgedEdit = await invoke(sam, { action: 'editOpportunity', opportunityId: 'phonics-lead-shadowing' });
    expect(String(forgedEdit.value)).toMatch(/only NextStep admins/);

    const refused = (await auditOf('admin.refused')).filter((entry) => entry.actor === 'sam@school.org');
    expect(refused.map((entry) => entry.details.attempted)).toEqual(['grantAdmin', 'saveOpportunityForm', 'revokeAdmin', 'editOpportunity']);
    expect(refused.every((entry) => entry.details.reason === 'not-admin')).toBe(true);
    expect(await bot.app.repos.adminRoles.find('default', 'sam@school.org')).toBeNull();
  });

  it('shows staff the latest opportunities without any admin buttons', async () => {
    const sam = personIn('conv-sam', 'user-sam', 'sam@school.org');
    const latest = cardsOf(await say(sam, 'any new opportunities?')).find((c) => JSON.stringify(c).includes('Latest opportunities added'));
    expect(JSON.stringify(latest)).toContain('Phonics lead shadowing');
    expect(actionData(latest).map((data) => data.action)).toEqual(['showOpportunity']);
  });

  it('does admin tasks only in a personal chat, even for an admin', async () => {
    const inChannel = personIn('conv-staffroom', 'user-head', 'head@school.org', 'channel');
    const typed = await say(inChannel, 'make kim@school.org an admin');
    expect(textsOf(typed).join('\n')).toMatch(/direct message/);
    const forged = await submit(inChannel, { action: 'saveOpportunityForm', ...newOpportunity, id: 'from-a-channel' });
    expect(textsOf(forged).join('\n')).toMatch(/direct message/);
    expect(await bot.app.repos.adminRoles.find('default', 'kim@school.org')).toBeNull();
    expect(await bot.app.repos.opportunities.get('default', 'from-a-channel')).toBeNull();
  });

  it('removes a granted admin from the admin list card, which then shows the list as it stands', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const before = bot.connector.to('conv-head').length;
    const answer = await invoke(head, { action: 'revokeAdmin', email: 'jo@school.org' });
    expect(answer.value).toBe('jo@school.org is no longer an admin of Our trust.');
    const list = cardsOf(bot.connector.to('conv-head').slice(before));
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list[0])).toContain('NextStep admins for Our trust');
    expect(JSON.stringify(list[0])).not.toContain('jo@school.org');
    expect(await bot.app.repos.adminRoles.find('default', 'jo@school.org')).toBeNull();
    const jo = personIn('conv-jo', 'user-jo', 'jo@school.org');
    expect(textsOf(await say(jo, 'add an opportunity')).join('\n')).toMatch(/only NextStep admins/);
  });
});

describe('the last admin of an organisation, in chat', () => {
  const bot = useTeamsApp();
  const { personIn, say } = conversationHelpers(bot.connector, () => bot.app);

  it('is kept, with a clear message, and the refusal is audited', async () => {
    await bot.app.repos.adminRoles.grant({ orgId: 'default', email: 'only@school.org', grantedBy: 'cli', grantedAt: new Date() });
    const only = personIn('conv-only', 'user-only', 'only@school.org');
    const reply = await say(only, 'remove admin only@school.org');
    expect(textsOf(reply)).toContain("only@school.org is the last admin of Our trust, so I've kept them. Make someone else an admin first, then remove only@school.org.");
    expect(await bot.app.repos.adminRoles.find('default', 'only@school.org')).not.toBeNull();
    const refused = (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === 'admin.refused');
    expect(refused.map((entry) => entry.details.reason)).toEqual(['last-admin']);
  });
});
