import { jsonNestingExceeds } from '../lib/jsonDepth';
import { refusals } from './httpError';

/** Deeper JSON than this is refused before parsing; real activities and Slack payloads nest < 15 levels. */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses a JSON body; anything wrong is a 400 with our own wording. */
export function parseJsonText(text: string): unknown {
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
    throw refusals.badRequest(`The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw refusals.badRequest('The body is not valid JSON.');
  }
}

export function decodeUtf8(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw refusals.badRequest('The body is not valid UTF-8.');
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
