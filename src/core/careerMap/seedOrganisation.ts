import type { Repositories } from '../../store';
import type { Organisation } from '../organisation/organisation';
import { loadDefaultCareerMap, type CareerMapBundle } from './defaultMap';

type CareerMapStores = Pick<Repositories, 'careerMaps' | 'opportunities'>;

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
  repos: CareerMapStores & Pick<Repositories, 'organisations'>,
): Promise<{ org: Organisation; seeded: boolean }> {
  const org = await repos.organisations.ensureDefault();
  return { org, seeded: await seedCareerMapIfEmpty(repos, org.id) };
}
