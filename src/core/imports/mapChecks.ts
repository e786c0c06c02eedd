import type { CareerMap } from '../careerMap/schema';
import { listValues, quote } from './problems';

/** "a", "a or b", "a, b or c" */
function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] as string}`;
}

/** Problem with a pathway id, or undefined if the career map has it. */
export function unknownPathwayProblem(map: CareerMap, pathwayId: string): string | undefined {
  if (map.pathways.some((pathway) => pathway.id === pathwayId)) return undefined;
  return `unknown pathway ${quote(pathwayId)} (known: ${listValues(map.pathways.map((pathway) => pathway.id))})`;
}

/**
 * Problem with a stage id, or undefined if it is a stage of at least one of `pathwayIds` (ids missing from the map
 * are ignored; report those with {@link unknownPathwayProblem}).
 */
export function stageProblem(map: CareerMap, stageId: string, pathwayIds: readonly string[]): string | undefined {
  const pathways = pathwayIds
    .map((id) => map.pathways.find((pathway) => pathway.id === id))
    .filter((pathway): pathway is NonNullable<typeof pathway> => pathway !== undefined);
  if (pathways.length === 0) return undefined;
  if (pathways.some((pathway) => pathway.stages.some((stage) => stage.id === stageId))) return undefined;
  const allowed = [...new Set(pathways.flatMap((pathway) => pathway.stages.map((stage) => stage.id)))];
  return `stage ${quote(stageId)} is not a stage of ${orList(pathways.map((pathway) => pathway.id))} (allowed: ${listValues(allowed, 30)})`;
}
