import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

const FETCH_TIMEOUT_MS = 5_000;
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
/** An unknown key id triggers a refresh at most this often, so forged key ids cannot make us hammer the issuer. */
const UNKNOWN_KID_REFRESH_MS = 5 * 60 * 1000;

const metadataSchema = z.object({ jwks_uri: z.url() });
const jwksSchema = z.object({
  keys: z.array(
    z
      .object({ kid: z.string(), kty: z.string(), n: z.string().optional(), e: z.string().optional(), endorsements: z.array(z.string()).optional() })
      .loose(),
  ),
});

export interface SigningKey {
  key: KeyObject;
  endorsements: string[];
}

/** The issuer's signing keys could not be fetched: our problem, not the caller's (503, not 401). */
export class KeySourceUnavailableError extends Error {
  readonly code = 'openid_unavailable';
}

/** RSA signing keys published through an OpenID metadata document, cached and refreshed daily. */
export class OpenIdKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private refreshing?: Promise<void>;

  constructor(private readonly metadataUrl: string) {}

  async get(kid: string): Promise<SigningKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    if (age > REFRESH_AFTER_MS || (!this.keys.has(kid) && age > UNKNOWN_KID_REFRESH_MS)) await this.refresh();
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    try {
      const metadata = metadataSchema.parse(await fetchJson(this.metadataUrl));
      const jwks = jwksSchema.parse(await fetchJson(metadata.jwks_uri));
      const keys = new Map<string, SigningKey>();
      for (const jwk of jwks.keys) {
        if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) continue;
        keys.set(jwk.kid, { key: createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }), endorsements: jwk.endorsements ?? [] });
      }
      this.keys = keys;
      this.fetchedAt = Date.now();
    } catch (error) {
      // Keep serving the keys we had; without any, refuse with a 503 rather than letting everyone in.
      if (this.keys.size === 0) throw new KeySourceUnavailableError('signing keys unavailable', { cause: error });
      this.fetchedAt = Date.now() - REFRESH_AFTER_MS + UNKNOWN_KID_REFRESH_MS;
    }
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
