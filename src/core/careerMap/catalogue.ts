import type { CareerMap, Opportunity, Pathway, Stage } from './schema';

/** Read-only lookups over one organisation's career map and opportunities. */
export class CareerCatalogue {
  private readonly pathwaysById: Map<string, Pathway>;
  private readonly opportunitiesById: Map<string, Opportunity>;
  private readonly reachById = new Map<string, number>();

  constructor(
    readonly map: CareerMap,
    readonly opportunities: readonly Opportunity[],
  ) {
    this.pathwaysById = new Map(map.pathways.map((pathway) => [pathway.id, pathway]));
    this.opportunitiesById = new Map(opportunities.map((item) => [item.id, item]));
  }

  get pathways(): readonly Pathway[] {
    return this.map.pathways;
  }

  pathway(id: string): Pathway | undefined {
    return this.pathwaysById.get(id);
  }

  stage(pathwayId: string, stageId: string): Stage | undefined {
    return this.pathway(pathwayId)?.stages.find((stage) => stage.id === stageId);
  }

  /** The stage after this one on the same pathway, if any. */
  nextStage(pathwayId: string, stageId: string): Stage | undefined {
    const stages = this.pathway(pathwayId)?.stages ?? [];
    const index = stages.findIndex((stage) => stage.id === stageId);
    return index >= 0 ? stages[index + 1] : undefined;
  }

  /**
   * Where people usually go from this stage: the stages the map declares with `next` (which may be
   * on another pathway), or else the following stage on the same pathway.
   */
  nextStages(pathwayId: string, stageId: string): { pathway: Pathway; stage: Stage }[] {
    const declared = this.stage(pathwayId, stageId)?.next;
    if (declared && declared.length > 0) {
      return declared.flatMap((ref) => {
        const pathway = this.pathway(ref.pathway);
        const stage = pathway?.stages.find((s) => s.id === ref.stage);
        return pathway && stage ? [{ pathway, stage }] : [];
      });
    }
    const pathway = this.pathway(pathwayId);
    const next = this.nextStage(pathwayId, stageId);
    return pathway && next ? [{ pathway, stage: next }] : [];
  }

  /** How many pathway/stage pairs of the map an opportunity reaches: small means made for a few stages. */
  reach(item: Opportunity): number {
    const cached = this.reachById.get(item.id);
    if (cached !== undefined) return cached;
    let count = 0;
    for (const pathway of this.map.pathways) {
      if (!item.pathways.includes(pathway.id)) continue;
      for (const stage of pathway.stages) if (item.stages.includes(stage.id)) count += 1;
    }
    this.reachById.set(item.id, count);
    return count;
  }

  /** Every pathway/stage pair in the map. */
  get stageCount(): number {
    return this.map.pathways.reduce((sum, pathway) => sum + pathway.stages.length, 0);
  }

  opportunity(id: string): Opportunity | undefined {
    return this.opportunitiesById.get(id);
  }

  /** Opportunities that apply to a stage of a pathway (including cross-pathway routes listing it). */
  forStage(pathwayId: string, stageId: string): Opportunity[] {
    return this.opportunities.filter((item) => item.pathways.includes(pathwayId) && item.stages.includes(stageId));
  }

  /** Names of the pathway/stage pairs an opportunity applies to. */
  describeReach(item: Opportunity): { pathwayNames: string[]; stageNames: string[] } {
    const pathways = item.pathways.map((id) => this.pathway(id)).filter((p): p is Pathway => Boolean(p));
    const stageNames = new Set<string>();
    for (const pathway of pathways) {
      for (const stage of pathway.stages) if (item.stages.includes(stage.id)) stageNames.add(stage.name);
    }
    return { pathwayNames: pathways.map((p) => p.name), stageNames: [...stageNames] };
  }
}
