import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { MongoClient } from 'mongodb';
import { createTeamsAdapter } from '../../src/channels/teams/adapter';
import { MongoStorage } from '../../src/channels/teams/mongoStorage';
import { createLogger } from '../../src/logging/logger';
import { openRepositories } from '../../src/store';

export interface AnchorBot {
  url: string;
  stop(): Promise<void>;
}

const localTeams = { localMode: true, appType: 'MultiTenant' as const };

async function serve(logic: (context: TurnContext) => Promise<void>): Promise<{ url: string; server: restify.Server }> {
  const adapter = createTeamsAdapter(localTeams, createLogger('silent'));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return { url: `http://127.0.0.1:${server.address().port}/api/messages`, server };
}

/** The bare botbuilder echo bot on restify: the ceiling of the stack without a database. */
export async function startEchoBot(): Promise<AnchorBot> {
  const { url, server } = await serve(async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
  });
  return { url, stop: async () => void server.close() };
}

/**
 * The canonical stateful Bot Framework bot: UserState and ConversationState over the same MongoDB
 * storage NextStep uses (one read of both, two writes per turn), a counter in each.
 */
export async function startStatefulBot(uri: string, dbName: string): Promise<AnchorBot> {
  const client = await MongoClient.connect(uri);
  const storage = new MongoStorage((await openRepositories(client.db(dbName))).state);
  const userState = new UserState(storage);
  const conversationState = new ConversationState(storage);
  const userTurns = userState.createProperty<number>('turns');
  const conversationTurns = conversationState.createProperty<number>('turns');
  const { url, server } = await serve(async (context) => {
    if (context.activity.type === 'message') {
      const user = (await userTurns.get(context, 0)) + 1;
      const conversation = (await conversationTurns.get(context, 0)) + 1;
      await userTurns.set(context, user);
      await conversationTurns.set(context, conversation);
      await context.sendActivity(`Turn ${conversation} here, ${user} in all: ${context.activity.text ?? ''}`);
    }
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  });
  return {
    url,
    stop: async () => {
      server.close();
      await client.close();
    },
  };
}
