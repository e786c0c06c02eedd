import { gzipSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { messageActivity, submitActivity } from './activities';
import type { FakeBotIdentity } from './fakeBotIdentity';
import { slackMessageEvent, slackSignature } from './slackSigning';

/** One generated request. `expect` says what a correct server must do with it. */
export interface FuzzRequest {
  kind: string;
  target: 'local' | 'auth';
  path: '/api/messages' | '/slack/events';
  headers: Record<string, string>;
  body: Buffer | string;
  /** A Teams message from a real person: must get 200 and a reply. */
  expectReply?: string;
  /** A Teams user the stand-in connector should know (with an email) before the request is sent. */
  member?: string;
  /** A Slack event: its channel, to count how often it was processed. */
  slackChannel?: string;
}

export const PROTO_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];

const UNICODE_EDGES = ['\u0000', '\uFEFF', '\u202E', '\uD800', '\uDFFF', '😀', '👩🏽‍🏫', 'é', 'ﬀ', '\u200B', '\r\n', 'İ', 'ß', '\u2028', '𝕳𝖊𝖑𝖑𝖔'];

export interface FuzzContext {
  serviceUrl: string;
  identity: FakeBotIdentity;
  appId: string;
  normalEmail: string;
}

const protoWord = fc.constantFrom(...PROTO_WORDS);
const oddText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(protoWord, fc.constantFrom(...UNICODE_EDGES), fc.constantFrom('what next', 'my plan', 'help', 'delete my data', 'I did a 2-day course', 'show me NPQs')), { maxLength: 6 }).map((words) => words.join(' ')),
  fc.constant('x'.repeat(5000)),
);

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1e308, '', true, [], {}, [[]], '$where', { $gt: '' }, '../../etc/passwd', 'normal@school.org', 'DROP TABLE staff;'),
  protoWord,
  oddText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(protoWord, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const ACTIONS = ['saveOpportunity', 'setPlanStatus', 'logCpd', 'submitOnboarding', 'browsePage', 'runIntent', 'confirmDeleteData', 'markInterest', 'nonsense', ...PROTO_WORDS];
const ACTIVITY_FIELDS = ['type', 'text', 'from', 'recipient', 'conversation', 'value', 'channelData', 'serviceUrl', 'name', 'locale', 'entities', 'attachments', 'timestamp', 'channelId', 'membersAdded', ...PROTO_WORDS];

let counter = 0;
const nextId = () => `${++counter}`;

function json(target: FuzzRequest['target'], kind: string, body: unknown, extra: Partial<FuzzRequest> = {}): FuzzRequest {
  return { kind, target, path: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...extra };
}

/** Replaces `"__proto__"`-style keys in the JSON text itself (JSON.stringify would drop a real __proto__). */
function withProtoKeys(text: string, word: string): string {
  return text.replace(/^\{/, `{"${word}":{"${word}":{"polluted":true}},`);
}

export function fuzzRequests(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const who = (id: string) => ({ serviceUrl: ctx.serviceUrl, conversationId: `fuzz-${id}`, userId: `fuzz-user-${id}` });
  const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x7b));

  const teamsMessage = oddText.map((text) => {
    const id = nextId();
    return json('local', 'teams message', messageActivity(who(id), text), { expectReply: `fuzz-${id}` });
  });
  const protoTextMessage = fc.array(protoWord, { minLength: 1, maxLength: 4 }).map((words) => {
    const id = nextId();
    return json('local', 'prototype words in text', messageActivity(who(id), `what next ${words.join(' ')}`), { expectReply: `fuzz-${id}` });
  });
  const malformedActivity = fc.dictionary(fc.constantFrom(...ACTIVITY_FIELDS), oddValue, { minKeys: 1, maxKeys: 4 }).map((patch) =>
    json('local', 'malformed activity', { ...messageActivity(who(nextId()), 'hi'), ...patch }),
  );
  const cardSubmit = fc
    .record({ action: fc.constantFrom(...ACTIONS), fields: fc.dictionary(fc.constantFrom('opportunityId', 'status', 'page', 'days', 'date', 'title', 'pathway', 'stage', 'email', 'managerEmail', 'intent', ...PROTO_WORDS), oddValue, { maxKeys: 5 }) })
    .map(({ action, fields }) => {
      // One person per submit: concurrent turns for one conversation are a different test.
      const id = nextId();
      return json('local', 'card submit', submitActivity(who(id), { ...fields, action }), { member: `fuzz-user-${id}` });
    });
  const protoKeys = fc.tuple(protoWord, fc.boolean()).map(([word, inValue]) => {
    const activity = inValue ? submitActivity(who(nextId()), { action: 'saveOpportunity', opportunityId: 'trust-induction' }) : messageActivity(who(nextId()), 'hi');
    return { ...json('local', 'prototype keys in payload', {}), body: withProtoKeys(JSON.stringify(activity), word) };
  });
  const badJson = fc
    .oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"type":', '{"type":"message"', 'null', '[]', '42', '"x"', 'true', '{"a":1}}', '\uFEFF{}', 'NaN'))
    .map((body) => ({ ...json('local', 'bad JSON', {}), body }));
  const wrongType = fc
    .constantFrom('text/csv', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', '', 'application/octet-stream')
    .map((type): FuzzRequest => ({ ...json('local', 'wrong content type', messageActivity(who(nextId()), 'hi')), headers: type ? { 'content-type': type } : {} }));
  const encodings = fc.constantFrom('invalid gzip', 'gzip bomb', 'deflate', 'br', 'gzip valid').map((variant) => {
    const activity = Buffer.from(JSON.stringify(messageActivity(who(nextId()), 'hi')));
    const body = variant === 'invalid gzip' ? Buffer.from('not gzip at all') : variant === 'gzip bomb' ? bomb : variant === 'deflate' ? deflateSync(activity) : variant === 'gzip valid' ? gzipSync(activity) : activity;
    const encoding = variant === 'deflate' ? 'deflate' : variant === 'br' ? 'br' : 'gzip';
    return { ...json('local', `encoding: ${variant}`, {}), headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body };
  });
  const huge = fc.integer({ min: 257, max: 1024 }).map((kb) => json('local', 'huge body', messageActivity(who(nextId()), 'x'.repeat(kb * 1024))));
  const deep = fc.integer({ min: 65, max: 20_000 }).map((depth) => {
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return { ...json('local', 'deep nesting', {}), body: JSON.stringify({ ...messageActivity(who(nextId()), 'hi'), value: 0 }).replace('"value":0', `"value":${nested}`) };
  });

  const forgedToken = fc
    .constantFrom('none', 'hs256-public', 'expired', 'future', 'audience', 'issuer', 'garbage', 'missing', 'service-url', 'unknown-kid')
    .map((variant) => {
      const now = Math.floor(Date.now() / 1000);
      const sign = (options: Parameters<FakeBotIdentity['token']>[2] = {}, appId = ctx.appId, serviceUrl = ctx.serviceUrl) => ctx.identity.token(appId, serviceUrl, options);
      const tokens: Record<string, string> = {
        none: sign({ mode: 'none' }),
        'hs256-public': sign({ mode: 'hs256-public' }),
        expired: sign({ claims: { exp: now - 7200, nbf: now - 9000 } }),
        future: sign({ claims: { nbf: now + 7200 } }),
        audience: sign({}, 'not-our-app'),
        issuer: sign({ claims: { iss: 'https://evil.example' } }),
        garbage: 'eyJ.eyJ.sig',
        missing: '',
        'service-url': sign({}, ctx.appId, 'https://elsewhere.example/'),
        'unknown-kid': sign({ header: { kid: 'nope' } }),
      };
      const token = tokens[variant] ?? '';
      const request = json('auth', `forged token: ${variant}`, messageActivity(who(nextId()), 'what next'));
      return token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } } : request;
    });

  const slackEvent = fc.constantFrom('help', 'what next', 'constructor', '__proto__ toString').map((text) => {
    const id = nextId();
    const body = slackMessageEvent(`Ev-fuzz-${id}`, `U-fuzz-${id}`, text, `D-fuzz-${id}`);
    return { kind: 'slack event', target: 'local' as const, path: '/slack/events' as const, headers: { 'content-type': 'application/json', ...slackSignature(body) }, body, slackChannel: `D-fuzz-${id}` };
  });
  const slackMalformed = fc
    .oneof(
      fc.constantFrom('null', '[]', '42', '"x"', '{}', '{"type":"event_callback"}', '{"type":5}', '{'),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
      fc.dictionary(fc.oneof(protoWord, fc.string({ maxLength: 8 })), oddValue, { maxKeys: 4 }).map((value) => JSON.stringify(value)),
    )
    .map((body) => ({ kind: 'slack malformed but signed', target: 'local' as const, path: '/slack/events' as const, headers: { 'content-type': 'application/json', ...slackSignature(body) }, body }));
  const slackForm = fc
    .oneof(fc.string({ maxLength: 80 }), fc.constantFrom('payload=null', 'payload=%5B%5D', 'payload={', 'command=', `payload=${encodeURIComponent('{"type":"block_actions","__proto__":{"x":1}}')}`))
    .map((body) => ({ kind: 'slack form', target: 'local' as const, path: '/slack/events' as const, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body) }, body }));
  const slackForged = fc.constantFrom('bad signature', 'future', 'stale', 'unsigned').map((variant) => {
    const body = slackMessageEvent(`Ev-forged-${nextId()}`, 'U-forged', 'what next');
    const now = Math.floor(Date.now() / 1000);
    const headers =
      variant === 'bad signature' ? slackSignature(body, { secret: 'wrong' }) : variant === 'future' ? slackSignature(body, { timestamp: now + 3600 }) : variant === 'stale' ? slackSignature(body, { timestamp: now - 3600 }) : {};
    return { kind: `slack forged: ${variant}`, target: 'local' as const, path: '/slack/events' as const, headers: { 'content-type': 'application/json', ...headers }, body };
  });
  const slackHuge = fc.integer({ min: 257, max: 600 }).map((kb) => {
    const body = slackMessageEvent(`Ev-big-${nextId()}`, 'U-big', 'x'.repeat(kb * 1024));
    return { kind: 'slack huge', target: 'local' as const, path: '/slack/events' as const, headers: { 'content-type': 'application/json', ...slackSignature(body) }, body };
  });

  // Turns are costly on a shared 2-core machine; refusals are cheap. These weights keep roughly one
  // request in ten a full turn, so 2,000 requests stay well under a minute.
  return fc.oneof(
    { arbitrary: teamsMessage, weight: 1 },
    { arbitrary: protoTextMessage, weight: 1 },
    { arbitrary: malformedActivity, weight: 2 },
    { arbitrary: cardSubmit, weight: 1 },
    { arbitrary: protoKeys, weight: 1 },
    { arbitrary: badJson, weight: 6 },
    { arbitrary: wrongType, weight: 5 },
    { arbitrary: encodings, weight: 5 },
    { arbitrary: huge, weight: 2 },
    { arbitrary: deep, weight: 3 },
    { arbitrary: forgedToken, weight: 8 },
    { arbitrary: slackEvent, weight: 1 },
    { arbitrary: slackMalformed, weight: 6 },
    { arbitrary: slackForm, weight: 5 },
    { arbitrary: slackForged, weight: 5 },
    { arbitrary: slackHuge, weight: 2 },
  );
}
