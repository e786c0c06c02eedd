import { managerReminder } from '../../../src/core/nudges/content';
import { conversationPrompts, reflectiveQuestions } from '../../../src/core/nudges/questions';
import type { ReportBrief } from '../../../src/core/nudges/views';
import { addressBook } from '../../../src/jobs/nudges/addresses';
import { composeNudgeView } from '../../../src/jobs/nudges/composeNudgeView';
import type { OutboxRecord } from '../../../src/delivery/types';
import type { ConversationReferenceDoc } from '../../../src/store/documents';

const brief = (name: string, discussionDate: string, daysToGo: number): ReportBrief => ({
  email: `${name.toLowerCase()}@school.org`,
  name,
  stageName: 'ECT',
  pathwayName: 'Teaching',
  discussionDate,
  discussionLabel: discussionDate,
  daysToGo,
  planItems: [],
  interests: [],
  cpd: { daysLogged: 0, entitlementDays: 5, percent: 0 },
  prompts: [],
  agenda: [],
});

describe('manager reminder content', () => {
  it('names the one report, or counts several in date order', () => {
    expect(managerReminder([brief('Sam', '2027-03-17', 1)], []).title).toBe('Careers discussion with Sam tomorrow');
    expect(managerReminder([brief('Sam', '2027-03-17', 7)], []).title).toBe('Careers discussion with Sam in 7 days');
    const digest = managerReminder([brief('Zoe', '2027-03-18', 8), brief('Ali', '2027-03-17', 7)], []);
    expect(digest.title).toBe('2 careers discussions coming up');
    expect(digest.reports.map((report) => report.name)).toEqual(['Ali', 'Zoe']);
    expect(managerReminder([], [{ email: 'jo@school.org', name: 'Jo', reasonLabel: 'x' }]).title).toBe('Careers discussions to arrange');
  });

  it('has three questions and prompts for every stage, with a fallback for unknown stages', () => {
    for (const stage of ['ect', 'hlta', 'middle-leader', 'headship', 'site-manager']) {
      expect(reflectiveQuestions(stage)).toHaveLength(3);
      expect(conversationPrompts(stage)).toHaveLength(3);
    }
    expect(reflectiveQuestions('ect')).not.toEqual(reflectiveQuestions('headship'));
  });

  it('merges a manager group into one card and leaves a staff nudge as it is', () => {
    const base = { orgId: 'o', key: 'k', state: 'sending', attempts: 0, createdAt: new Date(), updatedAt: new Date(), notBefore: new Date() } as const;
    const view = composeNudgeView([
      { ...base, _id: '1', purpose: 'managerReminder', payload: JSON.stringify(brief('Sam', '2027-03-17', 7)) },
      { ...base, _id: '2', purpose: 'managerAttention', payload: JSON.stringify({ email: 'jo@school.org', name: 'Jo', reasonLabel: 'No date' }) },
    ] as OutboxRecord[]);
    expect(view).toMatchObject({ type: 'managerReminder', reports: [{ name: 'Sam' }], attention: [{ name: 'Jo' }] });
    const text = composeNudgeView([{ ...base, _id: '3', purpose: 'nudge', payload: JSON.stringify({ type: 'text', text: 'hi' }) }] as OutboxRecord[]);
    expect(text).toEqual({ type: 'text', text: 'hi' });
  });
});

describe('address book', () => {
  const doc = (email: string, channel: 'teams' | 'slack', reference: unknown, at: number, channelUserId = 'u'): ConversationReferenceDoc => ({
    _id: `${channel}:${channelUserId}`,
    orgId: 'o',
    channel,
    channelUserId,
    email,
    reference: JSON.stringify(reference),
    updatedAt: new Date(at),
  });
  const teamsRef = (type: string) => ({ serviceUrl: 'https://smba', conversation: { id: 'c', conversationType: type, tenantId: 't1' } });

  it('uses personal conversations only and prefers the most recent channel', () => {
    const book = addressBook([
      doc('sam@school.org', 'teams', teamsRef('personal'), 1),
      doc('sam@school.org', 'slack', { teamId: 'T9' }, 2, 'U5'),
      doc('ali@school.org', 'teams', teamsRef('channel'), 3),
      doc('jo@school.org', 'teams', 'not json at all', 4),
    ]);
    expect(book.get('sam@school.org')).toEqual({ channel: 'slack', workspaceId: 'T9', target: 'U5' });
    expect(book.has('ali@school.org')).toBe(false);
    expect(book.has('jo@school.org')).toBe(false);
  });
});
