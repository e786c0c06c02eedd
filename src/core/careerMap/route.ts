import type { CareerCatalogue } from './catalogue';
import type { Pathway, Stage } from './schema';
import { rankWhatNext, type PersonForRanking, type RankedItem, type RankingClock } from './whatNext';

export interface RouteTarget {
  pathway: string;
  stage?: string;
}

export interface Route {
  pathway: Pathway;
  target: Stage;
  /** The stages passed through, from where the person is (or the stage just before) to the target. */
  steps: Stage[];
  /** What to do on the way there, most relevant first. */
  items: RankedItem[];
}

interface Here {
  pathway: string;
  stage: string;
}

/** The stage a pathway-only question means: where the person's map leads into it, else its first stage. */
function entryStage(catalogue: CareerCatalogue, pathway: Pathway, here?: Here): Stage | undefined {
  if (here) {
    const onPathway = catalogue.pathway(here.pathway)?.stages ?? [];
    const from = onPathway.findIndex((stage) => stage.id === here.stage);
    for (const stage of from >= 0 ? onPathway.slice(from) : onPathway) {
      const into = (stage.next ?? []).find((ref) => ref.pathway === pathway.id);
      if (into) return pathway.stages.find((s) => s.id === into.stage);
    }
  }
  return pathway.stages[0];
}

/** Stages that lead into the target: the one before it on its pathway and any declaring it as `next`. */
function approaches(catalogue: CareerCatalogue, pathway: Pathway, target: Stage): { pathway: string; stage: Stage }[] {
  const result: { pathway: string; stage: Stage }[] = [];
  const index = pathway.stages.findIndex((stage) => stage.id === target.id);
  const before = index > 0 ? pathway.stages[index - 1] : undefined;
  if (before) result.push({ pathway: pathway.id, stage: before });
  for (const other of catalogue.pathways) {
    for (const stage of other.stages) {
      if ((stage.next ?? []).some((ref) => ref.pathway === pathway.id && ref.stage === target.id)) result.push({ pathway: other.id, stage });
    }
  }
  return result;
}

/**
 * How to get to a stage ("how do I become a head?"): the steps from where the person is and the
 * items that lead there, ranked as for someone at the stages just before it (or at the target
 * itself when it is a pathway's first stage). Driven by the map's order and `next` links only.
 */
export function routeTo(
  catalogue: CareerCatalogue,
  target: RouteTarget,
  person: Omit<PersonForRanking, 'pathway' | 'stage'> & { here?: Here },
  clock: RankingClock,
  limit = 8,
): Route | undefined {
  const pathway = catalogue.pathway(target.pathway);
  if (!pathway) return undefined;
  const stage = target.stage ? pathway.stages.find((s) => s.id === target.stage) : entryStage(catalogue, pathway, person.here);
  if (!stage) return undefined;

  const here = person.here;
  const stages = pathway.stages;
  const to = stages.findIndex((s) => s.id === stage.id);
  const from = here && here.pathway === pathway.id ? stages.findIndex((s) => s.id === here.stage) : -1;
  const hereStage = here ? catalogue.stage(here.pathway, here.stage) : undefined;
  const steps =
    from >= 0 && from < to
      ? stages.slice(from, to + 1)
      : [...(hereStage && here?.pathway !== pathway.id ? [hereStage] : []), ...(to > 0 && !hereStage ? [stages[to - 1] as Stage] : []), stage];

  const leadIns = approaches(catalogue, pathway, stage);
  const ranked = (at: { pathway: string; stage: Stage }) =>
    rankWhatNext(catalogue, { ...person, pathway: at.pathway, stage: at.stage.id }, clock)?.ranked ?? [];
  // The person's own stage first when it leads in, then the others; the target's own items when nothing leads in.
  const ordered = [...leadIns].sort((a, b) => Number(b.stage.id === here?.stage) - Number(a.stage.id === here?.stage));
  const pools = ordered.length > 0 ? ordered.map(ranked) : [ranked({ pathway: pathway.id, stage })];
  const seen = new Set<string>();
  const items: RankedItem[] = [];
  // Take from each lead-in stage in turn so one long list does not crowd out the others.
  for (let round = 0; items.length < limit && pools.some((pool) => pool.length > round); round += 1) {
    for (const pool of pools) {
      const item = pool[round];
      if (item && !seen.has(item.opportunity.id) && items.length < limit) {
        seen.add(item.opportunity.id);
        items.push(item);
      }
    }
  }
  return { pathway, target: stage, steps, items };
}
