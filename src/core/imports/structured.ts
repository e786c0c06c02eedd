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

/** Parses JSON, reporting syntax errors with a line and column. */
export function parseJsonText(text: string): StructuredResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const match = /^(.*?)(?: in JSON)? at position (\d+)/.exec(message);
    if (match) {
      const { line, column } = lineAndColumn(text, Number(match[2]));
      return { ok: false, problems: [`JSON syntax error at line ${line}, column ${column}: ${match[1]}`] };
    }
    return { ok: false, problems: [`JSON syntax error: ${message}`] };
  }
}

export function parseStructuredText(text: string, format: 'yaml' | 'json'): StructuredResult {
  return format === 'yaml' ? parseYamlText(text) : parseJsonText(text);
}
