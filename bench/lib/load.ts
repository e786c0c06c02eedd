import autocannon from 'autocannon';
import { messageActivity } from '../../test/support/activities';

export interface LoadResult {
  connections: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface Speaker {
  userId: string;
  conversationId: string;
}

/**
 * Drives `url` with `connections` concurrent conversations for `seconds`, each connection speaking as
 * its own user from `speakers` (so concurrent turns never share a conversation). With `rotate` (one
 * connection only) every request speaks as the next user in turn, so one run covers every speaker.
 * Latency percentiles come from every request; autocannon reports p97.5, so p95 is read from our
 * own samples.
 */
export async function drive(
  url: string,
  serviceUrl: string,
  speakers: readonly Speaker[],
  text: string,
  connections: number,
  seconds: number,
  options: { rotate?: boolean } = {},
): Promise<LoadResult> {
  if (options.rotate && connections !== 1) throw new Error('rotating speakers needs a single connection');
  let next = 0;
  const samples: number[] = [];
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: { body?: string }, context: Record<string, unknown>) => {
      if (context.speaker === undefined || options.rotate) context.speaker = speakers[next++ % speakers.length];
      const speaker = context.speaker as Speaker;
      context.started = performance.now();
      return { ...req, body: JSON.stringify(messageActivity({ serviceUrl, ...speaker }, text)) };
    },
  };
  // A long request list keeps each connection's context (its speaker) for the whole run.
  const requests = Array.from({ length: 100_000 }, () => ({
    ...request,
    onResponse: (_status: number, _body: string, context: Record<string, unknown>) => {
      samples.push(performance.now() - (context.started as number));
    },
  }));
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 30 });
  samples.sort((a, b) => a - b);
  const at = (p: number): number => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? NaN;
  return {
    connections,
    turnsPerSecond: result.requests.total / result.duration,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
