/**
 * `${{NAME}}` placeholder handling for the Teams manifest template, plus the app-id rules used by
 * `npm run package:teams`.
 */
import { createHash } from 'node:crypto';

/** Matches `${{NAME}}` (same token style as the Microsoft 365 Agents Toolkit). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export class PlaceholderError extends Error {
  constructor(readonly missing: string[]) {
    super(`no value for manifest placeholder(s): ${missing.join(', ')}`);
    this.name = 'PlaceholderError';
  }
}

function walkStrings(value: unknown, visit: (s: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, visit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walkStrings(v, visit);
    return out;
  }
  return value;
}

/** Names of every `${{NAME}}` placeholder found in string values, sorted and de-duplicated. */
export function findPlaceholders(value: unknown): string[] {
  const names = new Set<string>();
  walkStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
    return s;
  });
  return [...names].sort();
}

/**
 * Returns a deep copy of `value` with every `${{NAME}}` in string values replaced by `vars[NAME]`.
 * Works on parsed JSON (never on raw text), so a value can never break the JSON structure.
 * Throws PlaceholderError naming every placeholder that has no (non-empty) value.
 */
export function substitutePlaceholders<T>(value: T, vars: Readonly<Record<string, string | undefined>>): T {
  const missing = findPlaceholders(value).filter((name) => !vars[name]);
  if (missing.length > 0) throw new PlaceholderError(missing);
  return walkStrings(value, (s) => s.replace(PLACEHOLDER, (_whole, name: string) => vars[name] ?? '')) as T;
}

/**
 * Namespace for deriving the Teams app id. Fixed forever: changing it would give every existing
 * deployment a new Teams app id (Teams would treat the package as a different app).
 */
export const TEAMS_APP_ID_NAMESPACE = '6f3c1f9e-8a52-4c1b-9d7e-2b4a5e0c7d31';

/**
 * RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in `namespace`. Deterministic: the same
 * inputs always give the same UUID.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!isGuid(namespace)) throw new Error(`namespace is not a GUID: ${namespace}`);
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The default Teams app id: a UUID v5 of the (lower-cased) bot app id. Stable per bot. */
export function deriveTeamsAppId(microsoftAppId: string): string {
  return uuidV5(microsoftAppId.toLowerCase(), TEAMS_APP_ID_NAMESPACE);
}

export interface TeamsIds {
  MICROSOFT_APP_ID: string;
  TEAMS_APP_ID: string;
  /** True when TEAMS_APP_ID was derived rather than given. */
  teamsAppIdDerived: boolean;
}

/**
 * Reads the ids the manifest needs from an environment. Throws an Error whose message is one line
 * suitable for printing as-is.
 */
export function resolveTeamsIds(env: Readonly<Record<string, string | undefined>>): TeamsIds {
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (!appId) {
    throw new Error('MICROSOFT_APP_ID is not set: set it to the bot\'s Microsoft App ID (a GUID) and try again.');
  }
  if (!isGuid(appId)) {
    throw new Error(`MICROSOFT_APP_ID must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${appId}".`);
  }
  const given = env.TEAMS_APP_ID?.trim();
  if (given && !isGuid(given)) {
    throw new Error(`TEAMS_APP_ID must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${given}".`);
  }
  return {
    MICROSOFT_APP_ID: appId.toLowerCase(),
    TEAMS_APP_ID: given ? given.toLowerCase() : deriveTeamsAppId(appId),
    teamsAppIdDerived: !given,
  };
}
