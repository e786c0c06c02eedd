import type { z } from 'zod';

/** Most problem lines returned by one import; the rest are summarised in a final line. */
export const MAX_PROBLEMS = 200;

/**
 * Keeps the first `max` problems and, when there were more, appends "…and N more problems".
 * (So a capped list has `max + 1` lines.)
 */
export function capProblems(problems: readonly string[], max: number = MAX_PROBLEMS): string[] {
  if (problems.length <= max) return [...problems];
  const rest = problems.length - max;
  return [...problems.slice(0, max), `…and ${rest} more problem${rest === 1 ? '' : 's'}`];
}

/** Quotes a value for a message, shortening long text. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  else if (value === null) return 'null';
  else if (Array.isArray(value)) return 'a list';
  else if (typeof value === 'object') return 'a set of fields';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only undefined, symbols and functions are left here
  else text = String(value);
  if (text.length > 60) text = `${text.slice(0, 57)}…`;
  return JSON.stringify(text);
}

/** "a, b, c" — or the first `max` then "…" for long lists. */
export function listValues(values: readonly string[], max = 20): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, …`;
}

/** Plain description of a value's type, for "must be text (got a list)". */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true/false';
    default:
      return 'a set of fields';
  }
}

/** Renders an issue path as `pathways[1].stages[2].id` (indexes are 0-based, as in JSON/YAML tooling). */
export function renderPath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of issuePath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const EXPECTED_TYPE: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a set of fields',
};

/**
 * Describes a zod issue in plain English, without its path. Pass issues from a `safeParse(…, { reportInput: true })`
 * so the offending value can be quoted.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const input: unknown = (issue as { input?: unknown }).input;
  const shown = typeof input === 'string' || typeof input === 'number' ? `${quote(input)} ` : '';
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'is required';
      const expected = EXPECTED_TYPE[issue.expected] ?? `must be ${issue.expected}`;
      return `${expected} (got ${describeType(input)})`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `must list at least ${min} item${min === 1 ? '' : 's'}`;
      }
      return issue.inclusive ? `${shown}must be at least ${min}` : `${shown}must be more than ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (it has ${input.length})` : '';
        return `must be at most ${max} characters${length}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at most ${max} items`;
      return issue.inclusive ? `${shown}must be at most ${max}` : `${shown}must be less than ${max}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => String(value));
      return `${quote(input)} is not allowed; use one of ${listValues(allowed, 30)}`;
    }
    case 'invalid_format': {
      if (issue.format === 'email') return `${shown}is not a valid email address`;
      if (issue.format === 'url') return `${shown}is not a valid web address (use a full link such as https://example.org/page)`;
      return `${shown}${issue.message}`;
    }
    case 'custom':
      return /^(must|is) /.test(issue.message) ? `${shown}${issue.message}` : issue.message;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}
