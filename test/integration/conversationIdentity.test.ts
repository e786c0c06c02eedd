import { expect } from '@jest/globals';
import { loadConfig } from '../../src/config';
import { ensureDefaultOrganisation } from '../../src/core/careerMap/seedOrganisation';
import { buildCoreServices } from '../../src/core/conversation/buildServices';
import type { ConversationContext } from '../../src/core/conversation/context';
import { ConversationCore } from '../../src/core/conversation/conversationCore';
import { actionHandlers, intentHandlers } from '../../src/core/conversation/handlers';
import type { View } from '../../src/core/conversation/views';
import { recogniser } from '../support/testApp';
import { silentLogger } from '../support/silentLogger';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('identity when the platform gives no email', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureDefaultOrganisation(database.repos);
    await database.repos.staff.save({
      orgId: 'default', email: 'head@school.org', name: 'The Head', pathway: 'teaching', stage: 'headship',
      role: 'admin', interests: [], source: 'directory',
    });
  });

  afterAll(() => database.dispose());

  async function coreFor(env: Record<string, string>) {
    const services = buildCoreServices(database.repos, loadConfig(env), {
      recogniser: await recogniser(),
      sender: { sendToPerson: async () => false },
    });
    return new ConversationCore(services, intentHandlers, actionHandlers);
  }

  function contextWithoutEmail(memory: ConversationContext['memory'] = { welcomed: true }) {
    const replies: View[] = [];
    const ctx: ConversationContext = {
      org: { id: 'default', name: 'Trust', isDefault: true, teamsTenantIds: [], slackTeamIds: [] },
      speaker: { channel: 'teams', channelUserId: 'anon' },
      staff: null,
      memory,
      now: new Date('2026-11-23T10:00:00Z'),
      log: silentLogger(),
      reply: async (view) => {
        replies.push(view);
      },
    };
    return { ctx, replies };
  }

  it('never accepts a typed email when credentials are configured', async () => {
    const core = await coreFor({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'x' });
    const { ctx, replies } = contextWithoutEmail();
    await core.onAction(ctx, { action: 'submitOnboarding', email: 'head@school.org', name: 'Impostor', pathway: 'teaching', stage: 'ect' });
    expect(replies).toEqual([{ type: 'text', text: expect.stringMatching(/couldn't confirm your work email/) }]);
    expect((await database.repos.staff.findByEmail('default', 'head@school.org'))?.name).toBe('The Head');

    const asked = contextWithoutEmail();
    await core.onMessage(asked.ctx, 'show my plan');
    expect(asked.replies[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/couldn't confirm/) });
  });

  it('in local mode, asks for an email, refuses one that is taken, and recognises the person next time', async () => {
    const core = await coreFor({});
    const first = contextWithoutEmail();
    await core.onMessage(first.ctx, 'what can I do next?');
    expect(first.replies.find((view) => view.type === 'onboarding')).toMatchObject({ askEmail: true });

    const taken = contextWithoutEmail();
    await core.onAction(taken.ctx, { action: 'submitOnboarding', email: 'head@school.org', name: 'Impostor', pathway: 'teaching', stage: 'ect' });
    expect(taken.replies[0]).toMatchObject({ type: 'onboarding', errors: [expect.stringMatching(/already belongs/)] });

    const fresh = contextWithoutEmail();
    await core.onAction(fresh.ctx, { action: 'submitOnboarding', email: 'Dev@Local.test', name: 'Dev', pathway: 'teaching', stage: 'ect' });
    expect(fresh.ctx.memory.declaredEmail).toBe('dev@local.test');

    const later = contextWithoutEmail({ ...fresh.ctx.memory });
    await core.onMessage(later.ctx, 'show my plan');
    expect(later.replies[0]).toMatchObject({ type: 'plan', name: 'Dev' });
  });
});
