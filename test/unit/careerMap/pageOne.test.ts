import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import { rankWhatNext, type PersonForRanking, type WhatNextResult } from '../../../src/core/careerMap/whatNext';

/**
 * What page 1 of "what next" shows for one person at each stage of every default pathway: the top
 * three steps plus the next few for the stage (six items, as the card shows with the default page
 * size), the all-staff entitlements kept apart, and the next-stage preview.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
const PAGE_ONE = 6;

const bundle = loadDefaultCareerMap();
const catalogue = new CareerCatalogue(bundle.map, bundle.opportunities);

function rank(pathway: string, stage: string, extra: Partial<PersonForRanking> = {}): WhatNextResult {
  const result = rankWhatNext(
    catalogue,
    { pathway, stage, saved: new Set(), completed: new Set(), interests: [], ...extra },
    { now: NOW, timezone: 'Europe/London' },
  );
  if (!result) throw new Error(`no result for ${pathway}/${stage}`);
  return result;
}

const top = (result: WhatNextResult) => result.top.map((item) => item.opportunity.id);
const pageOne = (result: WhatNextResult) => result.ranked.slice(0, PAGE_ONE).map((item) => item.opportunity.id);
const ALL_STAFF = ['annual-careers-discussion', 'cpd-days-entitlement', 'safeguarding-annual-update', 'trust-induction'];

/** For each default stage: ids that must be among the top three, and ids that must be on page 1. */
const EXPECTED: Record<string, { top?: string[]; page?: string[] }> = {
  'teaching/pre-itt': { top: ['teacher-degree-apprenticeship'], page: ['assessment-only-qts', 'get-into-teaching-adviser'] },
  'teaching/trainee': { top: ['itt-mentor-support', 'trainee-network'] },
  'teaching/ect': { top: ['ect-induction'] },
  'teaching/developing': { top: ['npqlt'] },
  'teaching/middle-leader': { top: ['npqsl', 'npqlt'] },
  'teaching/senior-leader': { top: ['npqsl', 'npqh'] },
  'teaching/headship': { top: ['npqh', 'early-headship-coaching-offer'] },
  'teaching-assistant/apprentice': { top: ['ta-apprenticeship'] },
  'teaching-assistant/ta': { page: ['ta-network', 'ta-effective-practice'] },
  'teaching-assistant/senior-ta': { top: ['hlta-status'], page: ['teacher-degree-apprenticeship'] },
  'teaching-assistant/hlta': { top: ['teacher-degree-apprenticeship'], page: ['postgraduate-teaching-apprenticeship', 'assessment-only-qts', 'get-into-teaching-adviser'] },
  'business-operations/apprentice': { top: ['business-administrator-apprenticeship'] },
  'business-operations/officer': { top: ['school-business-professional-apprenticeship'], page: ['isbl-qualifications'] },
  'business-operations/senior-officer': { top: ['school-business-professional-apprenticeship'], page: ['academy-trust-handbook'] },
  'business-operations/business-manager': { top: ['school-business-professional-apprenticeship', 'chartered-manager-degree-apprenticeship'] },
  'business-operations/executive-business': { top: ['chartered-manager-degree-apprenticeship'] },
  'premises/site-assistant': { top: ['premises-network', 'facilities-services-operative-apprenticeship'], page: ['first-aid-at-work', 'fire-marshal-training', 'iosh-working-safely'] },
  'premises/site-officer': { top: ['premises-network'], page: ['first-aid-at-work'] },
  'premises/site-manager': { top: ['premises-network'] },
  'premises/estates-manager': { top: ['premises-network'] },
  'it/apprentice': { top: ['it-apprenticeship'] },
  'it/technician': { top: ['digital-technology-standards'] },
  'it/network-manager': { page: ['digital-technology-solutions-apprenticeship'] },
  'it/digital-lead': { top: ['digital-technology-solutions-apprenticeship'] },
  'pastoral-send/pastoral-assistant': { top: ['learning-mentor-apprenticeship'] },
  'pastoral-send/pastoral-officer': { top: ['pastoral-supervision'] },
  'pastoral-send/pastoral-manager': { top: ['pastoral-supervision'] },
  'pastoral-send/inclusion-lead': { top: ['pastoral-supervision'] },
  'catering/kitchen-assistant': { top: ['food-hygiene-level-2'] },
  'catering/cook': { top: ['food-hygiene-level-2'] },
  'catering/cook-manager': { top: ['supervising-food-safety-level-3'] },
  'catering/catering-manager': { top: ['hospitality-manager-apprenticeship'] },
};

const stages = bundle.map.pathways.flatMap((pathway) => pathway.stages.map((stage) => `${pathway.id}/${stage.id}`));

