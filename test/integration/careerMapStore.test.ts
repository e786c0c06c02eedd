import { CatalogueProvider } from '../../src/core/careerMap/catalogueProvider';
import { loadDefaultCareerMap } from '../../src/core/careerMap/defaultMap';
import type { Opportunity } from '../../src/core/careerMap/schema';
import { seedCareerMapIfEmpty } from '../../src/core/careerMap/seedOrganisation';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const imported: Opportunity = {
  id: 'local-phonics-network',
  title: 'Phonics leads network',
  summary: 'Termly meetings for phonics leads across the trust.',
  pathways: ['teaching'],
  stages: ['developing', 'middle-leader'],
  scope: 'trust',
  kind: 'network',
  entitlement: 'optional',
  tags: ['phonics'],
};

describe('career map storage', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });

  afterEach(() => database.dispose());

  it('seeds the default map once, and the catalogue serves it', async () => {
    const bundle = loadDefaultCareerMap();
    expect(await seedCareerMapIfEmpty(database.repos, 'default', () => bundle)).toBe(true);
    expect(await seedCareerMapIfEmpty(database.repos, 'default', () => bundle)).toBe(false);
    expect(await database.repos.opportunities.count('default')).toBe(bundle.opportunities.length);

    const { catalogue } = await new CatalogueProvider(database.repos.careerMaps, database.repos.opportunities).get('default');
    expect(catalogue.pathways.map((p) => p.id).slice(0, 3)).toEqual(['teaching', 'teaching-assistant', 'business-operations']);
    expect(catalogue.opportunity('npqh')?.title).toContain('NPQH');
  });

  it('upserts opportunities by id: re-importing the same items changes nothing, edits are updates', async () => {
    const repo = database.repos.opportunities;
    expect(await repo.upsertMany('org-a', [imported])).toEqual({ created: [imported.id], updated: [], unchanged: [] });
    expect(await repo.upsertMany('org-a', [imported])).toEqual({ created: [], updated: [], unchanged: [imported.id] });
    const edited = { ...imported, title: 'Phonics and early reading network', provider: 'The trust' };
    expect(await repo.upsertMany('org-a', [edited])).toEqual({ created: [], updated: [imported.id], unchanged: [] });
    const { provider: _dropped, ...withoutProvider } = edited;
    await repo.upsertMany('org-a', [withoutProvider]);
    const [stored] = await repo.listForOrg('org-a');
    expect(stored?.opportunity).toEqual({ ...withoutProvider });
    expect(await repo.listForOrg('org-b')).toEqual([]);
  });

  it('badges only admin-imported items as new, never the shipped defaults', async () => {
    await seedCareerMapIfEmpty(database.repos, 'default');
    await database.repos.opportunities.upsertMany('default', [imported]);
    const { publishedAt } = await new CatalogueProvider(database.repos.careerMaps, database.repos.opportunities).get('default');
    expect(publishedAt('npqh')).toBeUndefined();
    expect(publishedAt(imported.id)).toBeInstanceOf(Date);
  });
});
