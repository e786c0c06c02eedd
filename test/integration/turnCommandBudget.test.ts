import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { loadConfig } from '../../src/config';
import { ensureDefaultOrganisation } from '../../src/core/careerMap/seedOrganisation';
import { buildCoreServices } from '../../src/core/conversation/buildServices';
import { ConversationCore } from '../../src/core/conversation/conversationCore';
import { actionHandlers, intentHandlers } from '../../src/core/conversation/handlers';
import { createTurnRunner, type RunTurn, type TurnInput } from '../../src/core/conversation/runTurn';
import type { View } from '../../src/core/conversation/views';
import { openRepositories, type Repositories } from '../../src/store';
import { recogniser } from '../support/testApp';
import { silentLogger } from '../support/silentLogger';
import { testDatabaseUri } from '../support/testDatabase';

/** Driver chatter that is not the turn's own work. */
const NOT_OURS = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo', 'getMore']);
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

describe('database commands per turn (issue 13 budget)', () => {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const commands: CommandStartedEvent[] = [];
  let client: MongoClient;
  let repos: Repositories;
  let runTurn: RunTurn;

  beforeAll(async () => {
    client = new MongoClient(testDatabaseUri(), { monitorCommands: true, serverSelectionTimeoutMS: 10_000 });
    client.on('commandStarted', (event) => {
      if (!NOT_OURS.has(event.commandName)) commands.push(event);
    });
    await client.connect();
    repos = await openRepositories(client.db(name));
    await ensureDefaultOrganisation(repos);
    await repos.staff.save({
      orgId: 'default', email: 'sam@school.org', name: 'Sam Ahmed', pathway: 'teaching', stage: 'ect',
      role: 'staff', interests: [], source: 'directory',
    });
    const services = buildCoreServices(repos, loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'x' }), {
      recogniser: await recogniser(),
      sender: { sendToPerson: async () => false },
    });
    runTurn = createTurnRunner({
      core: new ConversationCore(services, intentHandlers, actionHandlers),
      organisations: repos.organisations,
      staff: repos.staff,
      memory: repos.state,
      references: repos.references,
      allowSelfDeclaredEmail: false,
    });
  });

  afterAll(async () => {
    await client.db(name).dropDatabase().catch(() => undefined);
    await client.close();
  });

  /** Runs one turn as Sam in a Teams chat and returns what it cost and what it answered. */
  async function turn(input: TurnInput) {
    const views: View[] = [];
    commands.length = 0;
    await runTurn({
      channel: 'teams',
      workspace: { id: 'tenant-1' },
      user: { id: 'aad-sam' },
      conversation: 'personal',
      input,
      members: { lookup: async () => ({ email: 'sam@school.org', name: 'Sam Ahmed' }) },
      replier: { reply: async (view) => void views.push(view) },
      reference: { conversation: { id: 'conv-sam' }, serviceUrl: 'https://smba.example/' },
      log: silentLogger(),
    });
    const names = commands.map((c) => `${c.commandName} ${String((c.command as Record<string, unknown>)[c.commandName])}`);
    return { views, names, total: commands.length, writes: commands.filter((c) => WRITES.has(c.commandName)).length };
  }

  beforeAll(async () => {
    // The first turn welcomes Sam, remembers that and saves where to reach them; caches warm up.
    const first = await turn({ kind: 'text', text: 'hello' });
    expect(first.views[0]?.type).toBe('welcome');
    expect(first.writes).toBeGreaterThan(0);
  });

  const readOnly: [string, TurnInput, View['type']][] = [
    ['what next', { kind: 'text', text: 'what can I do next at my stage?' }, 'whatNext'],
    ['browse', { kind: 'text', text: 'show me all the qualifications' }, 'opportunityList'],
    ['details', { kind: 'action', payload: { action: 'showOpportunity', opportunityId: 'npqlt' } }, 'opportunityDetail'],
    ['reading list', { kind: 'text', text: 'what should I read?' }, 'readingList'],
    ['help', { kind: 'text', text: 'help' }, 'help'],
    ['plan view', { kind: 'text', text: 'show my plan' }, 'plan'],
  ];

  it.each(readOnly)('%s: at most 3 commands and no writes', async (_label, input, expected) => {
    const cost = await turn(input);
    expect(cost.views.map((view) => view.type)).toContain(expected);
    expect(cost.writes).toBe(0);
    // On failure this prints the commands the turn made.
    expect(cost.total <= 3 ? 'within budget' : cost.names).toBe('within budget');
  });

  it('save to plan: at most 4 commands, and the plan shows it', async () => {
    const cost = await turn({ kind: 'action', payload: { action: 'saveOpportunity', opportunityId: 'npqlt' } });
    expect(cost.views[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Saved/) });
    expect(cost.writes).toBe(1);
    expect(cost.total <= 4 ? 'within budget' : cost.names).toBe('within budget');
    expect((await repos.plans.list('default', 'sam@school.org')).map((item) => item.opportunityId)).toEqual(['npqlt']);
  });

  it('a turn that writes memory stays within 4 commands too', async () => {
    // Forgetting the welcome makes the next turn write memory again (over the eTag it read).
    await repos.state.remove('memory:default:teams:aad-sam');
    const cost = await turn({ kind: 'text', text: 'help' });
    expect(cost.writes).toBeGreaterThan(0);
    expect(cost.total).toBeLessThanOrEqual(4);
  });
});
