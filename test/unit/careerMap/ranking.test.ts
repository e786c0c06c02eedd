import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import { SCOPES, type CareerMap, type Opportunity } from '../../../src/core/careerMap/schema';
import { rankWhatNext, type PersonForRanking, type RankedItem, type WhatNextResult } from '../../../src/core/careerMap/whatNext';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

function person(pathway: string, stage: string, extra: Partial<PersonForRanking> = {}): PersonForRanking {
  return { pathway, stage, saved: new Set(), completed: new Set(), interests: [], ...extra };
}

function allItems(result: WhatNextResult): RankedItem[] {
  return [...result.entitlement, ...result.options.flatMap((g) => g.items), ...(result.nextStage?.items ?? [])];
}

const ids = (items: readonly RankedItem[]): string[] => items.map((r) => r.opportunity.id);

describe('rankWhatNext over the shipped default map', () => {
  const bundle = loadDefaultCareerMap();
  const catalogue = new CareerCatalogue(bundle.map, bundle.opportunities);
  const cases = bundle.map.pathways.flatMap((pathway) =>
    pathway.stages.map((stage, index) => ({
      pathway: pathway.id,
      stage: stage.id,
      // The last stage of a pathway has a preview only where the map declares a `next` (HLTA → trainee teacher).
      isLast: index === pathway.stages.length - 1 && !stage.next?.length,
    })),
  );

  it('covers the seven shipped pathways', () => {
    expect(bundle.map.pathways.map((p) => p.id)).toEqual(
      expect.arrayContaining(['teaching', 'teaching-assistant', 'business-operations']),
    );
    expect(bundle.map.pathways).toHaveLength(7);
    expect(cases.length).toBeGreaterThan(20);
  });

  test.each(cases)('$pathway / $stage', ({ pathway, stage, isLast }) => {
    const result = rankWhatNext(catalogue, person(pathway, stage), { now: NOW });
    expect(result).toBeDefined();
    if (!result) return;
    expect(result.stage.id).toBe(stage);

    expect(result.entitlement.length).toBeGreaterThan(0);
    for (const r of result.entitlement) expect(r.opportunity.entitlement).toBe('universal');
    for (const group of result.options) {
      expect(group.items.length).toBeGreaterThan(0);
      for (const r of group.items) {
        expect(r.opportunity.entitlement).toBe('optional');
        expect(r.opportunity.scope).toBe(group.scope);
      }
    }
    const scopes = result.options.map((g) => g.scope);
    expect(scopes).toEqual(SCOPES.filter((s) => scopes.includes(s)));
    expect(new Set(scopes).size).toBe(scopes.length);

    for (const r of [...result.entitlement, ...result.options.flatMap((g) => g.items)]) expect(r.opportunity.pathways).toContain(pathway);
    const nextPathways = (result.nextStage?.stages ?? []).map((next) => next.pathway.id);
    for (const r of result.nextStage?.items ?? []) expect(r.opportunity.pathways.some((p) => nextPathways.includes(p))).toBe(true);
    for (const r of [...result.entitlement, ...result.options.flatMap((g) => g.items)]) {
      expect(r.opportunity.stages).toContain(stage);
    }

    if (isLast) {
      expect(result.nextStage).toBeUndefined();
    } else {
      expect(result.nextStage).toBeDefined();
      const current = new Set(ids([...result.entitlement, ...result.options.flatMap((g) => g.items)]));
      const nextIds = ids(result.nextStage?.items ?? []);
      for (const id of nextIds) expect(current.has(id)).toBe(false);
      expect(new Set(nextIds).size).toBe(nextIds.length);
      const nextStageIds = (result.nextStage?.stages ?? []).map((next) => next.stage.id);
      for (const r of result.nextStage?.items ?? []) expect(r.opportunity.stages.some((id) => nextStageIds.includes(id))).toBe(true);
    }
  });

  it.each(['senior-ta', 'hlta'])('a %s sees at least one TA-to-teacher route', (stage) => {
    const result = rankWhatNext(catalogue, person('teaching-assistant', stage), { now: NOW });
    const routes = allItems(result!).filter(
      (r) => r.opportunity.pathways.includes('teaching-assistant') && r.opportunity.pathways.includes('teaching'),
    );
    expect(routes.length).toBeGreaterThan(0);
  });

  it('never shows a teaching-only item to a TA', () => {
    const result = rankWhatNext(catalogue, person('teaching-assistant', 'ta'), { now: NOW });
    const teachingOnly = allItems(result!).filter(
      (r) => r.opportunity.pathways.length === 1 && r.opportunity.pathways[0] === 'teaching',
    );
    expect(teachingOnly).toEqual([]);
  });

  it('returns undefined for an unknown stage or pathway', () => {
    expect(rankWhatNext(catalogue, person('teaching', 'wizard'), { now: NOW })).toBeUndefined();
    expect(rankWhatNext(catalogue, person('teaching-assistant', 'ect'), { now: NOW })).toBeUndefined();
    expect(rankWhatNext(catalogue, person('astronaut', 'ect'), { now: NOW })).toBeUndefined();
  });
});

