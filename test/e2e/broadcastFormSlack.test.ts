import { FakeSlackApi } from '../support/fakeSlackApi';
import { blocksOf, buttonsIn, eventBody, FORM, interactionBody, signed, SLACK_SIGNING_SECRET, viewOf, waitFor } from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

const SCHOOL = 'Hilltop Slack Academy';
const staff = [
  { email: 'ada@school.org', name: 'Ada', pathway: 'teaching', stage: 'ect', school: SCHOOL },
  { email: 'alan@school.org', name: 'Alan', pathway: 'teaching', stage: 'senior-leader', school: SCHOOL },
  { email: 'grace@school.org', name: 'Grace', pathway: 'teaching-assistant', stage: 'hlta', school: SCHOOL },
  { email: 'mary@school.org', name: 'Mary', pathway: 'teaching', stage: 'ect', school: 'Valley Slack School' },
];

describe('the broadcast audience form in Slack, end to end over HTTP', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;
  let opportunityId = '';

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url, ADMIN_EMAILS: 'head@school.org' });
    // The start-up channel sync would otherwise race the channels recorded below.
    await app.slackChannelsSynced;
    slack.users.set('UHEAD', { real_name: 'Hana Head', email: 'head@school.org' });
    slack.users.set('UADA', { real_name: 'Ada', email: 'ada@school.org' });
    await app.repos.staff.importDirectory('default', staff);
    opportunityId = (await app.repos.opportunities.listForOrg('default'))[0]?.opportunity.id ?? '';
    await app.repos.broadcastChannels.upsert({ orgId: 'default', platform: 'slack', channelId: 'CSTAFF', name: '#staffroom', workspaceId: 'T1', reference: 'CSTAFF' });
    await app.repos.broadcastChannels.upsert({ orgId: 'other-trust', platform: 'slack', channelId: 'COTHER', name: '#elsewhere', workspaceId: 'T9', reference: 'COTHER' });
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  async function post(body: string) {
    const response = await app.post('/slack/events', body, { ...FORM, ...signed(body) });
    expect(response.status).toBe(200);
    return response;
  }

  async function dm(user: string, channel: string, text: string, count = 1) {
    const before = slack.posted().filter((m) => m.channel === channel).length;
    const body = eventBody({ type: 'message', channel_type: 'im', channel, user, text, ts: `${Date.now() / 1000}` });
    expect((await app.post('/slack/events', body, signed(body))).status).toBe(200);
    return waitFor(() => {
      const now = slack.posted().filter((m) => m.channel === channel);
      return now.length >= before + count ? now.slice(before) : undefined;
    });
  }

  const press = (user: string, channel: string, value: Record<string, unknown>, trigger: string) =>
    post(
      interactionBody({
        type: 'block_actions', user: { id: user }, team: { id: 'T1' }, api_app_id: 'A1', trigger_id: trigger,
        channel: { id: channel }, container: { type: 'message', message_ts: '111.222', channel_id: channel },
        actions: [{ type: 'button', action_id: 'nextstep:0', block_id: 'b1', value: JSON.stringify(value), action_ts: '1' }],
      }),
    );

  const submitModal = (user: string, metadata: unknown, values: Record<string, unknown>) =>
    post(
      interactionBody({
        type: 'view_submission', user: { id: user }, team: { id: 'T1' }, api_app_id: 'A1',
        view: { id: 'V1', callback_id: 'nextstep:broadcast', private_metadata: metadata, state: { values } },
      }),
    );

  const selected = (value: string) => ({ value: { selected_option: { value } } });

  it('an admin says "broadcast", chooses school + pathway + a channel in the modal, previews the exact count and confirms', async () => {
    await dm('UHEAD', 'DHEAD', 'hello', 2);
    await dm('UHEAD', 'DHEAD', 'broadcast');
    // Waits for the answer itself, whatever else is still arriving from the greeting.
    const open = await waitFor(() =>
      slack.posted().filter((m) => m.channel === 'DHEAD').flatMap((m) => buttonsIn(blocksOf(m))).find((button) => button.value?.action === 'openBroadcastForm'),
    );
    expect(open?.text).toBe('Choose the audience');

    await press('UHEAD', 'DHEAD', open?.value ?? {}, 'trigger-bcast');
    const modal = viewOf(await waitFor(() => slack.of('views.open').find((call) => call.trigger_id === 'trigger-bcast')));
    expect(modal.callback_id).toBe('nextstep:broadcast');
    const modalText = JSON.stringify(modal);
    expect(modalText).toContain('"value":"slack:CSTAFF"');
    expect(modalText).not.toContain('COTHER');
    expect(modalText).toContain(`"value":"${SCHOOL}"`);

    const truth = staff.filter((person) => person.pathway === 'teaching' && person.school === SCHOOL).map((person) => person.email).sort();
    const before = slack.posted().filter((m) => m.channel === 'DHEAD').length;
    const response = await submitModal('UHEAD', modal.private_metadata, {
      opportunityId: selected(opportunityId),
      pathway: selected('teaching'),
      stage: { value: { selected_option: null } },
      school: selected(SCHOOL),
      channels: { value: { selected_options: [{ value: 'slack:CSTAFF' }] } },
    });
    expect(await response.text()).not.toContain('response_action');
    const preview = await waitFor(() => slack.posted().filter((m) => m.channel === 'DHEAD')[before]);
    expect(String(preview.text)).toContain(`to ${truth.length + 1} recipients?`);
    expect(String(preview.text)).toContain('and 1 channel (#staffroom)');
    const confirm = buttonsIn(blocksOf(preview)).find((button) => button.value?.action === 'confirmBroadcast');
    expect(confirm?.value).toMatchObject({ opportunityId, pathway: 'teaching', school: SCHOOL, channels: ['slack:CSTAFF'] });

    await press('UHEAD', 'DHEAD', confirm?.value ?? {}, 'trigger-confirm');
    const progress = await waitFor(() => slack.of('chat.update').find((call) => String(call.text).startsWith('Broadcast "')));
    expect(String(progress.text)).toMatch(/queued|sending|finished/);
    const records = await app.repos.outbox.list({ purpose: 'broadcast' });
    expect(records.map((record) => record.key).sort()).toEqual(['channel:slack:CSTAFF', ...truth.map((email) => `person:${email}`)].sort());
  });

  it('keeps the modal open with what was wrong for another organisation\'s channel or an unknown school', async () => {
    const response = await submitModal('UHEAD', JSON.stringify({ channel: 'DHEAD' }), {
      opportunityId: selected(opportunityId),
      school: selected('Nowhere High'),
      channels: { value: { selected_options: [{ value: 'slack:COTHER' }] } },
    });
    const answer = (await response.json()) as { response_action: string; view: Record<string, unknown> };
    expect(answer.response_action).toBe('update');
    const text = JSON.stringify(answer.view);
    expect(text).toContain('School: nobody in your staff directory is at \\"Nowhere High\\".');
    expect(text).toContain('Channels: \\"slack:COTHER\\" is not a channel I have been added to in your organisation.');
  });

  it('refuses a forged modal submit from someone who is not an admin, audits it and queues nothing', async () => {
    const queued = (await app.repos.outbox.list({ purpose: 'broadcast' })).length;
    const before = slack.posted().filter((m) => m.channel === 'DADA').length;
    await submitModal('UADA', JSON.stringify({ channel: 'DADA' }), { opportunityId: selected(opportunityId), channels: { value: { selected_options: [{ value: 'slack:CSTAFF' }] } } });
    const refusal = await waitFor(() => slack.posted().filter((m) => m.channel === 'DADA')[before]);
    expect(String(refusal.text)).toMatch(/only NextStep admins for/);
    const refused = (await app.repos.audit.list('default', new Date(0))).filter((entry) => entry.action === 'admin.refused' && entry.actor === 'ada@school.org');
    expect(refused.map((entry) => entry.details.attempted)).toEqual(['previewBroadcastForm']);
    expect(await app.repos.outbox.list({ purpose: 'broadcast' })).toHaveLength(queued);
  });
});
