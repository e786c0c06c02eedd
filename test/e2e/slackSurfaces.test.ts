import { loadDefaultCareerMap } from '../../src/core/careerMap/defaultMap';
import { FakeSlackApi } from '../support/fakeSlackApi';
import {
  blocksOf,
  buttonsIn,
  commandBody,
  eventBody,
  FORM,
  interactionBody,
  signed,
  SLACK_SIGNING_SECRET,
  viewOf,
  waitFor,
} from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

describe('NextStep in Slack, end to end over HTTP', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url });
    slack.users.set('UJO', { real_name: 'Jo Patel', email: 'Jo.Patel@school.org' });
    await app.repos.staff.save({
      orgId: 'default', email: 'jo.patel@school.org', name: 'Jo Patel', pathway: 'teaching', stage: 'ect',
      role: 'staff', interests: [], source: 'directory',
    });
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await app.post('/slack/events', body, { ...headers, ...signed(body) });
    expect(response.status).toBe(200);
    return response;
  }

  /** Sends a DM and waits for the `count`-th new message in that DM. */
  async function dm(user: string, channel: string, text: string, count = 1) {
    const before = slack.posted().filter((m) => m.channel === channel).length;
    await post(eventBody({ type: 'message', channel_type: 'im', channel, user, text, ts: `${Date.now() / 1000}` }));
    return waitFor(() => {
      const now = slack.posted().filter((m) => m.channel === channel);
      return now.length >= before + count ? now.slice(before) : undefined;
    });
  }

  function press(user: string, channel: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return post(
      interactionBody({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${Date.now()}`,
        channel: { id: channel },
        container: { type: 'message', message_ts: '111.222', channel_id: channel },
        actions: [{ type: 'button', action_id: 'nextstep:0', block_id: 'b1', value: JSON.stringify(value), action_ts: '1' }],
        ...extra,
      }),
      FORM,
    );
  }

  it('welcomes a person on their first direct message and remembers that it did', async () => {
    const answers = await dm('UJO', 'DJO', 'hello', 2);
    expect(answers.map((m) => String(m.text))).toEqual([expect.stringMatching(/^Welcome to NextStep, Jo Patel/), expect.stringMatching(/^Try one of these/)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await app.repos.state.load('memory:default:slack:UJO')).toMatchObject({ value: { welcomed: true } });
  });

  it('answers "what can I do next?" in a DM with Block Kit naming the opportunities for the person\'s stage', async () => {
    const [answer] = await dm('UJO', 'DJO', 'what can I do next?');
    const blocks = blocksOf(answer as Record<string, unknown>);
    const text = JSON.stringify(blocks);
    expect(text).toContain('What next for Jo Patel');
    expect(text).toContain('Early career teacher');
    // Every universal entitlement of an early career teacher is named; nothing from another pathway only.
    const { opportunities } = loadDefaultCareerMap();
    const entitled = opportunities.filter((o) => o.entitlement === 'universal' && o.pathways.includes('teaching') && o.stages.includes('ect'));
    expect(entitled.length).toBeGreaterThan(0);
    for (const item of entitled) expect(text).toContain(item.title);
    const elsewhere = opportunities.filter((o) => !o.pathways.includes('teaching'));
    for (const item of elsewhere) expect(text).not.toContain(`*${item.title}*`);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(String(answer?.text).length).toBeLessThanOrEqual(2000);
  });

  it('saves an opportunity from a button, and the plan shows it; a status button updates the plan in place', async () => {
    const [answer] = await dm('UJO', 'DJO', 'what can I do next?');
    const save = buttonsIn(blocksOf(answer as Record<string, unknown>)).find((b) => b.value?.action === 'saveOpportunity');
    expect(save).toBeDefined();
    const opportunityId = String(save?.value?.opportunityId);

    // Saving from the what-next message redraws that message in place, without the item's save button.
    expect(save?.value).toMatchObject({ from: 'whatNext', page: 0 });
    const updatesBefore = slack.of('chat.update').length;
    await press('UJO', 'DJO', save?.value as Record<string, unknown>);
    const redrawn = await waitFor(() => slack.of('chat.update').slice(updatesBefore).find((u) => u.ts === '111.222'));
    expect(redrawn.channel).toBe('DJO');
    const stillSaving = buttonsIn(blocksOf(redrawn)).filter((b) => b.value?.action === 'saveOpportunity' && b.value.opportunityId === opportunityId);
    expect(stillSaving).toEqual([]);
    expect((await app.repos.plans.list('default', 'jo.patel@school.org')).map((p) => p.opportunityId)).toEqual([opportunityId]);

    const [plan] = await dm('UJO', 'DJO', 'show my plan');
    const planBlocks = blocksOf(plan as Record<string, unknown>);
    const title = loadDefaultCareerMap().opportunities.find((o) => o.id === opportunityId)?.title ?? '';
    expect(JSON.stringify(planBlocks)).toContain(title);
    const move = buttonsIn(planBlocks).find((b) => b.value?.action === 'setPlanStatus');
    expect(move?.value).toMatchObject({ opportunityId, status: 'discussed' });

    await press('UJO', 'DJO', move?.value as Record<string, unknown>);
    const updated = await waitFor(() => slack.of('chat.update').find((u) => u.ts === '111.222' && JSON.stringify(u).includes('Discussed with line manager')));
    expect(updated.channel).toBe('DJO');
    expect(JSON.stringify(blocksOf(updated))).toContain('Discussed with line manager');
    expect((await app.repos.plans.list('default', 'jo.patel@school.org'))[0]?.status).toBe('discussed');
  });

  it('answers /nextstep plan at once and then privately through the response_url', async () => {
    const body = commandBody({
      text: 'plan', user_id: 'UJO', user_name: 'jo', channel_id: 'C1', team_id: 'T1',
      response_url: slack.responseUrl('cmd1'), trigger_id: 'trigger-cmd',
    });
    const response = await post(body, FORM);
    expect(await response.text()).toBe('');
    const answer = await waitFor(() => slack.of('response')[0]);
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain("Jo Patel's development plan");
  });

  it('answers a button on that private answer privately too, never in the channel it was typed in', async () => {
    const before = slack.posted().length;
    const responsesBefore = slack.of('response').length;
    await press('UJO', 'CPUBLIC', { action: 'runIntent', intent: 'myPlan' }, {
      container: { type: 'message', message_ts: '777.1', channel_id: 'CPUBLIC', is_ephemeral: true },
      response_url: slack.responseUrl('eph1'),
    });
    const answer = await waitFor(() => slack.of('response')[responsesBefore]);
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain("Jo Patel's development plan");

    // Moving a plan item along from that private answer replaces it, privately.
    const move = buttonsIn(answer.blocks).find((b) => b.value?.action === 'setPlanStatus');
    expect(move).toBeDefined();
    await press('UJO', 'CPUBLIC', move?.value as Record<string, unknown>, {
      container: { type: 'message', message_ts: '777.1', channel_id: 'CPUBLIC', is_ephemeral: true },
      response_url: slack.responseUrl('eph2'),
    });
    const replaced = await waitFor(() => slack.of('response')[responsesBefore + 1]);
    expect(replaced).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(slack.posted().slice(before).filter((m) => m.channel === 'CPUBLIC')).toEqual([]);
  });

  it('publishes the App Home with stage, next steps, plan and CPD progress', async () => {
    await post(eventBody({ type: 'app_home_opened', user: 'UJO', channel: 'DJO', tab: 'home' }));
    const published = await waitFor(() => slack.of('views.publish').find((call) => call.user_id === 'UJO'));
    const view = viewOf(published);
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Early career teacher');
    expect(text).toContain('What next for Jo Patel');
    expect(text).toContain('development plan');
    expect(text).toMatch(/CPD in \d{4}\/\d{2}/);
    expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
  });

  it('onboards an unknown person through a modal', async () => {
    slack.users.set('UNEW', { real_name: 'Alex Morgan', email: 'alex.morgan@school.org' });
    const answers = await dm('UNEW', 'DNEW', 'what can I do next?', 2);
    const setUp = buttonsIn(answers.map((m) => blocksOf(m))).find((b) => b.value?.action === 'startOnboarding');
    expect(setUp).toBeDefined();

    await press('UNEW', 'DNEW', setUp?.value as Record<string, unknown>, { trigger_id: 'trigger-onboard' });
    const opened = await waitFor(() => slack.of('views.open').find((call) => call.trigger_id === 'trigger-onboard'));
    const modal = viewOf(opened);
    expect(modal.callback_id).toBe('nextstep:onboarding');
    expect(JSON.stringify(modal)).toContain('teaching-assistant/hlta');
    expect(JSON.stringify(modal)).not.toContain('"block_id":"email"');

    // A stage from another pathway keeps the modal open with what to correct.
    const badBody = interactionBody({
      type: 'view_submission', user: { id: 'UNEW' }, team: { id: 'T1' }, api_app_id: 'A1',
      view: { id: 'V1', callback_id: 'nextstep:onboarding', private_metadata: modal.private_metadata,
        state: { values: { name: { value: { value: 'Alex Morgan' } }, stage: { value: { selected_option: { value: 'teaching/hlta' } } } } } },
    });
    const bad = await app.post('/slack/events', badBody, { ...FORM, ...signed(badBody) });
    const badAnswer = (await bad.json()) as { response_action: string; view: Record<string, unknown> };
    expect(badAnswer.response_action).toBe('update');
    expect(JSON.stringify(badAnswer.view)).toContain('belongs to the Teaching pathway');

    const goodBody = interactionBody({
      type: 'view_submission', user: { id: 'UNEW' }, team: { id: 'T1' }, api_app_id: 'A1',
      view: { id: 'V1', callback_id: 'nextstep:onboarding', private_metadata: modal.private_metadata,
        state: { values: {
          name: { value: { value: 'Alex Morgan' } },
          stage: { value: { selected_option: { value: 'teaching-assistant/hlta' } } },
          school: { value: { value: 'Oak Primary' } },
          nextDiscussion: { value: { selected_date: '2027-03-01' } },
        } } },
    });
    const good = await app.post('/slack/events', goodBody, { ...FORM, ...signed(goodBody) });
    expect(good.status).toBe(200);
    const welcome = await waitFor(() => slack.posted().find((m) => m.channel === 'DNEW' && String(m.text).includes('set up as')));
    expect(welcome.text).toMatch(/Higher level teaching assistant/);
    expect(await app.repos.staff.findByEmail('default', 'alex.morgan@school.org')).toMatchObject({
      pathway: 'teaching-assistant', stage: 'hlta', school: 'Oak Primary', source: 'onboarding',
    });
  });

  it('never lets a Slack user type an email, even while Teams runs in local mode', async () => {
    slack.users.set('UNOMAIL', { real_name: 'No Mail' });
    // Welcome, help, then the refusal.
    const answers = await dm('UNOMAIL', 'DNOMAIL', 'show my plan', 3);
    const text = answers.map((m) => String(m.text)).join(' ');
    expect(text).toMatch(/couldn't confirm your work email with Slack/);
    const body = interactionBody({
      type: 'view_submission', user: { id: 'UNOMAIL' }, team: { id: 'T1' }, api_app_id: 'A1',
      view: { id: 'V9', callback_id: 'nextstep:onboarding', private_metadata: JSON.stringify({ channel: 'DNOMAIL' }),
        state: { values: {
          email: { value: { value: 'jo.patel@school.org' } },
          name: { value: { value: 'Impostor' } },
          stage: { value: { selected_option: { value: 'teaching/ect' } } },
        } } },
    });
    const before = slack.posted().filter((m) => m.channel === 'DNOMAIL').length;
    expect((await app.post('/slack/events', body, { ...FORM, ...signed(body) })).status).toBe(200);
    const refused = await waitFor(() => slack.posted().filter((m) => m.channel === 'DNOMAIL')[before]);
    expect(refused.text).toMatch(/couldn't confirm your work email with Slack/);
    expect((await app.repos.staff.findByEmail('default', 'jo.patel@school.org'))?.name).toBe('Jo Patel');
  });

  it('refuses a personal question when mentioned in a channel, but browses there', async () => {
    const before = slack.posted().length;
    await post(eventBody({ type: 'app_mention', channel: 'CSTAFF', user: 'UJO', text: '<@UBOT> show my plan', ts: '500.1' }));
    const refusal = await waitFor(() => slack.posted().slice(before).find((m) => m.channel === 'CSTAFF'));
    expect(refusal.text).toMatch(/keep it between us/);
    expect(refusal.thread_ts).toBe('500.1');
    expect(JSON.stringify(refusal)).not.toContain('development plan');

    const next = slack.posted().length;
    await post(eventBody({ type: 'app_mention', channel: 'CSTAFF', user: 'UJO', text: '<@UBOT> show me all the qualifications', ts: '501.1' }));
    const list = await waitFor(() => slack.posted().slice(next).find((m) => m.channel === 'CSTAFF'));
    expect(JSON.stringify(blocksOf(list))).toContain('Chartered Teacher status');
  });

  it('saves a conversation reference per organisation, with the workspace and Enterprise Grid ids', async () => {
    const body = JSON.stringify({
      type: 'event_callback', team_id: 'T1', enterprise_id: 'E1', api_app_id: 'A1', event_id: 'EvGrid',
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', enterprise_id: 'E1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'message', channel_type: 'im', channel: 'DGRID', user: 'UGRID', text: 'hello', ts: '9.1' },
    });
    slack.users.set('UGRID', { real_name: 'Grid User', email: 'grid@school.org' });
    await post(body);
    await waitFor(() => slack.posted().find((m) => m.channel === 'DGRID'));
    let refs = await app.repos.references.findByEmail('default', 'grid@school.org');
    for (let attempt = 0; refs.length === 0 && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      refs = await app.repos.references.findByEmail('default', 'grid@school.org');
    }
    expect(refs).toEqual([
      { orgId: 'default', channel: 'slack', channelUserId: 'UGRID', email: 'grid@school.org', reference: { userId: 'UGRID', teamId: 'T1', enterpriseId: 'E1' } },
    ]);
  });
});
