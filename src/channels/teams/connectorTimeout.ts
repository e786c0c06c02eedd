import type { ConnectorClientOptions } from 'botframework-connector';

/** Longest a single call to the Bot Connector (replies, member lookups) may take. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

/** The parts of the Azure SDK's WebResourceLike this client reads. */
interface WebResourceLike {
  url: string;
  method: string;
  body?: unknown;
  headers: { toJson(options?: { preserveCase?: boolean }): Record<string, string> };
}

function headersLike(headers: Headers): { toJson(): Record<string, string> } {
  const plain: Record<string, string> = Object.create(null) as Record<string, string>;
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return { toJson: () => ({ ...plain }) };
}

/**
 * The HTTP client botbuilder's ConnectorClient uses, with a hard timeout per call. botbuilder
 * exposes no timeout setting and replaces any request policies we pass, but it does pass an
 * `httpClient` through; requests arrive already serialised (JSON string bodies).
 */
export function connectorClientOptions(timeoutMs = CONNECTOR_TIMEOUT_MS): ConnectorClientOptions {
  const httpClient = {
    async sendRequest(request: WebResourceLike) {
      const body = request.body;
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        body: typeof body === 'string' || body instanceof Uint8Array ? body : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { request, status: response.status, headers: headersLike(response.headers), bodyAsText: await response.text() };
    },
  };
  return { httpClient } as unknown as ConnectorClientOptions;
}
