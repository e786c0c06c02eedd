import type { CareerMap } from '../../core/careerMap/schema';
import type { Repositories } from '../../store';
import { CliFailure } from '../output';

export async function requireOrganisation(repos: Repositories, orgId: string): Promise<void> {
  if (!(await repos.organisations.get(orgId))) {
    const known = (await repos.organisations.list()).map((org) => org.id).join(', ');
    throw new CliFailure([`organisation "${orgId}" does not exist (known: ${known}); add it with: nextstep org add ${orgId}`]);
  }
}

export async function careerMapOf(repos: Repositories, orgId: string): Promise<CareerMap> {
  const map = await repos.careerMaps.get(orgId);
  if (!map) throw new CliFailure([`organisation "${orgId}" has no career map yet; import one with: nextstep import career-map FILE --org ${orgId}`]);
  return map;
}
