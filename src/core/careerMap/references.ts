import type { CareerMap, Opportunity } from './schema';

/** Problems with an opportunity's pathway/stage ids against a career map (empty when it fits). */
export function opportunityReferenceProblems(item: Pick<Opportunity, 'pathways' | 'stages'>, map: CareerMap): string[] {
  const problems: string[] = [];
  const known = map.pathways.map((pathway) => pathway.id);
  const pathways = map.pathways.filter((pathway) => item.pathways.includes(pathway.id));
  for (const id of item.pathways) {
    if (!known.includes(id)) problems.push(`pathways: unknown pathway "${id}" (known: ${known.join(', ')})`);
  }
  for (const stageId of item.stages) {
    if (pathways.length > 0 && !pathways.some((pathway) => pathway.stages.some((stage) => stage.id === stageId))) {
      problems.push(`stages: stage "${stageId}" is not a stage of ${item.pathways.join(' or ')}`);
    }
  }
  return problems;
}
