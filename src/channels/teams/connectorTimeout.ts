import type { ConnectorClientOptions } from 'botframework-connector';

/** Longest a single call to the Bot Connector (replies, member lookups) may take. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

interface WebResourceLike {
  timeout: number;
}
interface RequestPolicyLike {
  sendRequest(request: WebResourceLike): Promise<unknown>;
}

/**
 * Client options that give every Bot Connector request a timeout: a caller-supplied serviceUrl that
 * never answers cannot hold a turn (and the HTTP request behind it) for ever.
 */
export function connectorClientOptions(timeoutMs = CONNECTOR_TIMEOUT_MS): ConnectorClientOptions {
  const timeoutPolicy = {
    create: (next: RequestPolicyLike): RequestPolicyLike => ({
      sendRequest: (request) => {
        request.timeout = request.timeout > 0 ? Math.min(request.timeout, timeoutMs) : timeoutMs;
        return next.sendRequest(request);
      },
    }),
  };
  return { requestPolicyFactories: [timeoutPolicy] } as unknown as ConnectorClientOptions;
}
