import type { CareerMap } from '../../core/careerMap/schema';
import type { Collections } from '../collections';
import { withoutUndefined } from '../withoutUndefined';

export class CareerMapRepository {
  constructor(private readonly c: Pick<Collections, 'careerMaps'>) {}

  async get(orgId: string): Promise<CareerMap | null> {
    const doc = await this.c.careerMaps.findOne({ _id: orgId });
    if (!doc) return null;
    return withoutUndefined({ pathways: doc.pathways, cpdEntitlementDays: doc.cpdEntitlementDays });
  }

  async save(orgId: string, map: CareerMap): Promise<void> {
    await this.c.careerMaps.replaceOne({ _id: orgId }, { ...withoutUndefined(map), orgId, updatedAt: new Date() }, { upsert: true });
  }
}
