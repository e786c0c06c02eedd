import { cardActionInvoke, type ActivityOptions } from '../support/activities';
import { teamsConversation } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';

type Card = Record<string, unknown>;
interface Sent {
  text?: string;
  attachments?: { content: Card }[];
}
interface InvokeBody {
  type: string;
  value: unknown;
}

const cardsOf = (activities: Sent[]): Card[] => activities.flatMap((activity) => (activity.attachments ?? []).map((a) => a.content));

function nodes(card: unknown, keep: (node: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (keep(record)) found.push(record);
    Object.entries(record).forEach(([key, child]) => key !== 'fallback' && walk(child));
  };
  walk(card);
  return found;
}
const input = (card: unknown, id: string) => nodes(card, (node) => node.id === id)[0];
const choiceValues = (card: unknown, id: string) => ((input(card, id)?.choices ?? []) as { value: string }[]).map((choice) => choice.value);
const actionData = (card: unknown, action: string) =>
  nodes(card, (node) => node.type === 'Action.Execute' && (node.data as { action?: string } | undefined)?.action === action)[0]?.data as Record<string, unknown> | undefined;
const factValue = (card: unknown, title: string) => nodes(card, (node) => node.title === title && typeof node.value === 'string')[0]?.value;

const STAFFROOM = '19:staffroom@thread.tacv2';
const ELSEWHERE = '19:elsewhere@thread.tacv2';
const SCHOOL = 'Riverside Form Academy';

const staff = [
  { email: 'rina@school.org', name: 'Rina', pathway: 'teaching', stage: 'ect', school: SCHOOL },
  { email: 'raj@school.org', name: 'Raj', pathway: 'teaching', stage: 'middle-leader', school: SCHOOL },
  { email: 'rosa@school.org', name: 'Rosa', pathway: 'teaching-assistant', stage: 'ta', school: SCHOOL },
  { email: 'omar@school.org', name: 'Omar', pathway: 'teaching', stage: 'ect', school: 'Oakfield Form Primary' },
  { email: 'sam@school.org', name: 'Sam', pathway: 'teaching', stage: 'ect' },
];
const leaver = { email: 'leo@school.org', name: 'Leo', pathway: 'teaching', stage: 'ect', school: SCHOOL };

