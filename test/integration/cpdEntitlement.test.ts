import { loadConfig } from '../../src/config';
import { loadDefaultCareerMap } from '../../src/core/careerMap/defaultMap';
import { buildCoreServices } from '../../src/core/conversation/buildServices';
import { showCpdProgress } from '../../src/core/conversation/handlers/cpd';
import type { ConversationContext } from '../../src/core/conversation/context';
import type { View } from '../../src/core/conversation/views';
import { recogniser } from '../support/testApp';
import { silentLogger } from '../support/silentLogger';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('CPD entitlement', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  afterAll(() => database.dispose());

  async function entitlementShown(map: ReturnType<typeof loadDefaultCareerMap>['map']): Promise<number | undefined> {
    await database.repos.careerMaps.save('default', map);
    const services = buildCoreServices(database.repos, loadConfig({ CPD_ENTITLEMENT_DAYS: '8' }), {
      recogniser: await recogniser(),
      sender: { sendToPerson: async () => false },
    });
    const staff = { orgId: 'default', email: 'cpd@school.org', name: 'C', pathway: 'teaching', stage: 'ect', role: 'staff' as const, interests: [], source: 'directory' as const };
    const views: View[] = [];
    const ctx: ConversationContext = {
      org: { id: 'default', name: 'Trust', isDefault: true, teamsTenantIds: [], slackTeamIds: [] },
      speaker: { channel: 'teams', channelUserId: 'c', email: staff.email },
      staff,
      memory: {},
      now: new Date('2026-11-23T10:00:00Z'),
      log: silentLogger(),
      reply: async (view) => {
        views.push(view);
      },
    };
    await showCpdProgress(ctx, services);
    const [view] = views;
    return view?.type === 'cpdProgress' ? view.entitlementDays : undefined;
  }

  it("uses the organisation's own figure when its map has one, and CPD_ENTITLEMENT_DAYS otherwise", async () => {
    const { map } = loadDefaultCareerMap();
    expect(await entitlementShown({ ...map, cpdEntitlementDays: 6 })).toBe(6);
    const { cpdEntitlementDays: _omitted, ...withoutFigure } = map;
    expect(await entitlementShown(withoutFigure)).toBe(8);
  });
});
