import { DelegateBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { DeliveryError } from './types';

export interface RetrySettings {
  /** Tries per claim, including the first. */
  triesPerClaim: number;
  /** First backoff for 5xx, 412 and timeouts; doubles each time, with jitter. */
  baseDelayMs: number;
  /** Longest Retry-After honoured in process; longer waits go back to the outbox with a notBefore. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { triesPerClaim: 3, baseDelayMs: 500, maxWaitMs: 60_000 };

const isRetryable = (error: Error) => !(error instanceof DeliveryError && error.kind === 'permanent');

/**
 * Retries within one claim: Retry-After on 429 (and `onRateLimited` pauses the whole workspace),
 * exponential backoff with jitter on 5xx/412/timeouts, never on permanent failures.
 */
export function deliveryRetryPolicy(settings: RetrySettings, onRateLimited: (retryAfterMs: number) => void): RetryPolicy {
  return retry(
    handleWhen((error) => isRetryable(error) && !(error instanceof DeliveryError && (error.retryAfterMs ?? 0) > settings.maxWaitMs)),
    {
      maxAttempts: settings.triesPerClaim - 1,
      backoff: new DelegateBackoff((context) => {
        const error = 'error' in context.result ? context.result.error : undefined;
        if (error instanceof DeliveryError && error.kind === 'rateLimited') {
          const wait = error.retryAfterMs ?? 1_000;
          onRateLimited(wait);
          return wait;
        }
        const exponential = settings.baseDelayMs * 2 ** (context.attempt - 1);
        return exponential / 2 + Math.random() * (exponential / 2);
      }),
    },
  );
}
