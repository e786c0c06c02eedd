import { opportunitySchema, type CareerMap, type Opportunity } from '../careerMap/schema';
import { asIsoDate, asList, asNumber, asText, asWebUrl, type FieldResult } from './fields';
import { stageProblem, unknownPathwayProblem } from './mapChecks';
import { describeIssue } from './problems';
import type { DecodeOptions, ImportFileInput } from './readText';
import { createRowCheck, type RowCheck } from './rowCheck';
import { fieldLabel, type ImportRecord, type RecordSpec } from './tabular';
import { validateRecords, type RecordCheck } from './validateRecords';

export const OPPORTUNITY_REQUIRED_FIELDS = ['id', 'title', 'summary', 'pathways', 'stages', 'scope', 'kind', 'entitlement'] as const;
/**
 * Optional fields. `owner` is a YAML/JSON object `{ name, email }`; in a CSV use `owner_email` / `owner_name` columns
 * (`ownerEmail`, `Owner Email`… also match). `duration_days` is a positive number of days. `priority` is a whole
 * number (higher shows first), `recurs` is `annual`, `for_new_starters` is yes/no and `required_for` lists job
 * titles separated by `;`.
 */
export const OPPORTUNITY_OPTIONAL_FIELDS = [
  'provider',
  'url',
  'closes',
  'tags',
  'owner',
  'ownerEmail',
  'ownerName',
  'durationDays',
  'priority',
  'recurs',
  'forNewStarters',
  'requiredFor',
] as const;

const SPEC: RecordSpec = {
  required: OPPORTUNITY_REQUIRED_FIELDS,
  optional: OPPORTUNITY_OPTIONAL_FIELDS,
  collection: 'opportunities',
};

const FIELD_ORDER: readonly string[] = [...OPPORTUNITY_REQUIRED_FIELDS, ...OPPORTUNITY_OPTIONAL_FIELDS];

export type ParseOpportunitiesResult = { ok: true; opportunities: Opportunity[] } | { ok: false; problems: string[] };

/** Yes/no: YAML/JSON booleans, or yes/no/true/false/y/n/1/0 in a CSV. */
function asYesNo(value: unknown): FieldResult<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const text = asText(value);
  if (!text.ok) return text;
  const word = text.value.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(word)) return { ok: true, value: true };
  if (['no', 'n', 'false', '0'].includes(word)) return { ok: true, value: false };
  return { ok: false, problem: `"${text.value}" must be yes or no` };
}

function ownerFrom(record: ImportRecord, check: RowCheck): { name?: string; email?: string } | undefined {
  const owner: { name?: string; email?: string } = {};
  const raw = record.values.owner;
  if (raw !== undefined) {
    if (typeof raw === 'string') {
      owner.email = raw.trim().toLowerCase();
    } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
        const name = key.trim().toLowerCase();
        if (name !== 'name' && name !== 'email') continue;
        if (value === null || value === undefined || value === '') continue;
        const text = asText(value);
        if (!text.ok) check.report('owner', text.problem, `${fieldLabel(record, 'owner')}.${key}`);
        else if (name === 'email') owner.email = text.value.toLowerCase();
        else owner.name = text.value;
      }
    } else {
      check.report('owner', 'must be a set of fields with an email and optionally a name');
      return undefined;
    }
  }
  const email = record.values.ownerEmail === undefined ? undefined : asText(record.values.ownerEmail);
  if (email && !email.ok) check.report('ownerEmail', email.problem);
  else if (email) owner.email = email.value.toLowerCase();
  const name = record.values.ownerName === undefined ? undefined : asText(record.values.ownerName);
  if (name && !name.ok) check.report('ownerName', name.problem);
  else if (name) owner.name = name.value;

  if (owner.email === undefined && owner.name === undefined) return undefined;
  if (owner.email === undefined) {
    if (record.values.ownerName !== undefined) check.report('ownerName', 'is given without an owner email; add the owner_email column');
    else check.report('owner', 'needs an email', `${fieldLabel(record, 'owner')}.email`);
    return undefined;
  }
  return owner;
}

function issueLabel(record: ImportRecord, path: readonly PropertyKey[]): string {
  const top = String(path[0] ?? '');
  if (top === 'owner') {
    if (path[1] === 'email') return record.labels.ownerEmail ?? `${fieldLabel(record, 'owner')}.email`;
    if (path[1] === 'name') return record.labels.ownerName ?? `${fieldLabel(record, 'owner')}.name`;
  }
  return fieldLabel(record, top);
}

function checkOpportunity(
  record: ImportRecord,
  map: CareerMap,
  seenIds: Map<string, string>,
): ReturnType<RecordCheck<Opportunity>> {
  const check = createRowCheck(record, FIELD_ORDER);
  const values = record.values;
  const candidate = check.candidate;
  const lower = (text: string): string => text.toLowerCase();
  const lowerAll = (items: string[]): string[] => [...new Set(items.map(lower))];

  check.requireFields(OPPORTUNITY_REQUIRED_FIELDS);
  check.take('id', asText);
  check.take('title', asText);
  check.take('summary', asText);
  check.take('pathways', asList, lowerAll);
  check.take('stages', asList, lowerAll);
  check.take('scope', asText, lower);
  check.take('kind', asText, lower);
  check.take('entitlement', asText, lower);
  check.take('provider', asText);
  check.take('url', asWebUrl);
  check.take('closes', asIsoDate);
  check.take('tags', asList);
  check.take('durationDays', (value) => asNumber(value, 'a number of days, e.g. 2 or 0.5'));
  check.take('priority', (value) => asNumber(value, 'a whole number, e.g. 10; higher shows first'));
  check.take('recurs', asText, lower);
  check.take('forNewStarters', asYesNo);
  check.take('requiredFor', asList);
  const owner = ownerFrom(record, check);
  if (owner) candidate.owner = owner;

  const parsed = opportunitySchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const top = String(issue.path[0] ?? '');
      const field = top === 'owner' && issue.path[1] === 'email' && values.ownerEmail !== undefined ? 'ownerEmail' : top;
      if (check.isBad(field) || check.isBad(top)) continue;
      check.report(field, describeIssue(issue), issueLabel(record, issue.path));
    }
  }

  // Cross-checks against the career map.
  const pathways = candidate.pathways as string[] | undefined;
  const stages = candidate.stages as string[] | undefined;
  if (pathways && !check.isBad('pathways')) {
    for (const pathway of pathways) {
      const problem = unknownPathwayProblem(map, pathway);
      if (problem) check.report('pathways', problem);
    }
    if (stages && !check.isBad('stages')) {
      for (const stage of stages) {
        const problem = stageProblem(map, stage, pathways);
        if (problem) check.report('stages', problem);
      }
    }
  }

  check.unique('id', seenIds);

  const problems = check.problems();
  if (problems.length > 0 || !parsed.success) return { problems };
  return { problems, value: parsed.data };
}

/**
 * Reads and validates an opportunities file (CSV, YAML or JSON) against the organisation's career map.
 * All problems are collected (capped at 200 lines plus a summary line); nothing is returned unless every record is valid.
 */
export function parseOpportunities(
  input: ImportFileInput,
  map: CareerMap,
  options: DecodeOptions = {},
): ParseOpportunitiesResult {
  const result = validateRecords(input, SPEC, options, (record, seen) => checkOpportunity(record, map, seen));
  return result.ok ? { ok: true, opportunities: result.values } : result;
}
