import type { AppConfig, SlackConfig } from './config';
import { ensureDefaultOrganisation } from './core/careerMap/seedOrganisation';
import { ConversationCore } from './core/conversation/conversationCore';
import { actionHandlers, intentHandlers } from './core/conversation/handlers';
import { buildCoreServices } from './core/conversation/buildServices';
import { createBroadcastDesk } from './jobs/broadcasts/desk';
import { slackChannelRecorder, teamsChannelRecorder } from './jobs/broadcasts/channelRecorder';
import { createTurnRunner, type RunTurn, type TurnRunnerDeps } from './core/conversation/runTurn';
import { createRecogniser, type Recogniser } from './core/nlu';
import { createTeamsChannel } from './channels/teams/teamsChannel';
import type { SlackChannel } from './channels/slack/slackApp';
import type { SlackChannelRecorder } from './channels/slack/channelRecorder';
import { waitAtMost } from './lib/waitAtMost';
import { createHttpServer } from './http/server';
import type { Logger } from './logging/logger';
import { openDatabase, type OpenDatabase } from './store/openDatabase';
import { storeFaults } from './store/databaseFaults';
import { openRepositories, type Repositories } from './store';
import { startJobs } from './jobs/startJobs';

export interface RunningApp {
  port: number;
  repos: Repositories;
  core: ConversationCore;
  /** Settles when the start-up sync of the bot's Slack channels has finished (or failed and been logged). */
  slackChannelsSynced: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  host?: string;
  /** Reuse an already trained recogniser (tests start several apps). */
  recogniser?: Recogniser;
  /** Sees every view a turn replies with, on every channel. */
  observeViews?: TurnRunnerDeps['observe'];
}

const PAGE_SIZE = 5;

/**
 * Bolt (with Express, axios and the Slack SDKs behind it) is loaded only when Slack is configured:
 * a Teams-only server does not carry it in memory.
 */
async function startSlack(
  slackConfig: SlackConfig,
  deps: { runTurn: RunTurn; db: OpenDatabase['db']; channels: SlackChannelRecorder; logger: Logger },
): Promise<{ channel: SlackChannel; syncChannels(): Promise<void> }> {
  const [{ createSlackChannel }, { MongoSlackReplayLog }, { syncSlackChannels }] = await Promise.all([
    import('./channels/slack/slackApp'),
    import('./channels/slack/slackReplayLog'),
    import('./channels/slack/channelSync'),
  ]);
  const channel = createSlackChannel(slackConfig, {
    runTurn: deps.runTurn,
    replays: new MongoSlackReplayLog(deps.db, deps.logger),
    channels: deps.channels,
    logger: deps.logger,
  });
  return { channel, syncChannels: () => syncSlackChannels(channel.app.client, deps.channels, deps.logger).then(() => undefined) };
}

/** The composition root: wires database, core, channels and HTTP, and knows how to stop them. */
export async function startApp(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  const database: OpenDatabase = await openDatabase(config.mongo, logger);
  try {
    const repos = await openRepositories(database.db);
    const { org, seeded } = await ensureDefaultOrganisation(repos);
    if (seeded) logger.info({ orgId: org.id }, 'loaded the default career map into the default organisation');

    const recogniser = options.recogniser ?? (await createRecogniser({ timezone: config.timezone }));
    const teamsChannel = createTeamsChannel(config.teams, { references: repos.references, logger, channels: teamsChannelRecorder(repos) });
    const services = buildCoreServices(repos, config, { recogniser, sender: teamsChannel.sender, pageSize: PAGE_SIZE, broadcasts: createBroadcastDesk(repos) });
    const core = new ConversationCore(services, intentHandlers, actionHandlers);
    const runTurn = createTurnRunner({
      core,
      organisations: repos.organisations,
      staff: repos.staff,
      memory: repos.state,
      references: repos.references,
      allowSelfDeclaredEmail: services.settings.allowSelfDeclaredEmail,
      faults: storeFaults(database),
      ...(options.observeViews ? { observe: options.observeViews } : {}),
    });
    const teams = teamsChannel.connect(runTurn);
    const slackLog = logger.child({ channel: 'slack' });
    const slackStarted = config.slack
      ? await startSlack(config.slack, { runTurn, db: database.db, channels: slackChannelRecorder(repos), logger: slackLog })
      : undefined;
    const slack = slackStarted?.channel;

    const http = createHttpServer(
      {
        teams: teams.handle,
        checkActivity: teams.checkActivity,
        ...(slack ? { slack: (req, res, raw) => slack.receiver.handle(req, res, raw) } : {}),
        ready: () => database.ping(),
      },
      logger,
    );
    const port = await http.listen(config.port, options.host);
    const jobs = startJobs(config, repos, logger);
    // Channels joined or left while no event reached us; readiness does not wait for it.
    const slackChannelsSynced = slackStarted
      ? slackStarted.syncChannels().then(
          () => undefined,
          (error: unknown) => slackLog.error({ err: error }, 'could not synchronise the Slack channels the bot is in'),
        )
      : Promise.resolve();
    logger.info(
      { port, teams: config.teams.localMode ? 'local (unauthenticated)' : 'authenticated', slack: Boolean(slack) },
      'NextStep is listening',
    );

    return {
      port,
      repos,
      core,
      slackChannelsSynced,
      stop: async () => {
        await jobs.stop();
        await waitAtMost(slackChannelsSynced, 5_000, undefined);
        await http.close();
        await slack?.receiver.stop();
        await database.close();
        logger.info('stopped');
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
