import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotFrameworkEndpoints } from '../../src/config';

export const STAND_IN_ISSUER = 'https://api.botframework.test';

export interface TokenOptions {
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  /** Sign with this key instead of the published one. */
  key?: KeyObject;
  /** `none`: no signature; `hs256-public`: HMAC keyed with the published public key (the classic confusion attack). */
  mode?: 'rs256' | 'none' | 'hs256-public';
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A local stand-in for the Bot Framework identity service: an OpenID metadata document, a JWKS
 * with one RSA key, a client-credentials token endpoint, and a signer for tokens (good and forged).
 */
export class FakeBotIdentity {
  readonly kid = 'stand-in-key-1';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Requests received, by path. */
  readonly hits = new Map<string, number>();
  private server?: http.Server;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get base(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('identity stand-in not started');
    return `http://127.0.0.1:${address.port}`;
  }

  get endpoints(): BotFrameworkEndpoints {
    return { openIdMetadataUrl: `${this.base}/.well-known/openid-configuration`, tokenIssuer: STAND_IN_ISSUER, tokenUrl: `${this.base}/token` };
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (path === '/.well-known/openid-configuration') {
          res.end(JSON.stringify({ issuer: STAND_IN_ISSUER, jwks_uri: `${this.base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
        } else if (path === '/keys') {
          const jwk = this.publicKey.export({ format: 'jwk' });
          res.end(JSON.stringify({ keys: [{ ...jwk, kid: this.kid, use: 'sig', endorsements: ['msteams'] }] }));
        } else if (path === '/token') {
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'outbound-token-from-stand-in' }));
        } else {
          res.writeHead(404);
          res.end('{}');
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A token for `appId` and `serviceUrl`, valid for an hour unless `claims` say otherwise. */
  token(appId: string, serviceUrl: string, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: options.mode === 'none' ? 'none' : options.mode === 'hs256-public' ? 'HS256' : 'RS256', typ: 'JWT', kid: this.kid, ...options.header };
    const claims = { iss: STAND_IN_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...options.claims };
    const signed = `${b64(header)}.${b64(claims)}`;
    if (options.mode === 'none') return `${signed}.`;
    if (options.mode === 'hs256-public') {
      const secret = this.publicKey.export({ format: 'pem', type: 'spki' });
      return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
    }
    return `${signed}.${sign('sha256', Buffer.from(signed), options.key ?? this.privateKey).toString('base64url')}`;
  }
}
