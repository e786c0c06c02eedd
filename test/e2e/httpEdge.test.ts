import { expect } from '@jest/globals';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { messageActivity } from '../support/activities';
import { rawRequest, type RawResponse } from '../support/rawRequest';
import { useTeamsApp } from '../support/useTeamsApp';

function expectJsonError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/json/);
  const body = JSON.parse(response.text) as Record<string, unknown>;
  expect(body).toEqual({ code, message: expect.any(String) });
  expect(response.text).not.toMatch(/zlib|Z_DATA_ERROR|SyntaxError|at .*\.(js|ts):\d+|Unexpected token/);
}

describe('the HTTP edge of /api/messages', () => {
  const bot = useTeamsApp();
  const who = () => ({ serviceUrl: bot.connector.url, conversationId: 'edge', userId: 'edge-user' });
  const activity = () => JSON.stringify(messageActivity(who(), 'hi'));
  const post = (headers: Record<string, string>, body: Buffer | string | (() => AsyncIterable<Buffer>)) =>
    rawRequest(bot.app.baseUrl, '/api/messages', { headers, body });
  const healthy = async () => expect((await rawRequest(bot.app.baseUrl, '/healthz', { method: 'GET' })).status).toBe(200);

  it('refuses a body that claims to be gzip but is not, and stays up', async () => {
    const response = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, Buffer.from('definitely not gzip'));
    expectJsonError(response, 415, 'UnsupportedMediaType');
    await healthy();
  });

  it('refuses a gzip bomb without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    const response = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    expectJsonError(response, 415, 'UnsupportedMediaType');
    for (const encoding of ['deflate', 'br', 'gzip, identity', 'x-unknown']) {
      expectJsonError(await post({ 'content-type': 'application/json', 'content-encoding': encoding }, activity()), 415, 'UnsupportedMediaType');
    }
    await healthy();
  });

  it('does not parse multipart bodies and leaves nothing in the temp directory', async () => {
    const before = readdirSync(tmpdir()).length;
    const boundary = 'xyz';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${'A'.repeat(100_000)}\r\n--${boundary}--\r\n`;
    const response = await post({ 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
    expectJsonError(response, 415, 'UnsupportedMediaType');
    expect(readdirSync(tmpdir()).length).toBeLessThanOrEqual(before);
  });

  it.each(['text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', ''])('refuses Content-Type %j with 415', async (type) => {
    expectJsonError(await post(type ? { 'content-type': type } : {}, activity()), 415, 'UnsupportedMediaType');
  });

  it('accepts application/json with a UTF-8 charset and refuses other charsets', async () => {
    expect((await post({ 'content-type': 'application/json; charset=utf-8' }, activity())).status).toBe(200);
    expect((await post({ 'content-type': 'Application/JSON;charset="UTF-8"' }, activity())).status).toBe(200);
    expectJsonError(await post({ 'content-type': 'application/json; charset=utf-16' }, activity()), 415, 'UnsupportedMediaType');
  });

  it('answers an oversized body with a 413 JSON error, with or without a Content-Length', async () => {
    const big = JSON.stringify({ ...messageActivity(who(), 'x'.repeat(400 * 1024)) });
    expectJsonError(await post({ 'content-type': 'application/json' }, big), 413, 'PayloadTooLarge');
    const chunked = async function* () {
      for (let i = 0; i < 40; i += 1) yield Buffer.alloc(16 * 1024, 0x20);
    };
    expectJsonError(await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunked), 413, 'PayloadTooLarge');
    await healthy();
  });

  it('refuses invalid JSON, invalid UTF-8, non-objects and 10,000-deep nesting with a 400', async () => {
    expectJsonError(await post({ 'content-type': 'application/json' }, '{"type": "message",'), 400, 'BadRequest');
    expectJsonError(await post({ 'content-type': 'application/json' }, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'BadRequest');
    for (const body of ['null', '[]', '42', '"text"', 'true']) expectJsonError(await post({ 'content-type': 'application/json' }, body), 400, 'BadRequest');
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expectJsonError(await post({ 'content-type': 'application/json' }, deep), 400, 'BadRequest');
    const deepValue = JSON.stringify({ ...messageActivity(who(), 'hi'), value: 0 }).replace('"value":0', `"value":${'{"a":'.repeat(100)}1${'}'.repeat(100)}`);
    expectJsonError(await post({ 'content-type': 'application/json' }, deepValue), 400, 'BadRequest');
    await healthy();
  });

  const malformed: [string, Record<string, unknown>][] = [
    ['a non-string locale', { locale: 42 }],
    ['a non-boolean conversation.isGroup', { conversation: { id: 'edge', isGroup: 'yes' } }],
    ['non-array entities', { entities: 'mention' }],
    ['entities that are not objects', { entities: [1, 'two'] }],
    ['no recipient', { recipient: undefined }],
    ['a recipient without id', { recipient: { name: 'bot' } }],
    ['a non-string text', { text: { toString: 'x' } }],
    ['a non-array attachments', { attachments: {} }],
    ['a ftp serviceUrl', { serviceUrl: 'ftp://example.org/' }],
    ['a timestamp that is not a date', { timestamp: 'yesterday-ish' }],
    ['a non-object channelData', { channelData: 'x' }],
  ];

  it.each(malformed)('refuses an activity with %s as a 400 before any turn runs', async (_name, patch) => {
    bot.connector.clear();
    const body = { ...messageActivity(who(), 'hi'), ...patch };
    const response = await post({ 'content-type': 'application/json' }, JSON.stringify(body));
    expectJsonError(response, 400, 'BadRequest');
    expect(bot.connector.sent).toEqual([]);
  });

  it('answers unknown routes and methods with JSON', async () => {
    const missing = await rawRequest(bot.app.baseUrl, '/nope', { method: 'GET' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const wrongMethod = await rawRequest(bot.app.baseUrl, '/api/messages', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(JSON.parse(wrongMethod.text)).toMatchObject({ code: expect.any(String) });
  });

  it('gives up on a serviceUrl that never answers and still answers the request', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = http.createServer(() => undefined);
    silent.on('connection', (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const body = messageActivity({ serviceUrl: `http://127.0.0.1:${port}/`, conversationId: 'silent', userId: 'silent-user' }, 'hi');
      const response = await post({ 'content-type': 'application/json' }, JSON.stringify(body));
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      await healthy();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 60_000);
});
