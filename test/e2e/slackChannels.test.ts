import { FakeSlackApi } from '../support/fakeSlackApi';
import { eventBody, signed, SLACK_SIGNING_SECRET } from '../support/slackRequests';
import { startTestApp, type TestApp } from '../support/testApp';

/** The bot user id the stand-in's auth.test gives, which Bolt keeps in its context. */
const BOT_USER = 'UBOT';

describe('Slack channels the bot is in, recorded for broadcasts (end to end over HTTP)', () => {
  const slack = new FakeSlackApi();
  let app: TestApp;

  const send = async (body: string) => {
    const response = await app.post('/slack/events', body, signed(body));
    expect(response.status).toBe(200);
  };
  const channelEvent = (event: Record<string, unknown>) => eventBody({ team: 'T1', event_ts: `${Date.now() / 1000}`, ...event });
  const stored = async (channelId: string) =>
    (await app.repos.broadcastChannels.list({ orgId: 'default', includeInactive: true })).find((doc) => doc.platform === 'slack' && doc.channelId === channelId);
  /** Polls the database until `check` holds for the channel (Slack is answered before the listener finishes). */
  const eventually = async (channelId: string, check: (doc: Awaited<ReturnType<typeof stored>>) => boolean) => {
    let latest: Awaited<ReturnType<typeof stored>>;
    const deadline = Date.now() + 8000;
    for (;;) {
      latest = await stored(channelId);
      if (check(latest)) return latest;
      if (Date.now() > deadline) throw new Error(`channel ${channelId} never reached the expected state: ${JSON.stringify(latest)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    await slack.start();
    // Already a member before this release: found by the start-up sync.
    slack.botChannels = [{ id: 'C0GENERAL', name: 'general' }];
    app = await startTestApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET, SLACK_API_URL: slack.url });
    await app.slackChannelsSynced;
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('finds the channels the bot was already in at start-up', async () => {
    expect(slack.of('users.conversations')).toHaveLength(1);
    expect(await stored('C0GENERAL')).toMatchObject({ orgId: 'default', name: '#general', workspaceId: 'T1', reference: 'C0GENERAL', active: true });
  });

  it('records a channel when the bot is added, with its name, and ignores people joining', async () => {
    slack.botChannels.push({ id: 'C0CPD', name: 'cpd-news' }, { id: 'C0HUMAN', name: 'random' });
    await send(channelEvent({ type: 'member_joined_channel', user: 'U123', channel: 'C0HUMAN', channel_type: 'C', inviter: 'U999' }));
    await send(channelEvent({ type: 'member_joined_channel', user: BOT_USER, channel: 'C0CPD', channel_type: 'C', inviter: 'U123' }));

    const recorded = await eventually('C0CPD', (doc) => doc?.active === true);
    expect(recorded).toMatchObject({ orgId: 'default', platform: 'slack', name: '#cpd-news', workspaceId: 'T1', reference: 'C0CPD' });
    expect(slack.of('conversations.info').map((args) => args.channel)).toEqual(['C0CPD']);
    expect(await stored('C0HUMAN')).toBeUndefined();
    expect((await app.repos.broadcastChannels.active('default')).map((doc) => doc.channelId).sort()).toEqual(['C0CPD', 'C0GENERAL']);
  });

  it('marks the channel inactive when the bot leaves, and a replayed join (same event id) changes nothing', async () => {
    slack.botChannels.push({ id: 'C0TEMP', name: 'working-party' });
    const join = channelEvent({ type: 'member_joined_channel', user: BOT_USER, channel: 'C0TEMP', channel_type: 'C' });
    await send(join);
    await eventually('C0TEMP', (doc) => doc?.active === true);

    await send(channelEvent({ type: 'member_left_channel', user: 'U123', channel: 'C0TEMP', channel_type: 'C' }));
    await send(channelEvent({ type: 'member_left_channel', user: BOT_USER, channel: 'C0TEMP', channel_type: 'C' }));
    await eventually('C0TEMP', (doc) => doc?.active === false);

    // Slack retrying the join: acknowledged, not run again (it would have made the channel active).
    await send(join);
    // A later event for another channel, handled after the replay would have been, marks when to look.
    await send(channelEvent({ type: 'channel_rename', channel: { id: 'C0CPD', name: 'cpd-and-careers', created: 1 } }));
    await eventually('C0CPD', (doc) => doc?.name === '#cpd-and-careers');
    expect((await stored('C0TEMP'))?.active).toBe(false);
    expect(slack.of('conversations.info').filter((args) => args.channel === 'C0TEMP')).toHaveLength(1);
  });

  it('marks archived and deleted channels inactive, and refuses a forged channel event', async () => {
    await send(channelEvent({ type: 'channel_archive', channel: 'C0GENERAL', user: 'U123' }));
    await eventually('C0GENERAL', (doc) => doc?.active === false);
    await send(channelEvent({ type: 'channel_deleted', channel: 'C0CPD' }));
    await eventually('C0CPD', (doc) => doc?.active === false);

    const forged = channelEvent({ type: 'member_joined_channel', user: BOT_USER, channel: 'C0FORGED', channel_type: 'C' });
    const response = await app.post('/slack/events', forged, signed(forged, 'not-the-secret'));
    expect(response.status).toBe(401);
    expect(await stored('C0FORGED')).toBeUndefined();
  });

  it('records nothing for a workspace no organisation owns once there are several', async () => {
    // Saving through the app's own repository also clears its short-lived organisation cache.
    await app.repos.organisations.upsert({ id: 'north', slackTeamId: 'TNORTH' });
    slack.botChannels.push({ id: 'C0ELSE', name: 'elsewhere' });
    await send(eventBody({ type: 'member_joined_channel', user: BOT_USER, channel: 'C0ELSE', channel_type: 'C', team: 'T7' }, 'T7'));
    await send(eventBody({ type: 'member_joined_channel', user: BOT_USER, channel: 'C0NORTH', channel_type: 'C', team: 'TNORTH' }, 'TNORTH'));
    const north = await waitForActive(app, 'north', 'C0NORTH');
    expect(north.workspaceId).toBe('TNORTH');
    expect(await stored('C0ELSE')).toBeUndefined();
    // Nobody owns T7, so Slack was not even asked the channel's name.
    expect(slack.of('conversations.info').map((args) => args.channel)).toContain('C0NORTH');
    expect(slack.of('conversations.info').map((args) => args.channel)).not.toContain('C0ELSE');
  });
});

async function waitForActive(app: TestApp, orgId: string, channelId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await app.repos.broadcastChannels.active(orgId)).find((doc) => doc.channelId === channelId);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${channelId} was never recorded in ${orgId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