describe('rankWhatNext with a synthetic catalogue', () => {
  const map: CareerMap = {
    cpdEntitlementDays: 5,
    pathways: [
      {
        id: 'p',
        name: 'P',
        summary: 'Pathway P',
        stages: [
          { id: 's1', name: 'Stage 1', summary: 'First', roles: [], reading: [] },
          { id: 's2', name: 'Stage 2', summary: 'Second', roles: [], reading: [] },
        ],
      },
      {
        id: 'q',
        name: 'Q',
        summary: 'Pathway Q',
        stages: [{ id: 's1', name: 'Q stage 1', summary: 'Shares an id with p/s1', roles: [], reading: [] }],
      },
    ],
  };
  const op = (id: string, extra: Partial<Opportunity> = {}): Opportunity => ({
    id,
    title: `Title ${id}`,
    summary: `Summary ${id}`,
    pathways: ['p'],
    stages: ['s1'],
    scope: 'school',
    kind: 'course',
    entitlement: 'optional',
    tags: [],
    ...extra,
  });
  const opportunities: Opportunity[] = [
    op('ent', { entitlement: 'universal' }),
    op('plain'),
    op('closed', { closes: '2026-02-28' }),
    op('closes-today', { closes: '2026-03-01' }),
    op('closes-far', { closes: '2026-06-01' }),
    op('closes-day-22', { closes: '2026-03-23' }),
    op('closes-soon', { closes: '2026-03-10' }),
    op('national-one', { scope: 'national' }),
    op('self-one', { scope: 'self' }),
    op('trust-one', { scope: 'trust' }),
    op('q-only', { pathways: ['q'] }),
    op('both', { pathways: ['q', 'p'], scope: 'trust' }),
    op('next-only', { stages: ['s2'] }),
    op('spans-both', { stages: ['s1', 's2'], scope: 'self' }),
  ];
  const catalogue = new CareerCatalogue(map, opportunities);
  const rank = (extra: Partial<PersonForRanking> = {}, cat: CareerCatalogue = catalogue) =>
    rankWhatNext(cat, person('p', 's1', extra), { now: NOW })!;
  const group = (result: WhatNextResult, scope: string) => result.options.find((g) => g.scope === scope)?.items ?? [];

  it('groups options by scope in order and keeps only items listing the pathway', () => {
    const result = rank();
    expect(ids(result.entitlement)).toEqual(['ent']);
    expect(result.options.map((g) => g.scope)).toEqual(['self', 'school', 'trust', 'national']);
    expect(ids(group(result, 'self'))).toEqual(['self-one', 'spans-both']);
    expect(ids(group(result, 'trust'))).toEqual(['trust-one', 'both']);
    expect(ids(allItems(result))).not.toContain('q-only');
    expect(ids(result.nextStage!.items)).toEqual(['next-only']);
    expect(result.nextStage!.stage.id).toBe('s2');
  });

  it('omits empty scope groups', () => {
    const cat = new CareerCatalogue(map, [op('ent', { entitlement: 'universal' }), op('n', { scope: 'national' })]);
    expect(rank({}, cat).options.map((g) => g.scope)).toEqual(['national']);
  });

  it('drops closed items, flags and raises closing-soon ones', () => {
    const school = group(rank(), 'school');
    expect(ids(school)).not.toContain('closed');
    // closing within 21 days rise to the top (stable by catalogue order); the rest keep catalogue order
    expect(ids(school)).toEqual(['closes-today', 'closes-soon', 'plain', 'closes-far', 'closes-day-22']);
    const soon = Object.fromEntries(school.map((r) => [r.opportunity.id, r.closingSoon]));
    expect(soon).toEqual({
      'closes-today': true,
      'closes-soon': true,
      plain: false,
      'closes-far': false,
      'closes-day-22': false,
    });
  });

  it('drops completed items (also from the next-stage preview) and flags saved ones', () => {
    const result = rank({ completed: new Set(['plain', 'ent', 'spans-both']), saved: new Set(['closes-far', 'trust-one']) });
    const all = ids(allItems(result));
    expect(all).not.toContain('plain');
    expect(all).not.toContain('ent');
    expect(all).not.toContain('spans-both');
    expect(result.entitlement).toEqual([]);
    expect(ids(group(result, 'self'))).toEqual(['self-one']);
    const saved = allItems(result).filter((r) => r.saved).map((r) => r.opportunity.id);
    expect(saved.sort()).toEqual(['closes-far', 'trust-one']);
  });

  it('marks items published in the last 30 days as new and raises them', () => {
    const published: Record<string, Date> = {
      'closes-day-22': new Date(NOW.getTime() - 10 * DAY),
      plain: new Date(NOW.getTime() - 40 * DAY),
      'closes-far': new Date(NOW.getTime() - 30 * DAY),
    };
    const result = rankWhatNext(catalogue, person('p', 's1'), { now: NOW, publishedAt: (id) => published[id] })!;
    const school = group(result, 'school');
    const isNew = Object.fromEntries(school.map((r) => [r.opportunity.id, r.isNew]));
    expect(isNew).toEqual({
      'closes-today': false,
      'closes-soon': false,
      plain: false,
      'closes-far': true,
      'closes-day-22': true,
    });
    expect(ids(school)).toEqual(['closes-today', 'closes-soon', 'closes-far', 'closes-day-22', 'plain']);
  });

  it('puts interest matches (case-insensitive tags) ahead of non-matches', () => {
    const cat = new CareerCatalogue(map, [
      op('ent', { entitlement: 'universal' }),
      op('a', { tags: ['maths'] }),
      op('b', { tags: ['Phonics', 'reading'] }),
      op('c'),
      op('d', { tags: ['phonics'], closes: '2026-03-05' }),
    ]);
    expect(ids(group(rank({ interests: ['phonics'] }, cat), 'school'))).toEqual(['d', 'b', 'a', 'c']);
    expect(ids(group(rank({ interests: [] }, cat), 'school'))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('shows no next stage at the last stage and undefined for an unknown stage', () => {
    expect(rankWhatNext(catalogue, person('p', 's2'), { now: NOW })!.nextStage).toBeUndefined();
    expect(rankWhatNext(catalogue, person('p', 's3'), { now: NOW })).toBeUndefined();
  });
});
