/**
 * Validates a Teams app manifest against the official JSON schema bundled in the installed
 * `@microsoft/app-manifest` package (read from disk; never fetched), plus a few documented Teams
 * limits that the schema itself does not enforce.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { TEAMS_MANIFEST_VERSION } from './paths';
import { findPlaceholders } from './substitute';

export interface ManifestIssue {
  /** JSON Pointer to the offending value, e.g. `/bots/0/botId` ('' is the document root). */
  path: string;
  message: string;
  /** 'schema' = the official Microsoft schema; 'rule' = NextStep's extra checks. */
  source: 'schema' | 'rule';
}

/** Limits from the Teams bot command documentation (stricter than the v1.30 schema's 128/12). */
export const MAX_COMMANDS_PER_LIST = 10;
export const MAX_COMMAND_TITLE = 32;
export const MAX_COMMAND_DESCRIPTION = 128;

/** Absolute path of the bundled schema file for a manifest version such as '1.30'. */
export function teamsSchemaPath(version: string = TEAMS_MANIFEST_VERSION): string {
  const pkgDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  return path.join(pkgDir, 'build', 'json-schemas', 'teams', dir, 'MicrosoftTeams.schema.json');
}

/** Official schema URL for a version (what `$schema` in the manifest should say). */
export function teamsSchemaUrl(version: string = TEAMS_MANIFEST_VERSION): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}

/** Loads the bundled schema. Applies the same regex clean-up the package itself applies. */
export function loadTeamsSchema(version: string = TEAMS_MANIFEST_VERSION): Record<string, unknown> {
  const file = teamsSchemaPath(version);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the installed @microsoft/app-manifest has no Teams schema for v${version} (${file})`);
  }
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();

/** The compiled validator for a version (draft-04, as the Teams schemas declare). Cached. */
export function teamsSchemaValidator(version: string = TEAMS_MANIFEST_VERSION): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const schema = loadTeamsSchema(version);
    // Same options as @microsoft/app-manifest's own AppManifestUtils.validateAgainstSchema.
    const ajv = new Ajv04({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    compiled.set(version, validate);
  }
  return validate;
}

function toIssue(error: ErrorObject): ManifestIssue {
  const params = error.params as Record<string, unknown>;
  let at = error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    at = `${at}/${params.missingProperty}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    at = `${at}/${params.additionalProperty}`;
    message = 'is not allowed here (unknown property)';
  } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'const') {
    message = `must be ${JSON.stringify(params.allowedValue)}`;
  }
  return { path: at, message, source: 'schema' };
}

/** Official-schema errors only. An empty array means the manifest is schema-valid. */
export function validateAgainstTeamsSchema(manifest: unknown, version: string = TEAMS_MANIFEST_VERSION): ManifestIssue[] {
  const validate = teamsSchemaValidator(version);
  // Validate exactly what would be written to disk.
  const data: unknown = JSON.parse(JSON.stringify(manifest));
  if (validate(data)) return [];
  const seen = new Set<string>();
  const issues: ManifestIssue[] = [];
  for (const issue of (validate.errors ?? []).map(toIssue)) {
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** NextStep's extra checks: documented Teams limits and template hygiene. */
export function checkTeamsManifestRules(manifest: unknown, version: string = TEAMS_MANIFEST_VERSION): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const rule = (p: string, message: string): void => {
    issues.push({ path: p, message, source: 'rule' });
  };
  if (!isRecord(manifest)) {
    rule('', 'manifest must be a JSON object');
    return issues;
  }
  if (manifest.manifestVersion !== version) rule('/manifestVersion', `must be "${version}"`);
  if (manifest.$schema !== teamsSchemaUrl(version)) rule('/$schema', `must be "${teamsSchemaUrl(version)}"`);
  for (const name of findPlaceholders(manifest)) rule('', `placeholder \${{${name}}} was not substituted`);

  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  bots.forEach((bot, b) => {
    if (!isRecord(bot) || !Array.isArray(bot.commandLists)) return;
    bot.commandLists.forEach((list, l) => {
      if (!isRecord(list) || !Array.isArray(list.commands)) return;
      const base = `/bots/${b}/commandLists/${l}/commands`;
      if (list.commands.length > MAX_COMMANDS_PER_LIST) {
        rule(base, `has ${list.commands.length} commands; Teams shows at most ${MAX_COMMANDS_PER_LIST}`);
      }
      list.commands.forEach((command, c) => {
        if (!isRecord(command)) return;
        const { title, description } = command;
        if (typeof title === 'string' && title.length > MAX_COMMAND_TITLE) {
          rule(`${base}/${c}/title`, `is ${title.length} characters; Teams allows at most ${MAX_COMMAND_TITLE}`);
        }
        if (typeof description === 'string' && description.length > MAX_COMMAND_DESCRIPTION) {
          rule(
            `${base}/${c}/description`,
            `is ${description.length} characters; Teams allows at most ${MAX_COMMAND_DESCRIPTION}`,
          );
        }
      });
    });
  });
  return issues;
}

/** Official schema errors followed by NextStep's extra checks. Empty means ready to package. */
export function validateTeamsManifest(manifest: unknown, version: string = TEAMS_MANIFEST_VERSION): ManifestIssue[] {
  return [...validateAgainstTeamsSchema(manifest, version), ...checkTeamsManifestRules(manifest, version)];
}

export function formatIssue(issue: ManifestIssue): string {
  return `${issue.path || '/'}: ${issue.message}${issue.source === 'rule' ? ' (NextStep rule)' : ''}`;
}
