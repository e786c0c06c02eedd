import { MongoNetworkError } from 'mongodb';
import type { ConversationContext } from '../../../src/core/conversation/context';
import type { ConversationCore } from '../../../src/core/conversation/conversationCore';
import { createTurnRunner, type TurnRequest } from '../../../src/core/conversation/runTurn';
import type { View } from '../../../src/core/conversation/views';
import type { Organisation } from '../../../src/core/organisation/organisation';
import { DATABASE_LOST_MIDWAY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE } from '../../../src/errors';
import { asDatabaseUnavailable } from '../../../src/store/databaseFaults';
import { silentLogger } from '../../support/silentLogger';

type Step = (ctx: ConversationContext) => Promise<void>;

/** A turn runner whose core runs `step` and whose database answers its ping as `reachable` says. */
function runnerFor(step: Step, reachable: () => Promise<boolean>) {
  const core = { onMessage: (ctx: ConversationContext) => step(ctx) } as unknown as ConversationCore;
  const run = createTurnRunner({
    core,
    organisations: { resolve: async () => ({ id: 'oak', name: 'Oak Trust' }) as Organisation },
    staff: { findByEmail: async () => null } as never,
    memory: { load: async () => undefined, save: async () => undefined, remove: async () => undefined },
    references: { save: async () => undefined, findByEmail: async () => [], deleteByEmail: async () => 0 },
    allowSelfDeclaredEmail: false,
    faults: { unavailable: asDatabaseUnavailable, reachable, checkAfterMs: 20 },
  });
  const replies: string[] = [];
  const request: TurnRequest = {
    channel: 'slack',
    workspace: { id: 'T1' },
    user: { id: 'U1' },
    conversation: 'personal',
    input: { kind: 'text', text: 'hello' },
    members: { lookup: async () => ({ email: 'pat@oak.org' }) },
    replier: { reply: async (view: View) => void replies.push(view.type === 'text' ? view.text : view.type) },
    log: silentLogger(),
  };
  return { run: () => run(request), replies };
}

const text = (value: string): View => ({ type: 'text', text: value });

describe('the turn runner when the database fails', () => {
  it('apologises once when the database cannot be reached before anything was answered', async () => {
    const { run, replies } = runnerFor(async () => {
      throw new MongoNetworkError('connection reset');
    }, async () => false);
    await run();
    expect(replies).toEqual([DATABASE_UNAVAILABLE_MESSAGE]);
  });

  it('says the change may not have been saved when the database was lost after an answer', async () => {
    const { run, replies } = runnerFor(async (ctx) => {
      await ctx.reply(text('Added to your plan.'));
      throw new MongoNetworkError('connection reset');
    }, async () => false);
    await run();
    expect(replies).toEqual(['Added to your plan.', DATABASE_LOST_MIDWAY_MESSAGE]);
  });

  it('apologises for a turn hung on a database that stopped answering, and drops its late answer', async () => {
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const { run, replies } = runnerFor(async (ctx) => {
      await hung;
      await ctx.reply(text('late answer'));
    }, async () => false);
    await run();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies).toEqual([DATABASE_UNAVAILABLE_MESSAGE]);
  });

  it('waits for a slow turn while the database still answers', async () => {
    const { run, replies } = runnerFor(async (ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await ctx.reply(text('here you go'));
    }, async () => true);
    await run();
    expect(replies).toEqual(['here you go']);
  });

  it('leaves other failures to the channel', async () => {
    const { run, replies } = runnerFor(async () => {
      throw new TypeError('a bug');
    }, async () => false);
    await expect(run()).rejects.toThrow('a bug');
    expect(replies).toEqual([]);
  });
});
