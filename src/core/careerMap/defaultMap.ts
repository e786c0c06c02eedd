import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { paths } from '../../paths';
import { opportunityReferenceProblems } from './references';
import { careerMapSchema, opportunitySchema, type CareerMap, type Opportunity } from './schema';

export interface CareerMapBundle {
  map: CareerMap;
  opportunities: Opportunity[];
}

function issuesOf(error: z.ZodError, file: string): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`);
}

/** The career map and opportunities shipped in data/career-map, validated. */
export function loadDefaultCareerMap(dir: string = paths.careerMapData): CareerMapBundle {
  const mapFile = path.join(dir, 'pathways.yaml');
  const opportunitiesFile = path.join(dir, 'opportunities.yaml');
  const map = careerMapSchema.safeParse(parse(readFileSync(mapFile, 'utf8')));
  const items = z.array(opportunitySchema).safeParse(parse(readFileSync(opportunitiesFile, 'utf8')));
  const problems = [
    ...(map.success ? [] : issuesOf(map.error, mapFile)),
    ...(items.success ? [] : issuesOf(items.error, opportunitiesFile)),
  ];
  if (map.success && items.success) {
    for (const item of items.data) {
      problems.push(...opportunityReferenceProblems(item, map.data).map((problem) => `${item.id}: ${problem}`));
    }
  }
  if (problems.length > 0 || !map.success || !items.success) throw new ValidationError(problems);
  return { map: map.data, opportunities: items.data };
}
