import { messageActivity, type ActivityOptions } from '../support/activities';
import { fileAttachment, standInFileHost } from '../support/standInFileHost';
import { useTeamsApp } from '../support/useTeamsApp';

interface Sent {
  text?: string;
  attachments?: { content: Record<string, unknown> }[];
}

const GOOD_CSV = [
  'email,name,pathway,stage,school',
  'ada@school.org,Ada Lovelace,teaching,ect,Hilltop Primary',
  'grace@school.org,Grace Hopper,teaching-assistant,hlta,Hilltop Primary',
  'alan@school.org,Alan Turing,teaching,ect,Hilltop Primary',
].join('\n');

const BAD_CSV = ['email,name,pathway,stage', 'zoe@school.org,Zoe,teaching,ect', 'not-an-email,Someone,teaching,ect', 'yan@school.org,Yan,teaching,no-such-stage'].join('\n');

describe('an admin sends the staff directory CSV in a Teams personal chat', () => {
  const bot = useTeamsApp({ ADMIN_EMAILS: 'head@school.org' });
  const files = standInFileHost();

  const personIn = (conversationId: string, userId: string, email: string, conversationType = 'personal'): ActivityOptions => {
    bot.connector.members.set(userId, { id: userId, name: email, email, userPrincipalName: email });
    return { serviceUrl: bot.connector.url, conversationId, userId, userName: email, conversationType };
  };
  const upload = async (who: ActivityOptions, name: string, downloadUrl: string, text = ''): Promise<Sent[]> => {
    const before = bot.connector.to(who.conversationId).length;
    const activity = {
      ...messageActivity(who, text),
      attachments: [fileAttachment(name, downloadUrl)],
    };
    const response = await bot.app.post('/api/messages', activity);
    expect(response.status).toBe(200);
    return bot.connector.to(who.conversationId).slice(before);
  };
  const uploadCards = (sent: Sent[]) => sent.flatMap((a) => (a.attachments ?? []).map((x) => JSON.stringify(x.content)));
  const texts = (sent: Sent[]) => sent.flatMap((a) => (a.text ? [a.text] : []));
  const auditOf = async (action: string) => (await bot.app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === action);

  it('imports a good file and answers with the counts and the file name', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const url = files.serve('/good.csv', GOOD_CSV);
    const cards = uploadCards(await upload(head, 'staff.csv', url));
    const summary = cards.find((card) => card.includes('Staff directory imported'));
    expect(summary).toBeDefined();
    expect(summary).toContain('staff.csv');
    expect(summary).toMatch(/"title":"New","value":"3"/);
    expect(summary).toMatch(/"title":"Unchanged","value":"0"/);
    expect(await bot.app.repos.staff.findByEmail('default', 'grace@school.org')).toMatchObject({ name: 'Grace Hopper', stage: 'hlta' });
    expect((await auditOf('staff.imported')).map((entry) => entry.details)).toEqual([
      expect.objectContaining({ file: 'staff.csv', rows: 3, created: 3, deactivateMissing: false }),
    ]);

    // The same file again changes nothing: a repeat is harmless.
    const again = uploadCards(await upload(head, 'staff.csv', url)).find((card) => card.includes('Staff directory imported'));
    expect(again).toMatch(/"title":"New","value":"0"/);
    expect(again).toMatch(/"title":"Unchanged","value":"3"/);
  });

  it('deactivates people missing from the file straight away when asked in words sent with it', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const url = files.serve('/fewer.csv', GOOD_CSV.split('\n').slice(0, 3).join('\n'));
    const kept = uploadCards(await upload(head, 'fewer.csv', url)).find((card) => card.includes('Staff directory imported'));
    expect(kept).toMatch(/"title":"Deactivated","value":"0"/);
    expect(kept).toContain('Deactivate 1 person not in this file');
    const pruned = uploadCards(await upload(head, 'fewer.csv', url, 'here it is, and deactivate missing')).find((card) =>
      card.includes('Staff directory imported'),
    );
    expect(pruned).toMatch(/"title":"Deactivated","value":"1"/);
    expect(await bot.app.repos.staff.findByEmail('default', 'alan@school.org')).toMatchObject({ active: false });
  });

  it('lists the problems of a bad file and imports nothing', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const sent = await upload(head, 'bad.csv', files.serve('/bad.csv', BAD_CSV));
    const card = uploadCards(sent).find((c) => c.includes('Nothing was imported'));
    expect(card).toBeDefined();
    expect(card).toContain('not-an-email');
    expect(card).toContain('no-such-stage');
    expect(await bot.app.repos.staff.findByEmail('default', 'zoe@school.org')).toBeNull();
    expect(await auditOf('staff.importRejected')).toHaveLength(1);
  });

  it('refuses a non-admin, audits the refusal and imports nothing', async () => {
    const jo = personIn('conv-jo', 'user-jo', 'jo@school.org');
    const url = files.serve('/jo.csv', 'email,name,pathway,stage\nmallory@school.org,Mallory,teaching,ect');
    const sent = await upload(jo, 'jo.csv', url);
    expect(texts(sent).join(' ')).toContain('only NextStep admins');
    expect(await bot.app.repos.staff.findByEmail('default', 'mallory@school.org')).toBeNull();
    const refusals = await auditOf('admin.refused');
    expect(refusals.filter((entry) => entry.actor === 'jo@school.org' && entry.details?.attempted === 'importStaff')).toHaveLength(1);
  });

  it('refuses a file over 5 MB and a file that is not a CSV', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = await upload(head, 'huge.csv', files.serve('/huge.csv', big));
    expect(texts(tooBig).join(' ')).toContain('bigger than 5 MB');
    const xlsx = await upload(head, 'staff.xlsx', files.serve('/staff.xlsx', GOOD_CSV));
    expect(texts(xlsx).join(' ')).toContain('.csv file');
  });

  it('refuses to download from a host other than SharePoint or the loopback test server', async () => {
    const head = personIn('conv-head', 'user-head', 'head@school.org');
    const sent = await upload(head, 'staff.csv', 'http://169.254.169.254/latest/meta-data.csv');
    expect(texts(sent).join(' ')).toContain("can't read files from there");
  });
});
