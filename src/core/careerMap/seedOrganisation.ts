import type { CareerMapRepository } from '../../store/repositories/careerMaps';
import type { OpportunityRepository } from '../../store/repositories/opportunities';
import type { CareerMapBundle } from './defaultMap';

/** Gives an organisation with no career map the shipped default one. Returns true if it did. */
export async function seedCareerMapIfEmpty(
  orgId: string,
  bundle: CareerMapBundle,
  repos: { maps: CareerMapRepository; opportunities: OpportunityRepository },
): Promise<boolean> {
  if (await repos.maps.get(orgId)) return false;
  await repos.maps.save(orgId, bundle.map);
  await repos.opportunities.upsertMany(orgId, bundle.opportunities, 'default-map');
  return true;
}
