import type { ChannelName } from '../../src/core/conversation/context';
import type { View } from '../../src/core/conversation/views';
import { messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { FakeBotConnector } from '../support/fakeBotConnector';
import { FakeSlackApi } from '../support/fakeSlackApi';
import { eventBody, FORM, interactionBody, signed, SLACK_SIGNING_SECRET, waitFor } from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Teams and Slack are translations of one turn: the same conversation, had once in each, passes
 * the same views through the turn runner (which is where they are observed).
 */
describe('one turn runner for both channels', () => {
  const connector = new FakeBotConnector();
  const slack = new FakeSlackApi();
  const seen: Record<ChannelName, View[]> = { teams: [], slack: [] };
  let app: TestApp;
  let teamsPerson: ActivityOptions;

  beforeAll(async () => {
    await Promise.all([connector.start(), slack.start()]);
    app = await startTestApp(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url },
      { observeViews: (channel, view) => void seen[channel].push(view) },
    );
    for (const email of ['ana.teams@school.org', 'ana.slack@school.org']) {
      await app.repos.staff.save({
        orgId: 'default', email, name: 'Ana Jones', pathway: 'teaching', stage: 'developing',
        role: 'staff', interests: [], source: 'directory',
      });
    }
    connector.members.set('user-ana', { id: 'user-ana', name: 'Ana Jones', email: 'ana.teams@school.org' });
    teamsPerson = { serviceUrl: connector.url, conversationId: 'conv-ana', userId: 'user-ana', userName: 'Ana Jones' };
    slack.users.set('UANA', { real_name: 'Ana Jones', email: 'ana.slack@school.org' });
  });

  afterAll(async () => {
    await app.stop();
    await Promise.all([connector.stop(), slack.stop()]);
  });

  type Step = { say: string } | { press: Record<string, unknown> };
  const script: Step[] = [
    { say: 'hello' },
    { say: 'what can I do next?' },
    { say: 'show me all the qualifications' },
    { press: { action: 'saveOpportunity', opportunityId: 'chartered-teacher' } },
    { say: 'show my plan' },
    { press: { action: 'setPlanStatus', opportunityId: 'chartered-teacher', status: 'discussed' } },
    { say: 'help' },
  ];

  async function onTeams(step: Step): Promise<void> {
    const activity = 'say' in step ? messageActivity(teamsPerson, step.say) : submitActivity(teamsPerson, step.press);
    expect((await app.post('/api/messages', activity)).status).toBe(200);
  }

  async function onSlack(step: Step): Promise<void> {
    const body =
      'say' in step
        ? eventBody({ type: 'message', channel_type: 'im', channel: 'DANA', user: 'UANA', text: step.say, ts: `${Date.now() / 1000}` })
        : interactionBody({
            type: 'block_actions', user: { id: 'UANA' }, team: { id: 'T1' }, api_app_id: 'A1', trigger_id: 'trig',
            channel: { id: 'DANA' }, container: { type: 'message', message_ts: '1.1', channel_id: 'DANA' },
            actions: [{ type: 'button', action_id: 'nextstep:0', block_id: 'b', value: JSON.stringify(step.press), action_ts: '1' }],
          });
    const headers = 'say' in step ? signed(body) : { ...FORM, ...signed(body) };
    expect((await app.post('/slack/events', body, headers)).status).toBe(200);
  }

  it('gives the same views in the same order on Teams and on Slack', async () => {
    for (const step of script) {
      await onTeams(step);
      const expected = seen.teams.length;
      await onSlack(step);
      await waitFor(() => (seen.slack.length >= expected ? true : undefined));
    }
    // Let any stray extra answer arrive before comparing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.teams.map((view) => view.type)).toEqual([
      'welcome', 'help', 'whatNext', 'opportunityList', 'text', 'plan', 'plan', 'help',
    ]);
    expect(seen.slack).toEqual(seen.teams);
  });
});
