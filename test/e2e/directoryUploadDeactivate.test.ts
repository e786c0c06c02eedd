import { expect } from '@jest/globals';
import { cardActionInvoke, messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { fileAttachment, standInFileHost } from '../support/standInFileHost';
import { actionData, cardsOf, teamsConversation, type Card } from '../support/teamsConversation';
import { useTeamsApp } from '../support/useTeamsApp';

interface Sent {
  text?: string;
  attachments?: { content: Card }[];
}

const ORG = 'default';
const everyone = Array.from({ length: 10 }, (_, index) => ({ email: `staff${index}@school.org`, name: `Staff Member ${index}` }));
const csvOf = (people: typeof everyone) => ['email,name,pathway,stage', ...people.map((person) => `${person.email},${person.name},teaching,ect`)].join('\n');
/** The second file leaves out three of the ten. */
const LEFT_OUT = new Set(['staff2@school.org', 'staff5@school.org', 'staff8@school.org']);
const kept = everyone.filter((person) => !LEFT_OUT.has(person.email));

describe('deactivating the people a staff file leaves out, from a button on its summary card in Teams', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org,deputy@school.org' });
  const files = standInFileHost();
  const textsOf = (sent: Sent[]) => sent.flatMap((activity) => (activity.text ? [activity.text] : [])).join('\n');

  const chat = teamsConversation(() => bot.app, bot.connector);
  const personIn = (name: string): ActivityOptions => chat.personIn(`conv-${name}`, `user-${name}`, `${name}@school.org`, name);
  const { send } = chat;
  const upload = (who: ActivityOptions, name: string, csv: string) =>
    send(who, { ...messageActivity(who, ''), attachments: [fileAttachment(name, files.serve(`/${name}`, csv))] });
  const summaryOf = (sent: Sent[]): Card => {
    const card = cardsOf(sent).find((c) => JSON.stringify(c).includes('Staff directory imported'));
    if (!card) throw new Error(`no summary card in ${JSON.stringify(sent).slice(0, 300)}`);
    return card;
  };
  /** The button a card offers, as Teams would send it back. */
  const deactivateButton = (card: Card) => actionData(card).find((data) => data.action === 'deactivateMissing');
  const press = async (who: ActivityOptions, data: Record<string, unknown>) => {
    const response = await bot.app.post('/api/messages', cardActionInvoke(who, data));
    expect(response.status).toBe(200);
    return (await response.json()) as { type: string; value: unknown };
  };
  const inactive = async () => {
    const found: string[] = [];
    for (const person of everyone) if ((await bot.app.repos.staff.findByEmail(ORG, person.email))?.active === false) found.push(person.email);
    return found.sort();
  };
  const audit = async (action: string) => (await bot.app.repos.audit.list(ORG, new Date(0))).filter((entry) => entry.action === action);

  let head: ActivityOptions;
  let deputy: ActivityOptions;
  let button: Record<string, unknown> | undefined;

  beforeAll(async () => {
    head = personIn('head');
    deputy = personIn('deputy');
    await send(head, messageActivity(head, 'hello'));
    await send(deputy, messageActivity(deputy, 'hello'));
    // Someone who set themselves up in chat is never a directory file's to deactivate.
    await bot.app.repos.staff.save({ orgId: ORG, email: 'newcomer@school.org', name: 'New Comer', pathway: 'teaching', stage: 'ect', role: 'staff', interests: [], source: 'onboarding' });
    const first = summaryOf(await upload(head, 'staff-all.csv', csvOf(everyone)));
    expect(deactivateButton(first)).toBeUndefined();
  });

  it('says how many active people the file leaves out, names the first few and offers the button', async () => {
    const card = summaryOf(await upload(head, 'staff-leavers.csv', csvOf(kept)));
    const text = JSON.stringify(card);
    expect(text).toContain('3 active people in the directory are not in this file: Staff Member 2, Staff Member 5 and Staff Member 8.');
    expect(text).toMatch(/"title":"Unchanged","value":"7"/);
    expect(text).toMatch(/"title":"Deactivated","value":"0"/);
    button = deactivateButton(card);
    // The button names the upload only, never the people.
    expect(button).toEqual({ action: 'deactivateMissing', uploadId: expect.stringMatching(/^u-[a-f0-9]{12}$/) });
    expect(text).toContain('Deactivate 3 people not in this file');
    expect(await inactive()).toEqual([]);
    expect((await audit('staff.imported')).at(-1)?.details).toMatchObject({ file: 'staff-leavers.csv', notInFile: 3, uploadId: button?.uploadId });
  });

  it('refuses a member of staff who forges the press, audits it and deactivates nobody', async () => {
    const mallory = personIn('staff0');
    const sent = await send(mallory, submitActivity(mallory, button as Record<string, unknown>));
    expect(textsOf(sent)).toContain('only NextStep admins');
    expect(await inactive()).toEqual([]);
    expect((await audit('admin.refused')).filter((entry) => entry.actor === 'staff0@school.org' && entry.details.attempted === 'deactivateMissing')).toHaveLength(1);
  });

  it('deactivates exactly those three once when two admins press at the same moment, and redraws the card', async () => {
    const [fromHead, fromDeputy] = await Promise.all([press(head, button as Record<string, unknown>), press(deputy, button as Record<string, unknown>)]);
    expect(await inactive()).toEqual([...LEFT_OUT].sort());
    expect((await bot.app.repos.staff.findByEmail(ORG, 'newcomer@school.org'))?.active).not.toBe(false);

    const answers = [fromHead, fromDeputy];
    const redrawn = answers.filter((answer) => answer.type === 'application/vnd.microsoft.card.adaptive' && JSON.stringify(answer.value).includes('were deactivated'));
    expect(redrawn.length).toBeGreaterThanOrEqual(1);
    // Whoever came second hears it is done (or under way), never that the directory changed.
    const others = answers.filter((answer) => !redrawn.includes(answer));
    for (const answer of others) expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('already') });
    expect(await audit('staff.deactivateMissingRefused')).toEqual([]);
    expect(JSON.stringify(redrawn[0]?.value)).toContain('3 people not in this file were deactivated.');
    expect(JSON.stringify(redrawn[0]?.value)).toMatch(/"title":"Deactivated","value":"3"/);
    expect(deactivateButton(redrawn[0]?.value as Card)).toBeUndefined();

    const done = await audit('staff.deactivatedMissing');
    expect(done).toHaveLength(1);
    expect(['head@school.org', 'deputy@school.org']).toContain(done[0]?.actor);
    expect(done[0]?.details).toMatchObject({ uploadId: button?.uploadId, file: 'staff-leavers.csv', notInFile: 3, deactivated: 3 });
  });

  it('answers a later press with "already done" and changes nothing more', async () => {
    const before = await bot.app.repos.staff.findByEmail(ORG, 'staff2@school.org');
    const sent = await send(head, submitActivity(head, button as Record<string, unknown>));
    expect(textsOf(sent)).toContain("That's already done: 3 people not in \"staff-leavers.csv\" were deactivated. Nothing more changed.");
    expect(await inactive()).toEqual([...LEFT_OUT].sort());
    expect((await bot.app.repos.staff.findByEmail(ORG, 'staff2@school.org'))?.deactivatedAt).toEqual(before?.deactivatedAt);
    expect(await audit('staff.deactivatedMissing')).toHaveLength(1);
  });

  it('refuses a press on an older file once a newer one has been imported, and explains why', async () => {
    // Everyone is back in the next file except staff9; then the admin presses the button of that older summary.
    const older = deactivateButton(summaryOf(await upload(head, 'staff-older.csv', csvOf(everyone.slice(0, 9)))));
    expect(older).toBeDefined();
    expect(await inactive()).toEqual([]);
    const newer = summaryOf(await upload(head, 'staff-newer.csv', csvOf(everyone.slice(0, 8))));
    expect(JSON.stringify(newer)).toContain('2 active people in the directory are not in this file');

    const sent = await send(head, submitActivity(head, older as Record<string, unknown>));
    expect(textsOf(sent)).toContain('A newer staff file has been imported since "staff-older.csv"');
    expect(await inactive()).toEqual([]);
    expect((await audit('staff.deactivateMissingRefused')).map((entry) => entry.details.reason)).toEqual(['newer-import']);
  });

  it('refuses when people joined or left the directory since, even without another file in chat', async () => {
    const latest = deactivateButton(summaryOf(await upload(head, 'staff-latest.csv', csvOf(everyone.slice(0, 8)))));
    // Someone deactivated by another route (here, straight in the store, as a CLI import would) changes who is missing.
    await bot.app.repos.staff.deactivateLeavers(ORG, ['staff9@school.org']);
    const sent = await send(head, submitActivity(head, latest as Record<string, unknown>));
    expect(textsOf(sent)).toContain('The directory has changed since "staff-latest.csv" was imported');
    expect(await inactive()).toEqual(['staff9@school.org']);
  });

  it('answers "already being done" to a press that arrives while an earlier one is still deactivating', async () => {
    const card = summaryOf(await upload(head, 'staff-again.csv', csvOf(everyone.slice(0, 8))));
    const again = deactivateButton(card) as { action: string; uploadId: string };
    expect(JSON.stringify(card)).toContain('1 active person in the directory is not in this file: Staff Member 8.');
    // The earlier press has claimed the work and deactivated staff8, but not yet recorded it.
    expect(await bot.app.repos.directoryUploads.claimDeactivation(ORG, again.uploadId, new Date())).toBe(true);
    await bot.app.repos.staff.deactivateLeavers(ORG, ['staff8@school.org']);
    const refusalsBefore = (await audit('staff.deactivateMissingRefused')).length;
    const sent = await send(head, submitActivity(head, again));
    expect(textsOf(sent)).toContain('That\'s already being done for "staff-again.csv"');
    expect(await audit('staff.deactivateMissingRefused')).toHaveLength(refusalsBefore);
    expect(await inactive()).toEqual(['staff8@school.org', 'staff9@school.org']);
  });

  it('refuses a press for an upload it does not know or whose offer has expired', async () => {
    const unknown = await send(head, submitActivity(head, { action: 'deactivateMissing', uploadId: 'u-ffffffffffff' }));
    expect(textsOf(unknown)).toContain("I can't find that staff file any more");
    await bot.app.repos.directoryUploads.save({
      orgId: ORG,
      uploadId: 'u-eeeeeeeeeeee',
      fileName: 'last-month.csv',
      createdAt: new Date(Date.now() - 30 * 86_400_000),
      expiresAt: new Date(Date.now() - 23 * 86_400_000),
      summary: { created: 0, changed: 0, unchanged: 9, deactivated: 0 },
      missing: ['staff0@school.org'],
      fingerprint: await bot.app.repos.staff.directoryFingerprint(ORG),
    });
    const expired = await send(head, submitActivity(head, { action: 'deactivateMissing', uploadId: 'u-eeeeeeeeeeee' }));
    expect(textsOf(expired)).toContain('The summary of "last-month.csv" is more than a week old');
    expect(await bot.app.repos.staff.findByEmail(ORG, 'staff0@school.org')).toMatchObject({ name: 'Staff Member 0' });
    expect((await bot.app.repos.staff.findByEmail(ORG, 'staff0@school.org'))?.active).not.toBe(false);
  });
});
