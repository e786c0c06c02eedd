import type { Request } from 'restify';
import { checkBodyHeaders } from '../../../src/http/readBody';
import { HttpError } from '../../../src/http/httpError';
import { parseJsonText } from '../../../src/http/jsonBody';
import { jsonNestingExceeds } from '../../../src/lib/jsonDepth';
import { installLastResortHandlers } from '../../../src/lib/lastResort';
import { lookupTable } from '../../../src/lib/lookupTable';
import { createLogger } from '../../../src/logging/logger';

const rules = { limit: 1024, mediaTypes: ['application/json'] };
const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;
const statusOf = (run: () => unknown) => {
  try {
    run();
    return 0;
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
};

describe('JSON nesting depth', () => {
  it('counts brackets outside strings only, without recursion', () => {
    expect(jsonNestingExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(jsonNestingExceeds(JSON.stringify({ text: '[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ text: 'quote \\" then [[[[' }), 1)).toBe(false);
    expect(jsonNestingExceeds('['.repeat(1_000_000), 64)).toBe(true);
  });

  it('refuses deep or invalid JSON as a 400 and parses the rest', () => {
    expect(statusOf(() => parseJsonText(`${'['.repeat(65)}${']'.repeat(65)}`))).toBe(400);
    expect(statusOf(() => parseJsonText('{"a":'))).toBe(400);
    expect(parseJsonText('{"__proto__":{"polluted":true}}')).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('body headers', () => {
  it('accepts JSON in UTF-8 only, uncompressed, within the limit', () => {
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'application/json; charset=UTF-8' }), rules))).toBe(0);
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'application/json', 'content-encoding': 'identity' }), rules))).toBe(0);
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'application/json', 'content-encoding': 'gzip' }), rules))).toBe(415);
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'text/csv' }), rules))).toBe(415);
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'application/json; charset=iso-8859-1' }), rules))).toBe(415);
    expect(statusOf(() => checkBodyHeaders(request({ 'content-type': 'application/json', 'content-length': '1025' }), rules))).toBe(413);
  });
});

describe('lookup tables', () => {
  it('have no prototype, so user words such as "constructor" find nothing', () => {
    const table = lookupTable({ mon: 1 });
    expect(table.mon).toBe(1);
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(table[word]).toBeUndefined();
  });
});

describe('last-resort process handlers', () => {
  it('log an unhandled rejection and keep going; log an uncaught exception and exit 1', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    const before = { rejection: process.listeners('unhandledRejection'), exception: process.listeners('uncaughtException') };
    installLastResortHandlers(createLogger('info', { write: (line: string) => void lines.push(line) }), (code) => exits.push(code));
    try {
      process.emit('unhandledRejection', new Error('nobody awaited me'), Promise.resolve());
      expect(exits).toEqual([]);
      process.emit('uncaughtException', new Error('thrown from a callback'));
      expect(exits).toEqual([1]);
      expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['unhandled promise rejection', 'uncaught exception: exiting']);
    } finally {
      for (const listener of process.listeners('unhandledRejection')) if (!before.rejection.includes(listener)) process.off('unhandledRejection', listener);
      for (const listener of process.listeners('uncaughtException')) if (!before.exception.includes(listener)) process.off('uncaughtException', listener);
    }
  });
});
