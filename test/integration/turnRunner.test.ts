import { expect } from '@jest/globals';
import { loadConfig } from '../../src/config';
import { ensureDefaultOrganisation, seedCareerMapIfEmpty } from '../../src/core/careerMap/seedOrganisation';
import { buildCoreServices } from '../../src/core/conversation/buildServices';
import type { ConversationMemory } from '../../src/core/conversation/context';
import { ConversationCore } from '../../src/core/conversation/conversationCore';
import { actionHandlers, intentHandlers } from '../../src/core/conversation/handlers';
import { createTurnRunner, memoryKey, type RunTurn, type TurnRequest } from '../../src/core/conversation/runTurn';
import type { View } from '../../src/core/conversation/views';
import type { MemoryStore } from '../../src/core/ports';
import { recogniser } from '../support/testApp';
import { silentLogger } from '../support/silentLogger';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('the turn runner', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
    const { repos } = database;
    await ensureDefaultOrganisation(repos);
    await repos.organisations.upsert({ id: 'oak', name: 'Oak Trust', teamsTenantId: 'tenant-oak' });
    await repos.organisations.upsert({ id: 'elm', name: 'Elm Trust', teamsTenantId: 'tenant-elm' });
    await seedCareerMapIfEmpty(repos, 'oak');
    await seedCareerMapIfEmpty(repos, 'elm');
    for (const orgId of ['oak', 'elm']) {
      await repos.staff.save({
        orgId, email: 'pat@shared.org', name: `Pat of ${orgId}`, pathway: 'teaching', stage: 'ect',
        role: 'staff', interests: [], source: 'directory',
      });
    }
    await repos.staff.save({
      orgId: 'elm', email: 'head@elm.org', name: 'Elm Head', pathway: 'teaching', stage: 'headship',
      role: 'admin', interests: [], source: 'directory',
    });
  });

  afterAll(() => database.dispose());

  async function runner(env: Record<string, string>, memory?: MemoryStore<ConversationMemory>): Promise<RunTurn> {
    const config = loadConfig(env);
    const services = buildCoreServices(database.repos, config, { recogniser: await recogniser(), sender: { sendToPerson: async () => false } });
    return createTurnRunner({
      core: new ConversationCore(services, intentHandlers, actionHandlers),
      organisations: database.repos.organisations,
      staff: database.repos.staff,
      memory: memory ?? database.repos.state,
      references: database.repos.references,
      allowSelfDeclaredEmail: services.settings.allowSelfDeclaredEmail,
    });
  }
  const AUTHENTICATED = { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'x' };

  async function turn(run: RunTurn, request: Partial<TurnRequest> & Pick<TurnRequest, 'input'>, email?: string) {
    const views: { view: View; replaceCard: boolean }[] = [];
    await run({
      channel: 'teams',
      workspace: { id: 'tenant-oak' },
      user: { id: 'aad-pat' },
      conversation: 'personal',
      members: { lookup: async () => (email ? { email, name: 'Pat' } : { name: 'Pat' }) },
      replier: { reply: async (view, options) => void views.push({ view, replaceCard: Boolean(options?.replaceCard) }) },
      reference: { conversation: { id: 'conv-pat' } },
      log: silentLogger(),
      ...request,
    });
    return views;
  }

  it('keeps a conversation reference per organisation for a person in two organisations', async () => {
    const run = await runner(AUTHENTICATED);
    await turn(run, { input: { kind: 'text', text: 'hello' } }, 'pat@shared.org');
    await turn(run, { input: { kind: 'text', text: 'hello' }, workspace: { id: 'tenant-elm' } }, 'pat@shared.org');
    const oak = await database.repos.references.findByEmail('oak', 'pat@shared.org');
    const elm = await database.repos.references.findByEmail('elm', 'pat@shared.org');
    expect(oak).toHaveLength(1);
    expect(elm).toHaveLength(1);
    expect(oak[0]).toMatchObject({ orgId: 'oak', channel: 'teams', channelUserId: 'aad-pat' });
  });

  it('answers only browse-and-explain in a shared conversation, and saves no reference from it', async () => {
    const run = await runner(AUTHENTICATED);
    const views = await turn(run, { input: { kind: 'text', text: 'show my plan' }, conversation: 'shared', user: { id: 'aad-head' } }, 'head@elm.org');
    expect(views.map((v) => v.view)).toEqual([{ type: 'text', text: expect.stringMatching(/keep it between us/) }]);
    expect(await database.repos.references.findByEmail('oak', 'head@elm.org')).toEqual([]);
  });

  it('says a workspace is not set up when it maps to no organisation', async () => {
    const run = await runner(AUTHENTICATED);
    const views = await turn(run, { input: { kind: 'text', text: 'hello' }, workspace: { id: 'tenant-unknown' } }, 'pat@shared.org');
    expect(views).toEqual([{ view: { type: 'notSetUp' }, replaceCard: true }]);
  });

  it('scopes an email declared in local mode to the organisation it was declared in', async () => {
    const run = await runner({});
    // In Oak, someone with no platform email declares Elm's head's address (free in Oak).
    const declared = await turn(
      run,
      { user: { id: 'local-x' }, input: { kind: 'action', payload: { action: 'submitOnboarding', email: 'head@elm.org', name: 'X', pathway: 'teaching', stage: 'ect' } } },
    );
    expect(declared[0]).toMatchObject({ view: { type: 'text', text: expect.stringMatching(/set up as/) }, replaceCard: true });
    expect((await database.repos.state.load(memoryKey('oak', 'teams', 'local-x')))?.value).toMatchObject({ declaredEmail: 'head@elm.org' });
    // In Elm the declaration means nothing: they are asked who they are, not shown the head's profile.
    const inElm = await turn(run, { user: { id: 'local-x' }, workspace: { id: 'tenant-elm' }, input: { kind: 'text', text: 'show my profile' } });
    expect(JSON.stringify(inElm)).not.toContain('Elm Head');
    expect(inElm.some((v) => v.view.type === 'onboarding')).toBe(true);
  });

  it('lays its memory over a newer version when another turn wrote first', async () => {
    const real = database.repos.state;
    let interfered = false;
    const racing: MemoryStore<ConversationMemory> = {
      load: (key) => real.load(key),
      remove: (key) => real.remove(key),
      save: async (key, value, eTag) => {
        if (!interfered) {
          interfered = true;
          await real.save(key, { declaredEmail: 'other-turn@oak.org' }, eTag);
        }
        await real.save(key, value, eTag);
      },
    };
    const run = await runner(AUTHENTICATED, racing);
    await turn(run, { user: { id: 'aad-race' }, input: { kind: 'text', text: 'hello' } }, 'pat@shared.org');
    expect((await real.load(memoryKey('oak', 'teams', 'aad-race')))?.value).toEqual({ declaredEmail: 'other-turn@oak.org', welcomed: true });
  });

  it('forgets a person: memory and references go, and the answer replaces the confirmation card', async () => {
    const run = await runner(AUTHENTICATED);
    await turn(run, { user: { id: 'aad-leaver' }, input: { kind: 'text', text: 'hello' } }, 'pat@shared.org');
    expect(await database.repos.state.load(memoryKey('oak', 'teams', 'aad-leaver'))).toBeDefined();
    const asked = await turn(run, { user: { id: 'aad-leaver' }, input: { kind: 'text', text: 'delete my data' } }, 'pat@shared.org');
    const token = asked.map(({ view }) => (view.type === 'confirmDelete' ? view.token : undefined)).find(Boolean);
    expect(token).toEqual(expect.any(String));
    const views = await turn(run, { user: { id: 'aad-leaver' }, input: { kind: 'action', payload: { action: 'confirmDeleteData', token } } }, 'pat@shared.org');
    expect(views[0]).toMatchObject({ replaceCard: true, view: { type: 'text', text: expect.stringMatching(/forgotten you/) } });
    expect(await database.repos.state.load(memoryKey('oak', 'teams', 'aad-leaver'))).toBeUndefined();
    expect(await database.repos.references.findByEmail('oak', 'pat@shared.org')).toEqual([]);
    expect(await database.repos.staff.findByEmail('oak', 'pat@shared.org')).toBeNull();
    expect(await database.repos.staff.findByEmail('elm', 'pat@shared.org')).not.toBeNull();
  });
});

describe('conversation references written before they were keyed by organisation', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  afterAll(() => database.dispose());

  it('are still found until a current one exists for the same person, then dropped', async () => {
    const legacy = { orgId: 'default', channel: 'teams' as const, channelUserId: 'aad-old', email: 'old@school.org', reference: JSON.stringify({ v: 1 }), updatedAt: new Date() };
    await database.db.collection('conversationReferences').insertOne({ _id: 'teams:aad-old' as never, ...legacy });
    expect(await database.repos.references.findByEmail('default', 'old@school.org')).toHaveLength(1);

    await database.repos.references.save({ orgId: 'default', channel: 'teams', channelUserId: 'aad-old', email: 'old@school.org', reference: { v: 2 } });
    expect(await database.repos.references.findByEmail('default', 'old@school.org')).toEqual([
      { orgId: 'default', channel: 'teams', channelUserId: 'aad-old', email: 'old@school.org', reference: { v: 2 } },
    ]);
    expect(await database.db.collection('conversationReferences').countDocuments({})).toBe(1);
  });
});
