import { z } from 'zod';

import { isoDateSchema, slugSchema, type CareerMap } from '../careerMap/schema';
import { normaliseEmail, workEmailSchema } from '../staff/staffMember';
import { asText, asUkOrIsoDate } from './fields';
import { stageProblem, unknownPathwayProblem } from './mapChecks';
import { describeIssue } from './problems';
import type { DecodeOptions, ImportFileInput } from './readText';
import { createRowCheck } from './rowCheck';
import type { ImportRecord, RecordSpec } from './tabular';
import { validateRecords, type RecordCheck } from './validateRecords';

/** One validated row of the staff directory. */
export const staffImportRowSchema = z.object({
  email: workEmailSchema,
  name: z.string().trim().min(1).max(150),
  pathway: slugSchema,
  stage: slugSchema,
  school: z.string().trim().min(1).max(150).optional(),
  managerEmail: workEmailSchema.optional(),
  /** Date of the next careers discussion, YYYY-MM-DD. */
  nextDiscussion: isoDateSchema.optional(),
  /** Free text from the HR export ("job title" or "role" column); grants nothing. */
  jobTitle: z.string().trim().min(1).max(150).optional(),
  /** When the person joined, YYYY-MM-DD. */
  startDate: isoDateSchema.optional(),
});
export type StaffImportRow = z.infer<typeof staffImportRowSchema>;

export const STAFF_REQUIRED_FIELDS = ['email', 'name', 'pathway', 'stage'] as const;
/**
 * Optional fields. Header names are matched case-insensitively ignoring spaces, `_`, `-` and `.`, so `managerEmail`,
 * `manageremail`, `manager_email` and `Manager Email` are the same column (likewise `next_discussion`, `Job Title`
 * and `start_date`). HR exports often call the job title `role`: that column is read as the job title and never
 * grants admin rights (`ADMIN_EMAILS` and `nextstep admin grant` do that).
 */
export const STAFF_OPTIONAL_FIELDS = ['school', 'managerEmail', 'nextDiscussion', 'jobTitle', 'role', 'startDate'] as const;

const SPEC: RecordSpec = { required: STAFF_REQUIRED_FIELDS, optional: STAFF_OPTIONAL_FIELDS, collection: 'staff' };
const FIELD_ORDER: readonly string[] = [...STAFF_REQUIRED_FIELDS, ...STAFF_OPTIONAL_FIELDS];

export type ParseStaffDirectoryResult = { ok: true; staff: StaffImportRow[] } | { ok: false; problems: string[] };

function checkStaffRow(
  record: ImportRecord,
  map: CareerMap,
  seenEmails: Map<string, string>,
): ReturnType<RecordCheck<StaffImportRow>> {
  const check = createRowCheck(record, FIELD_ORDER);
  const candidate = check.candidate;
  const lower = (text: string): string => text.toLowerCase();

  check.requireFields(STAFF_REQUIRED_FIELDS);
  check.take('email', asText, normaliseEmail);
  check.take('name', asText);
  check.take('pathway', asText, lower);
  check.take('stage', asText, lower);
  check.take('school', asText);
  check.take('managerEmail', asText, normaliseEmail);
  check.take('nextDiscussion', asUkOrIsoDate);
  check.take('jobTitle', asText);
  check.take('role', asText);
  check.take('startDate', asUkOrIsoDate);
  // A `role` column is the job title under another name; a `jobTitle` column wins when a file has both.
  if (candidate.jobTitle === undefined && candidate.role !== undefined) candidate.jobTitle = candidate.role;
  delete candidate.role;

  const parsed = staffImportRowSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? '');
      const field = path === 'jobTitle' && record.values.jobTitle === undefined ? 'role' : path;
      if (check.isBad(field)) continue;
      check.report(field, describeIssue(issue));
    }
  }

  const pathway = candidate.pathway as string | undefined;
  const stage = candidate.stage as string | undefined;
  if (pathway !== undefined && !check.isBad('pathway')) {
    const problem = unknownPathwayProblem(map, pathway);
    if (problem) check.report('pathway', problem);
    else if (stage !== undefined && !check.isBad('stage')) {
      const wrongStage = stageProblem(map, stage, [pathway]);
      if (wrongStage) check.report('stage', wrongStage);
    }
  }

  const email = candidate.email as string | undefined;
  const emailReadable = email !== undefined && !check.isBad('email');
  check.unique('email', seenEmails);
  if (emailReadable && candidate.managerEmail === email && !check.isBad('managerEmail')) {
    check.report('managerEmail', 'a person cannot be their own manager');
  }

  const problems = check.problems();
  if (problems.length > 0 || !parsed.success) return { problems };
  return { problems, value: parsed.data };
}

/**
 * Reads and validates a staff directory (CSV, YAML or JSON) against the organisation's career map: e-mails are
 * lower-cased and must be unique, the pathway must exist and the stage must belong to that pathway, dates may be written
 * 15/03/2027 or 2027-03-15, and a `role` or `job title` column is kept as the job title. All problems are collected (capped at 200 lines plus a summary line); nothing is returned unless every row
 * is valid. Managers need not appear in the same file.
 */
export function parseStaffDirectory(
  input: ImportFileInput,
  map: CareerMap,
  options: DecodeOptions = {},
): ParseStaffDirectoryResult {
  const result = validateRecords(input, SPEC, options, (record, seen) => checkStaffRow(record, map, seen));
  return result.ok ? { ok: true, staff: result.values } : result;
}
