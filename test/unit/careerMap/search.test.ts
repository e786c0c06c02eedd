import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import type { CareerMap, Opportunity } from '../../../src/core/careerMap/schema';
import { findOpportunity, searchOpportunities } from '../../../src/core/careerMap/search';

const map: CareerMap = {
  cpdEntitlementDays: 5,
  pathways: [
    {
      id: 'teaching',
      name: 'Teaching',
      summary: 'Teachers',
      stages: [
        { id: 'ect', name: 'ECT', summary: 'Early career', roles: [], reading: [] },
        { id: 'middle-leader', name: 'Middle leader', summary: 'Leads a team', roles: [], reading: [] },
      ],
    },
    {
      id: 'teaching-assistant',
      name: 'Teaching assistant',
      summary: 'TAs',
      stages: [{ id: 'hlta', name: 'HLTA', summary: 'Higher level', roles: [], reading: [] }],
    },
  ],
};

const op = (id: string, extra: Partial<Opportunity> = {}): Opportunity => ({
  id,
  title: `Title ${id}`,
  summary: `Summary ${id}`,
  pathways: ['teaching'],
  stages: ['ect'],
  scope: 'school',
  kind: 'course',
  entitlement: 'optional',
  tags: [],
  ...extra,
});

const items: Opportunity[] = [
  op('summary-only', { summary: 'Includes some phonics practice.' }),
  op('reading-club', { title: 'Reading club', scope: 'self', kind: 'reading', tags: ['Books'] }),
  op('phonics-training', { title: 'Phonics training', kind: 'programme', scope: 'national', stages: ['ect', 'middle-leader'] }),
  op('ta-network', { title: 'TA network', pathways: ['teaching-assistant'], stages: ['hlta'], scope: 'trust', kind: 'network' }),
  op('tagged', { tags: ['phonics'], scope: 'trust', stages: ['middle-leader'] }),
  op('provider-only', { provider: 'Phonics Hub Ltd' }),
];
const catalogue = new CareerCatalogue(map, items);
const ids = (list: Opportunity[]): string[] => list.map((item) => item.id);

describe('searchOpportunities', () => {
  it('returns everything in catalogue order for an empty query', () => {
    expect(ids(searchOpportunities(catalogue, {}))).toEqual(ids(items));
  });

  it('filters by scope, kind, tag, pathway and stage', () => {
    expect(ids(searchOpportunities(catalogue, { scope: 'trust' }))).toEqual(['ta-network', 'tagged']);
    expect(ids(searchOpportunities(catalogue, { kind: 'reading' }))).toEqual(['reading-club']);
    expect(ids(searchOpportunities(catalogue, { tag: 'books' }))).toEqual(['reading-club']);
    expect(ids(searchOpportunities(catalogue, { pathway: 'teaching-assistant' }))).toEqual(['ta-network']);
    expect(ids(searchOpportunities(catalogue, { stage: 'middle-leader' }))).toEqual(['phonics-training', 'tagged']);
    expect(ids(searchOpportunities(catalogue, { pathway: 'teaching', stage: 'middle-leader', scope: 'national' }))).toEqual([
      'phonics-training',
    ]);
    expect(searchOpportunities(catalogue, { scope: 'self', kind: 'network' })).toEqual([]);
  });

  it('ranks title, id and exact-tag matches above summary or provider matches, and drops non-matches', () => {
    expect(ids(searchOpportunities(catalogue, { text: 'phonics' }))).toEqual([
      'phonics-training',
      'tagged',
      'summary-only',
      'provider-only',
    ]);
    expect(ids(searchOpportunities(catalogue, { text: 'show me the phonics', scope: 'trust' }))).toEqual(['tagged']);
    expect(searchOpportunities(catalogue, { text: 'astronomy' })).toEqual([]);
  });

  it('ignores stop words only', () => {
    // "show me the" are all stop words: no terms, so everything matches
    expect(ids(searchOpportunities(catalogue, { text: 'show me the' }))).toEqual(ids(items));
  });

  describe('on the shipped map', () => {
    const bundle = loadDefaultCareerMap();
    const shipped = new CareerCatalogue(bundle.map, bundle.opportunities);

    it('"npqh" finds the NPQH item first', () => {
      const found = searchOpportunities(shipped, { text: 'npqh' });
      expect(found[0]?.id).toBe('npqh');
      expect(searchOpportunities(shipped, { text: 'NPQH', kind: 'qualification', pathway: 'teaching' })[0]?.id).toBe('npqh');
    });

    it('filters by kind and pathway', () => {
      const npqs = searchOpportunities(shipped, { kind: 'qualification', pathway: 'teaching', stage: 'headship' });
      expect(npqs.length).toBeGreaterThan(0);
      for (const item of npqs) {
        expect(item.kind).toBe('qualification');
        expect(item.pathways).toContain('teaching');
        expect(item.stages).toContain('headship');
      }
      expect(ids(npqs)).toEqual(expect.arrayContaining(['npqh', 'npqel']));
    });
  });
});

describe('findOpportunity', () => {
  it('finds by exact id (case and space insensitive)', () => {
    expect(findOpportunity(catalogue, 'tagged')?.id).toBe('tagged');
    expect(findOpportunity(catalogue, '  TA-Network ')?.id).toBe('ta-network');
  });

  it('finds by phrase, best match first', () => {
    expect(findOpportunity(catalogue, 'tell me about phonics training')?.id).toBe('phonics-training');
    expect(findOpportunity(catalogue, 'reading club')?.id).toBe('reading-club');
    expect(findOpportunity(catalogue, 'underwater basket weaving')).toBeUndefined();
  });

  it('finds NPQH in the shipped map by phrase', () => {
    const bundle = loadDefaultCareerMap();
    const shipped = new CareerCatalogue(bundle.map, bundle.opportunities);
    expect(findOpportunity(shipped, 'NPQH')?.id).toBe('npqh');
    expect(findOpportunity(shipped, 'tell me about the NPQH')?.id).toBe('npqh');
  });
});
