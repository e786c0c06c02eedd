import type { Request, Response } from 'restify';
import type { TeamsConfig } from '../../config';
import type { RunTurn } from '../../core/conversation/runTurn';
import type { ProactiveSender } from '../../core/conversation/services';
import type { ReferenceStore } from '../../core/ports';
import type { Logger } from '../../logging/logger';
import { describeActivityProblems, incomingActivitySchema } from './activitySchema';
import { createTeamsAdapter } from './adapter';
import { TeamsProactiveSender } from './proactiveSender';
import { createTeamsTurnHandler } from './teamsTurn';
import type { ChannelInstallRecorder } from './channelInstalls';

export interface TeamsEndpoint {
  handle: (req: Request, res: Response) => Promise<void>;
  /** A reason when the body is not a usable Bot Framework activity. */
  checkActivity: (body: unknown) => string | undefined;
}

export interface TeamsChannel {
  sender: ProactiveSender;
  /** Connects the turn runner and returns the `/api/messages` endpoint. */
  connect(runTurn: RunTurn): TeamsEndpoint;
}

/** Everything Bot Framework: the adapter, proactive sending and translating activities into turns. */
export function createTeamsChannel(config: TeamsConfig, deps: { references: ReferenceStore; logger: Logger; channels?: ChannelInstallRecorder }): TeamsChannel {
  const logger = deps.logger.child({ channel: 'teams' });
  const adapter = createTeamsAdapter(config, logger);
  return {
    sender: new TeamsProactiveSender(adapter, config.appId ?? '', deps.references, logger),
    connect(runTurn) {
      const turn = createTeamsTurnHandler({ runTurn, logger, localMode: config.localMode, channels: deps.channels });
      return {
        handle: (req, res) => adapter.handle(req, res, turn),
        checkActivity: (body) => {
          const parsed = incomingActivitySchema.safeParse(body);
          return parsed.success ? undefined : describeActivityProblems(parsed.error);
        },
      };
    },
  };
}
