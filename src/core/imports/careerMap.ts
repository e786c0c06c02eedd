import { careerMapSchema, type CareerMap } from '../careerMap/schema';
import { capProblems, describeIssue, describeType, renderPath } from './problems';
import { decodeImportFile, detectFormat, type DecodeOptions, type ImportFileInput } from './readText';
import { parseStructuredText } from './structured';

export type ParseCareerMapResult = { ok: true; map: CareerMap } | { ok: false; problems: string[] };

/**
 * Reads and validates a career map document (YAML or JSON) shaped like `careerMapSchema`. Problems name the place in
 * the document as a path such as `pathways[1].stages[2].id` (indexes count from 0).
 */
export function parseCareerMap(input: ImportFileInput, options: DecodeOptions = {}): ParseCareerMapResult {
  const detected = detectFormat(input.fileName);
  if ('problems' in detected) return { ok: false, problems: detected.problems };
  if (detected.format === 'csv') {
    return {
      ok: false,
      problems: ['a career map cannot be imported from CSV; use a YAML (.yaml/.yml) or JSON (.json) file'],
    };
  }
  const decoded = decodeImportFile(input.bytes, input.fileName, options);
  if ('problems' in decoded) return { ok: false, problems: decoded.problems };
  const document = parseStructuredText(decoded.text, detected.format);
  if (!document.ok) return { ok: false, problems: capProblems(document.problems) };

  const value = document.value;
  if (value === null || value === undefined) return { ok: false, problems: ['file is empty'] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [`expected a career map: a set of fields with a "pathways" list (got ${describeType(value)})`],
    };
  }

  const parsed = careerMapSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      problems: capProblems(
        parsed.error.issues.map((issue) => {
          const where = renderPath(issue.path);
          return where === '' ? describeIssue(issue) : `${where}: ${describeIssue(issue)}`;
        }),
      ),
    };
  }

  return { ok: true, map: parsed.data };
}
