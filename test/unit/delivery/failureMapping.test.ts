import { expect } from '@jest/globals';
import { webApi } from '@slack/bolt';
import { classifySlackFailure } from '../../../src/channels/slack/slackTransport';
import { classifyTeamsFailure, retryAfterMs } from '../../../src/channels/teams/teamsTransport';

const restError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`status ${statusCode}`), {
    statusCode,
    response: { status: statusCode, headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });

describe('Teams failures', () => {
  it('honours Retry-After on 429, in seconds or as an HTTP date', () => {
    expect(classifyTeamsFailure(restError(429, { 'retry-after': '3' }))).toMatchObject({ kind: 'rateLimited', retryAfterMs: 3000 });
    expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('never retries an uninstalled or blocked bot, a vanished conversation or refused credentials', () => {
    expect(classifyTeamsFailure(restError(403))).toMatchObject({ kind: 'permanent', message: expect.stringContaining('uninstalled or blocked') });
    expect(classifyTeamsFailure(restError(404))).toMatchObject({ kind: 'permanent', message: expect.stringContaining('no longer exists') });
    expect(classifyTeamsFailure(restError(401)).kind).toBe('permanent');
    expect(classifyTeamsFailure(restError(400)).kind).toBe('permanent');
  });

  it('retries 5xx, 412 and network timeouts', () => {
    for (const status of [500, 502, 503, 412]) expect(classifyTeamsFailure(restError(status)).kind).toBe('transient');
    expect(classifyTeamsFailure(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })).kind).toBe('transient');
  });
});

describe('Slack failures', () => {
  const platform = (error: string) => Object.assign(new Error(error), { code: webApi.ErrorCode.PlatformError, data: { ok: false, error } });

  it('waits for Retry-After when rate limited', () => {
    const limited = Object.assign(new Error('rate limited'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(classifySlackFailure(limited)).toMatchObject({ kind: 'rateLimited', retryAfterMs: 30_000 });
  });

  it('never retries people or channels that are gone', () => {
    for (const error of ['channel_not_found', 'account_inactive', 'user_not_found', 'is_archived', 'token_revoked']) {
      expect(classifySlackFailure(platform(error))).toMatchObject({ kind: 'permanent', message: `Slack answered ${error}` });
    }
  });

  it('retries server trouble', () => {
    expect(classifySlackFailure(platform('internal_error')).kind).toBe('transient');
    expect(classifySlackFailure(Object.assign(new Error('socket hang up'), { code: webApi.ErrorCode.RequestError })).kind).toBe('transient');
    expect(classifySlackFailure(Object.assign(new Error('bad gateway'), { code: webApi.ErrorCode.HTTPError, statusCode: 502 })).kind).toBe('transient');
  });
});