describe('the broadcast audience form in Teams, end to end over HTTP', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org' });
  const { connector } = bot;

  const chat = teamsConversation(() => bot.app, connector);
  const personIn = (name: string): ActivityOptions => chat.personIn(`conv-${name}`, `user-${name}`, `${name}@school.org`, name);
  const say = chat.say;
  const invoke = async (who: ActivityOptions, data: Record<string, unknown>): Promise<InvokeBody> => {
    const response = await bot.app.post('/api/messages', cardActionInvoke(who, data));
    expect(response.status).toBe(200);
    return response.json() as Promise<InvokeBody>;
  };
  const formFor = async (who: ActivityOptions, text: string): Promise<Card> => {
    const form = cardsOf(await say(who, text)).find((card) => input(card, 'opportunityId'));
    if (!form) throw new Error(`"${text}" did not show the form`);
    return form;
  };

  let opportunityId = '';

  beforeAll(async () => {
    const { repos } = bot.app;
    opportunityId = (await repos.opportunities.listForOrg('default'))[0]?.opportunity.id ?? '';
    await repos.staff.importDirectory('default', [...staff, leaver]);
    await repos.staff.importDirectory('default', staff, { deactivateMissing: true });
    const reference = (id: string) => JSON.stringify({ serviceUrl: connector.url, conversation: { id, conversationType: 'channel' }, channelId: 'msteams' });
    await repos.broadcastChannels.upsert({ orgId: 'default', platform: 'teams', channelId: STAFFROOM, name: 'Riverside › Staffroom', workspaceId: 'tenant-1', reference: reference(STAFFROOM) });
    await repos.broadcastChannels.upsert({ orgId: 'other-trust', platform: 'teams', channelId: ELSEWHERE, name: 'Elsewhere › General', workspaceId: 'tenant-2', reference: reference(ELSEWHERE) });
  });

  it('"broadcast" shows the form: the organisation\'s opportunities, stages by pathway, its schools and only its channels', async () => {
    const head = personIn('head');
    await say(head, 'hello');
    const form = await formFor(head, 'broadcast');
    expect(choiceValues(form, 'opportunityId')).toContain(opportunityId);
    expect(choiceValues(form, 'stage')).toEqual(expect.arrayContaining(['teaching/ect', 'teaching-assistant/ta']));
    expect(choiceValues(form, 'school')).toEqual(expect.arrayContaining([SCHOOL, 'Oakfield Form Primary']));
    expect(choiceValues(form, 'channels')).toEqual([`teams:${STAFFROOM}`]);
    expect(input(form, 'opportunityId')?.value).toBe('');
    expect(actionData(form, 'previewBroadcastForm')).toEqual({ action: 'previewBroadcastForm' });

    const prefilled = await formFor(head, 'broadcast npq-sl');
    expect(input(prefilled, 'opportunityId')?.value).toBe('npqsl');
    // Words that name no opportunity choose none (the search alone would find something for "start").
    const fresh = await formFor(head, 'start a new broadcast');
    expect(input(fresh, 'opportunityId')?.value).toBe('');
    // With an audience in the words, straight to the preview, named as the career map names it.
    const direct = cardsOf(await say(head, 'broadcast the NPQ in senior leadership to middle leaders'));
    expect(JSON.stringify(direct)).toContain('Active staff in Teaching at the Middle leader stage');
    expect(actionData(direct, 'confirmBroadcast')).toMatchObject({ opportunityId: 'npqsl', pathway: 'teaching', stage: 'middle-leader' });
    const unknown = await formFor(head, 'broadcast unicorn juggling');
    expect(JSON.stringify(unknown)).toContain('I couldn\'t find an opportunity matching \\"unicorn juggling\\". Choose one below.');
  });

  it('previews the exact count for school + pathway + one channel, and Confirm queues exactly those people and the channel', async () => {
    const head = personIn('head');
    const truth = [...staff, leaver]
      .filter((person) => person !== leaver && person.pathway === 'teaching' && person.school === SCHOOL)
      .map((person) => person.email)
      .sort();
    expect(truth).toEqual(['raj@school.org', 'rina@school.org']);

    const preview = await invoke(head, { action: 'previewBroadcastForm', opportunityId, pathway: 'teaching', stage: '', school: SCHOOL, channels: `teams:${STAFFROOM}` });
    expect(preview.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(factValue(preview.value, 'Recipients')).toBe(String(truth.length + 1));
    expect(JSON.stringify(preview.value)).toContain(`Active staff at ${SCHOOL} in Teaching and 1 channel (Riverside › Staffroom)`);
    const confirm = actionData(preview.value, 'confirmBroadcast');
    expect(confirm).toMatchObject({ opportunityId, pathway: 'teaching', school: SCHOOL, channels: `teams:${STAFFROOM}` });

    const progress = await invoke(head, confirm ?? {});
    expect(JSON.stringify(progress.value)).toContain('Broadcast:');
    // Pressed again (a double click, a retry): the same broadcast, nothing queued twice.
    const again = await invoke(head, confirm ?? {});
    expect(JSON.stringify(again.value)).toContain('Broadcast:');
    const { previewId: _previewId, ...stale } = confirm ?? {};
    expect(JSON.stringify((await invoke(head, stale)).value)).toContain("That preview is out of date, so nothing was sent.");
    const records = await bot.app.repos.outbox.list({ purpose: 'broadcast' });
    expect(records.map((record) => record.key).sort()).toEqual([`channel:teams:${STAFFROOM}`, ...truth.map((email) => `person:${email}`)].sort());
    const queued = (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === 'broadcast.queued');
    expect(queued.map((entry) => [entry.actor, entry.details.recipients])).toEqual([['head@school.org', truth.length + 1]]);
  });

  it('refuses a submit naming another organisation\'s channel or an unknown school, saying what was wrong and keeping the values', async () => {
    const head = personIn('head');
    const before = (await bot.app.repos.outbox.list({ purpose: 'broadcast' })).length;
    const foreign = await invoke(head, { action: 'previewBroadcastForm', opportunityId, school: SCHOOL, channels: `teams:${ELSEWHERE}` });
    const text = JSON.stringify(foreign.value);
    expect(text).toContain(`Channels: \\"teams:${ELSEWHERE}\\" is not a channel I have been added to in your organisation.`);
    expect(input(foreign.value, 'school')?.value).toBe(SCHOOL);
    expect(input(foreign.value, 'opportunityId')?.value).toBe(opportunityId);

    const unknownSchool = await invoke(head, { action: 'previewBroadcastForm', opportunityId, school: 'Hillside High' });
    expect(JSON.stringify(unknownSchool.value)).toContain('School: nobody in your staff directory is at \\"Hillside High\\".');
    expect(factValue(unknownSchool.value, 'Recipients')).toBeUndefined();
    expect(await bot.app.repos.outbox.list({ purpose: 'broadcast' })).toHaveLength(before);
  });

  it('refuses a forged form submit from someone who is not an admin, and audits it', async () => {
    const sam = personIn('sam');
    await say(sam, 'hello');
    const typed = await say(sam, 'broadcast');
    expect(typed.map((activity) => activity.text ?? '').join('\n')).toMatch(/only NextStep admins for/);
    const forged = await invoke(sam, { action: 'previewBroadcastForm', opportunityId, channels: `teams:${STAFFROOM}` });
    expect(String(forged.value)).toMatch(/only NextStep admins for/);
    const opened = await invoke(sam, { action: 'openBroadcastForm' });
    expect(String(opened.value)).toMatch(/only NextStep admins for/);
    const refused = (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === 'admin.refused' && entry.actor === 'sam@school.org');
    expect(refused.map((entry) => entry.details.attempted)).toEqual(['broadcast', 'previewBroadcastForm', 'openBroadcastForm']);
    expect(connector.to('conv-sam').flatMap((activity) => cardsOf([activity])).filter((card) => input(card, 'opportunityId'))).toEqual([]);
  });
});
