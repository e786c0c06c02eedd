import type { CareerMap, Opportunity } from './schema';
import type { Organisation } from '../organisation/organisation';
import { loadDefaultCareerMap, type CareerMapBundle } from './defaultMap';

interface CareerMapStores {
  careerMaps: { get(orgId: string): Promise<CareerMap | null>; save(orgId: string, map: CareerMap): Promise<void> };
  opportunities: { upsertMany(orgId: string, items: Opportunity[], origin: 'default-map' | 'import'): Promise<unknown> };
}

/**
 * Gives an organisation with no career map the shipped default one. Returns true if it did. The
 * bundle is loaded (and validated) only when it is needed.
 */
export async function seedCareerMapIfEmpty(
  repos: CareerMapStores,
  orgId: string,
  bundle: () => CareerMapBundle = loadDefaultCareerMap,
): Promise<boolean> {
  if (await repos.careerMaps.get(orgId)) return false;
  const { map, opportunities } = bundle();
  await repos.careerMaps.save(orgId, map);
  await repos.opportunities.upsertMany(orgId, opportunities, 'default-map');
  return true;
}

/** The default organisation, created with the shipped career map on a fresh database. */
export async function ensureDefaultOrganisation(
  repos: CareerMapStores & { organisations: { ensureDefault(): Promise<Organisation> } },
): Promise<{ org: Organisation; seeded: boolean }> {
  const org = await repos.organisations.ensureDefault();
  return { org, seeded: await seedCareerMapIfEmpty(repos, org.id) };
}
