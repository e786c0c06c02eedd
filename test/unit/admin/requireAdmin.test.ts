import { requireAdmin, speakerIsAdmin, type AdminCheckServices } from '../../../src/core/admin/requireAdmin';
import type { ConversationContext, Speaker } from '../../../src/core/conversation/context';
import type { View } from '../../../src/core/conversation/views';
import { silentLogger } from '../../support/silentLogger';
import { MemoryAdminRoles, MemoryAudit } from './fakes';

function setUp(speaker: Partial<Speaker>, options: { shared?: boolean; declaredEmail?: string } = {}) {
  const roles = new MemoryAdminRoles();
  const audit = new MemoryAudit();
  const services = {
    admin: { roles, opportunities: {} },
    audit,
    settings: { adminEmails: ['head@school.org'] },
  } as unknown as AdminCheckServices;
  const replies: View[] = [];
  const ctx: ConversationContext = {
    org: { id: 'north', name: 'North Trust', isDefault: false, teamsTenantIds: [], slackTeamIds: [] },
    speaker: { channel: 'teams', channelUserId: 'u-1', ...speaker },
    staff: null,
    memory: options.declaredEmail ? { declaredEmail: options.declaredEmail } : {},
    ...(options.shared ? { shared: true } : {}),
    now: new Date('2026-12-03T10:00:00Z'),
    log: silentLogger(),
    reply: async (view) => {
      replies.push(view);
    },
  };
  return { ctx, services, roles, audit, replies };
}

const textOf = (views: View[]) => views.map((view) => (view.type === 'text' ? view.text : view.type)).join('\n');

describe('requireAdmin', () => {
  it('lets an ADMIN_EMAILS admin and a granted admin through without a reply', async () => {
    const configured = setUp({ email: 'head@school.org' });
    expect(await requireAdmin(configured.ctx, configured.services, 'listAdmins')).toEqual({ email: 'head@school.org', source: 'configuration' });
    const granted = setUp({ email: 'jo@school.org' });
    await granted.roles.grant({ orgId: 'north', email: 'jo@school.org', grantedBy: 'cli', grantedAt: new Date() });
    expect(await requireAdmin(granted.ctx, granted.services, 'listAdmins')).toEqual({ email: 'jo@school.org', source: 'granted' });
    expect([...configured.replies, ...granted.replies]).toEqual([]);
    expect([...configured.audit.entries, ...granted.audit.entries]).toEqual([]);
  });

  it('refuses anyone else politely and audits the attempt with the action name', async () => {
    const { ctx, services, audit, replies } = setUp({ email: 'sam@school.org' });
    expect(await requireAdmin(ctx, services, 'saveOpportunityForm')).toBeNull();
    expect(textOf(replies)).toMatch(/^Sorry, only NextStep admins for North Trust can do that/);
    expect(audit.entries).toEqual([
      { orgId: 'north', actor: 'sam@school.org', action: 'admin.refused', details: { attempted: 'saveOpportunityForm', reason: 'not-admin', channel: 'teams' } },
    ]);
  });

  it('refuses admins too in a shared conversation', async () => {
    const { ctx, services, audit, replies } = setUp({ email: 'head@school.org' }, { shared: true });
    expect(await requireAdmin(ctx, services, 'grantAdmin')).toBeNull();
    expect(textOf(replies)).toContain('personal chat');
    expect(audit.entries[0]?.details).toMatchObject({ reason: 'shared-conversation' });
    expect(await speakerIsAdmin(ctx, services)).toBe(false);
  });

  it('refuses a speaker the platform did not identify, naming them by channel id in the audit', async () => {
    const { ctx, services, audit } = setUp({});
    expect(await requireAdmin(ctx, services, 'listAdmins')).toBeNull();
    expect(audit.entries[0]).toMatchObject({ actor: 'teams:u-1', details: { reason: 'unidentified' } });
  });

  it('never accepts an email the person typed in themselves, even an ADMIN_EMAILS one', async () => {
    const { ctx, services, audit } = setUp({ email: 'head@school.org' }, { declaredEmail: 'head@school.org' });
    expect(await requireAdmin(ctx, services, 'grantAdmin')).toBeNull();
    expect(audit.entries[0]?.details).toMatchObject({ reason: 'self-declared-email' });
  });
});