describe('page 1 of "what next" for one person at each default stage', () => {
  it('has an expectation for every stage of every default pathway', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...stages].sort());
  });

  test.each(stages)('%s', (key) => {
    const [pathway = '', stage = ''] = key.split('/');
    const result = rank(pathway, stage);
    const expected = EXPECTED[key] ?? {};
    expect(result.top).toHaveLength(3);
    for (const id of expected.top ?? []) expect(top(result)).toContain(id);
    for (const id of expected.page ?? []) expect(pageOne(result)).toContain(id);
    // All-staff entitlements never fill the top: they are one line of their own.
    for (const id of ALL_STAFF) expect(pageOne(result)).not.toContain(id);
    expect(result.everyone.map((item) => item.opportunity.id)).toEqual(
      expect.arrayContaining(['annual-careers-discussion', 'cpd-days-entitlement', 'safeguarding-annual-update']),
    );
  });

  it('previews the trainee teacher stage for an HLTA (declared `next`, another pathway)', () => {
    const result = rank('teaching-assistant', 'hlta');
    expect(result.nextStage?.stage.id).toBe('trainee');
    expect(result.nextStage?.stages.map((next) => next.pathway.id)).toEqual(['teaching']);
  });

  it('previews HLTA for a senior TA and business manager for a business officer', () => {
    expect(rank('teaching-assistant', 'senior-ta').nextStage?.stage.id).toBe('hlta');
    expect(rank('business-operations', 'officer').nextStage?.stages.map((next) => next.stage.id)).toEqual(['senior-officer', 'business-manager']);
  });
});

describe('role-specific, recurring and new-starter items', () => {
  it('puts the NPQ for SENCOs first, as required, for someone whose job title is SENCO', () => {
    const result = rank('teaching', 'middle-leader', { jobTitle: 'Trust SENCO and assistant head' });
    expect(result.top[0]?.opportunity.id).toBe('npq-senco');
    expect(result.top[0]?.requiredForRole).toBe(true);
    expect(result.required.map((item) => item.opportunity.id)).toEqual(['npq-senco']);
    expect(rank('teaching', 'middle-leader', { jobTitle: 'Head of science' }).required).toEqual([]);
  });

  it('hides an annual item completed this school year and brings it back the next', () => {
    const completed = new Set(['annual-careers-discussion']);
    const thisYear = rank('teaching', 'ect', { completed, completedAt: new Map([['annual-careers-discussion', new Date('2026-10-01T10:00:00Z')]]) });
    expect(thisYear.everyone.map((item) => item.opportunity.id)).not.toContain('annual-careers-discussion');
    const lastYear = rank('teaching', 'ect', { completed, completedAt: new Map([['annual-careers-discussion', new Date('2026-07-15T10:00:00Z')]]) });
    expect(lastYear.everyone.map((item) => item.opportunity.id)).toContain('annual-careers-discussion');
    // A one-off item stays hidden for good.
    const oneOff = rank('teaching', 'ect', { completed: new Set(['ect-peer-network']), completedAt: new Map([['ect-peer-network', new Date('2020-01-01')]]) });
    expect(oneOff.ranked.map((item) => item.opportunity.id)).not.toContain('ect-peer-network');
  });

  it('starts the school year on 1 September in Europe/London, not UTC', () => {
    const completedAt = new Map([['annual-careers-discussion', new Date('2026-08-31T23:30:00Z')]]);
    // 23:30 UTC on 31 August is 00:30 on 1 September in London: this school year.
    const result = rank('teaching', 'ect', { completed: new Set(['annual-careers-discussion']), completedAt });
    expect(result.everyone.map((item) => item.opportunity.id)).not.toContain('annual-careers-discussion');
  });

  it('shows trust induction first to a new starter, never to someone who joined years ago, and not first when unknown', () => {
    const starter = rank('teaching', 'headship', { startDate: '2026-09-01' });
    expect(starter.top[0]?.opportunity.id).toBe('trust-induction');
    const settled = rank('teaching', 'headship', { startDate: '2016-09-01' });
    expect([...settled.ranked, ...settled.everyone].map((item) => item.opportunity.id)).not.toContain('trust-induction');
    const unknown = rank('teaching', 'headship');
    expect(top(unknown)).not.toContain('trust-induction');
  });

  it('does not log CPD days for ticking the CPD-days entitlement', () => {
    expect(catalogue.opportunity('cpd-days-entitlement')?.durationDays).toBeUndefined();
    expect(catalogue.opportunity('annual-careers-discussion')?.durationDays).toBeUndefined();
  });

  it('lets a trust pin an item with `priority`', () => {
    const pinned = new CareerCatalogue(bundle.map, bundle.opportunities.map((item) => (item.id === 'working-party' ? { ...item, priority: 50 } : item)));
    const result = rankWhatNext(pinned, { pathway: 'teaching', stage: 'developing', saved: new Set(), completed: new Set(), interests: [] }, { now: NOW });
    expect(result?.top[0]?.opportunity.id).toBe('working-party');
    expect(rank('teaching', 'developing').top[0]?.opportunity.id).toBe('npqlt');
  });
});
