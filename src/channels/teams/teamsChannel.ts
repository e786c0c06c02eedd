import { ConversationState, UserState } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { TeamsConfig } from '../../config';
import type { ConversationCore } from '../../core/conversation/conversationCore';
import type { ProactiveSender } from '../../core/conversation/services';
import type { Logger } from '../../logging/logger';
import type { Repositories } from '../../store';
import { describeActivityProblems, incomingActivitySchema } from './activitySchema';
import { createTeamsAdapter } from './adapter';
import { MongoStorage } from './mongoStorage';
import { TeamsProactiveSender } from './proactiveSender';
import { createTeamsTurnHandler } from './teamsTurn';

export interface TeamsEndpoint {
  handle(req: Request, res: Response): Promise<void>;
  /** A reason when the body is not a usable Bot Framework activity. */
  checkActivity(body: unknown): string | undefined;
}

export interface TeamsChannel {
  sender: ProactiveSender;
  /** Connects the conversation core and returns the `/api/messages` endpoint. */
  connect(core: ConversationCore): TeamsEndpoint;
}

/** Everything Bot Framework: adapter, state over MongoDB, proactive sending and turn translation. */
export function createTeamsChannel(config: TeamsConfig, deps: { repos: Repositories; logger: Logger }): TeamsChannel {
  const logger = deps.logger.child({ channel: 'teams' });
  const adapter = createTeamsAdapter(config, logger);
  const storage = new MongoStorage(deps.repos.state);
  return {
    sender: new TeamsProactiveSender(adapter, config.appId ?? '', deps.repos.references, logger),
    connect(core) {
      const turn = createTeamsTurnHandler({
        core,
        organisations: deps.repos.organisations,
        staff: deps.repos.staff,
        references: deps.repos.references,
        userState: new UserState(storage),
        conversationState: new ConversationState(storage),
        logger,
      });
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
