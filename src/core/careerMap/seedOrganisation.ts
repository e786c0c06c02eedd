import type { CareerMapRepository } from '../../store/repositories/careerMaps';
import type { OpportunityRepository } from '../../store/repositories/opportunities';
import type { CareerMapBundle } from './defaultMap';

/** Gives an organisation with no career map the shipped default one. Returns true if it did. */
export async function seedCareerMapIfEmpty(
  orgId: string,
  bundle: CareerMapBundle | (() => CareerMapBundle),
  repos: { maps: CareerMapRepository; opportunities: OpportunityRepository },
): Promise<boolean> {
  if (await repos.maps.get(orgId)) return false;
  // Loading and validating the shipped files is only worth doing when they are needed.
  if (typeof bundle === 'function') bundle = bundle();
  await repos.maps.save(orgId, bundle.map);
  await repos.opportunities.upsertMany(orgId, bundle.opportunities, 'default-map');
  return true;
}
