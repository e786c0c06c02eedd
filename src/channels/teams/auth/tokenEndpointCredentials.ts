import { AppCredentials, ServiceClientCredentialsFactory, type AuthenticatorResult, type ServiceClientCredentials } from 'botframework-connector';
import { z } from 'zod';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const TOKEN_TIMEOUT_MS = 10_000;

/** Outbound Bot Connector tokens from a plain OAuth 2 client-credentials endpoint (see BotFrameworkEndpoints.tokenUrl). */
class TokenEndpointCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    private readonly tokenUrl: string,
    scope: string | undefined,
  ) {
    super(appId, undefined, scope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.appId, client_secret: this.password, scope: `${this.oAuthScope}/.default` }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const token = tokenResponse.parse(await response.json());
    return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
  }
}

export class TokenEndpointCredentialFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly password: string,
    private readonly tokenUrl: string,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (appId !== this.appId) throw new Error('Invalid appId.');
    return new TokenEndpointCredentials(appId, this.password, this.tokenUrl, audience);
  }
}
