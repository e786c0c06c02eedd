import { LineCounter, parseDocument } from 'yaml';

export type StructuredResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

/** Limits YAML alias expansion ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** Parses a YAML document (YAML 1.2 core schema: dates stay text, duplicate keys refused). */
export function parseYamlText(text: string): StructuredResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const message = error.code === 'MULTIPLE_DOCS' ? 'the file holds several YAML documents (---); keep everything in one' : error.message;
        return `YAML syntax error at line ${line}, column ${col}: ${message}`;
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    return { ok: false, problems: [`cannot read the YAML: ${(error as Error).message}`] };
  }
}

/** Where a YAML parser (JSON is YAML) first trips over the text, for JSON errors V8 reports without a position. */
function yamlErrorPosition(text: string): number | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  return doc.errors[0]?.pos[0];
}

/** Parses JSON, reporting syntax errors with a line and column where they can be found. */
export function parseJsonText(text: string): StructuredResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8 messages look like `Expected ',' … in JSON at position 15` or `Unexpected token '}', "<the text>" is not valid JSON`.
    let message = (error as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    let position: number | undefined;
    const match = /^(.*?)(?: in JSON)? at position (\d+)/s.exec(message);
    if (match) {
      message = match[1] as string;
      position = Number(match[2]);
    } else {
      position = yamlErrorPosition(text);
    }
    if (position === undefined) return { ok: false, problems: [`JSON syntax error: ${message}`] };
    const { line, column } = lineAndColumn(text, position);
    return { ok: false, problems: [`JSON syntax error at line ${line}, column ${column}: ${message}`] };
  }
}

export function parseStructuredText(text: string, format: 'yaml' | 'json'): StructuredResult {
  return format === 'yaml' ? parseYamlText(text) : parseJsonText(text);
}
