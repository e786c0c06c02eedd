import { verify as verifySignature } from 'node:crypto';
import { AuthenticationConstants, ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import type { BotFrameworkEndpoints } from '../../../config';
import { OpenIdKeys } from './openIdKeys';

/** Why a token was refused: a short stable word for the log line, never the token or a key. */
export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_key'
  | 'signature'
  | 'endorsement'
  | 'service_url';

/** Bot Framework allows five minutes of clock skew. */
const CLOCK_TOLERANCE_S = 5 * 60;
const HASHES = new Map([
  ['RS256', 'sha256'],
  ['RS384', 'sha384'],
  ['RS512', 'sha512'],
]);
const BEARER = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

interface Issuer {
  keys: OpenIdKeys;
  /** Channel tokens carry the service URL they were issued for; it must match the activity's. */
  checksServiceUrl: boolean;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a Bot Connector bearer token completely before botbuilder sees it: RS256/384/512 only
 * (no `none`, no HMAC with a public key), a known issuer and key id, a valid signature, our app id
 * as audience, not expired and already valid, endorsed for the channel, and issued for the
 * activity's service URL. botbuilder then checks it again; this pass exists so that every bad token
 * is a clean 401 with a one-word reason instead of a library error, stack and keys in the log.
 */
export class BotTokenCheck {
  private readonly issuers = new Map<string, Issuer>();

  constructor(
    private readonly appId: string,
    endpoints?: BotFrameworkEndpoints,
  ) {
    const channel = new OpenIdKeys(endpoints?.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
    this.issuers.set(endpoints?.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer, { keys: channel, checksServiceUrl: true });
    if (!endpoints) {
      const emulator = new OpenIdKeys(AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl);
      for (const issuer of ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]) {
        this.issuers.set(issuer, { keys: emulator, checksServiceUrl: false });
      }
    }
  }

  /** Undefined when the token is good; otherwise why not. Throws only when the issuer's keys cannot be fetched. */
  async check(authorization: string, activity: { channelId: string; serviceUrl: string }, now = Date.now()): Promise<TokenRefusal | undefined> {
    if (!authorization.trim()) return 'missing';
    const match = BEARER.exec(authorization.trim());
    if (!match) return 'malformed';
    const [, headerPart = '', payloadPart = '', signaturePart = ''] = match;
    const header = decodeSegment(headerPart);
    const claims = decodeSegment(payloadPart);
    if (!header || !claims) return 'malformed';

    const hash = typeof header.alg === 'string' ? HASHES.get(header.alg) : undefined;
    if (!hash || typeof header.kid !== 'string') return 'algorithm';
    const issuer = typeof claims.iss === 'string' ? this.issuers.get(claims.iss) : undefined;
    if (!issuer) return 'issuer';

    const key = await issuer.keys.get(header.kid);
    if (!key) return 'unknown_key';
    const signed = Buffer.from(`${headerPart}.${payloadPart}`);
    if (!verifySignature(hash, signed, key.key, Buffer.from(signaturePart, 'base64url'))) return 'signature';

    if (claims.aud !== this.appId) return 'audience';
    const seconds = now / 1000;
    if (typeof claims.exp !== 'number' || seconds > claims.exp + CLOCK_TOLERANCE_S) return 'expired';
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || seconds < claims.nbf - CLOCK_TOLERANCE_S)) return 'not_yet_valid';
    if (key.endorsements.length > 0 && !key.endorsements.includes(activity.channelId)) return 'endorsement';
    if (issuer.checksServiceUrl && claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) return 'service_url';
    return undefined;
  }
}
