import { CareerMapMissingError } from '../../errors';
import type { CatalogueSources } from '../ports';
import { CareerCatalogue } from './catalogue';

export interface LoadedCatalogue {
  catalogue: CareerCatalogue;
  /** When an admin first imported an opportunity, for "new" badges. */
  publishedAt: (id: string) => Date | undefined;
}

/**
 * Each organisation's catalogue, cached briefly: "what next" is the hottest path and the map
 * changes only on import. Imports from the CLI show up within `ttlMs`.
 */
export class CatalogueProvider {
  private readonly cache = new Map<string, { loaded: LoadedCatalogue; expires: number }>();

  constructor(
    private readonly maps: CatalogueSources['careerMaps'],
    private readonly opportunities: CatalogueSources['opportunities'],
    private readonly ttlMs = 30_000,
  ) {}

  async get(orgId: string): Promise<LoadedCatalogue> {
    const hit = this.cache.get(orgId);
    if (hit && hit.expires > Date.now()) return hit.loaded;
    const [map, stored] = await Promise.all([this.maps.get(orgId), this.opportunities.listForOrg(orgId)]);
    if (!map) throw new CareerMapMissingError(orgId);
    // Items shipped with the default map are not news to anyone, even on the day it is loaded.
    const published = new Map(stored.filter((s) => s.origin === 'import').map((s) => [s.opportunity.id, s.createdAt]));
    const loaded: LoadedCatalogue = {
      catalogue: new CareerCatalogue(map, stored.map((s) => s.opportunity)),
      publishedAt: (id) => published.get(id),
    };
    this.cache.set(orgId, { loaded, expires: Date.now() + this.ttlMs });
    return loaded;
  }
}
