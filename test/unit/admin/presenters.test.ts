import { adminListView, latestOpportunitiesView, sameOpportunity } from '../../../src/core/admin/presenters';
import type { Opportunity } from '../../../src/core/careerMap/schema';

const item: Opportunity = {
  id: 'ta-maths-network',
  title: 'TA maths network',
  summary: 'Termly meetings for teaching assistants who support maths.',
  pathways: ['teaching-assistant'],
  stages: ['ta'],
  scope: 'school',
  kind: 'network',
  entitlement: 'optional',
  tags: [],
};

describe('admin presenters', () => {
  it('says where each admin role comes from, in the organisation time zone, and offers removal only for grants', () => {
    const view = adminListView(
      'North Trust',
      [
        { email: 'head@school.org', source: 'configuration' },
        { email: 'jo@school.org', source: 'granted', grantedBy: 'head@school.org', grantedAt: new Date('2026-12-31T23:30:00Z') },
        { email: 'kim@school.org', source: 'granted', grantedBy: 'cli', grantedAt: new Date('2026-06-30T23:30:00Z') },
      ],
      'Europe/London',
    );
    expect(view.admins).toEqual([
      { email: 'head@school.org', sourceLabel: 'Named in the ADMIN_EMAILS setting', canRemove: false },
      { email: 'jo@school.org', sourceLabel: 'Made an admin by head@school.org on 31 December 2026', canRemove: true },
      { email: 'kim@school.org', sourceLabel: 'Made an admin from the command line on 1 July 2026', canRemove: true },
    ]);
  });

  it('labels the latest items with type, place, when added and closing date', () => {
    const view = latestOpportunitiesView(
      'North Trust',
      [{ opportunity: { ...item, closes: '2027-03-31' }, createdAt: new Date('2026-12-03T10:00:00Z'), updatedAt: new Date() }],
      'Europe/London',
      false,
    );
    expect(view).toEqual({
      type: 'adminLatestOpportunities',
      orgName: 'North Trust',
      canEdit: false,
      items: [
        {
          id: 'ta-maths-network',
          title: 'TA maths network',
          kindLabel: 'Network',
          scopeLabel: 'In your school',
          addedLabel: 'Added 3 December 2026',
          closesLabel: 'Closes 31 March 2027',
        },
      ],
    });
  });

  it('compares opportunities field by field, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(item).reverse()) as Opportunity;
    expect(sameOpportunity(item, reordered)).toBe(true);
    expect(sameOpportunity(item, { ...item, title: 'TA maths network (new)' })).toBe(false);
  });
});
