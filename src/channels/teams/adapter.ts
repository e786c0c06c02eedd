import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { TeamsConfig } from '../../config';
import { waitAtMost } from '../../lib/waitAtMost';
import type { Logger } from '../../logging/logger';
import { BotTokenCheck } from './auth/botTokenCheck';
import { KeySourceUnavailableError } from './auth/openIdKeys';
import { TokenEndpointCredentialFactory } from './auth/tokenEndpointCredentials';
import { connectorClientOptions } from './connectorTimeout';

type Logic = (context: TurnContext) => Promise<void>;

/** How long one HTTP request may wait for its turn; Teams itself gives up after 15 s. */
const TURN_BUDGET_MS = 10_000;
const TOO_SLOW = Symbol('turn budget exceeded');

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body);
}

function authorizationHeader(req: Request): string {
  return req.headers.authorization ?? '';
}

/** What botbuilder's own `process` does to a parsed body: ISO date strings become Dates. */
function withDates(activity: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0]?.toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * CloudAdapter behind our own edge: the body has been read and checked by the HTTP server, the
 * bearer token is checked here first (every bad token is a 401 with one warn line, no stack), and
 * Bot Connector calls time out.
 */
export class TeamsAdapter extends CloudAdapter {
  private readonly tokens?: BotTokenCheck;

  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    config: TeamsConfig,
    private readonly logger: Logger,
  ) {
    super(auth);
    if (!config.localMode) this.tokens = new BotTokenCheck(config.appId ?? '', config.endpoints);
  }

  /** Handles one `POST /api/messages` whose `req.body` is an already validated activity. */
  async handle(req: Request, res: Response, logic: Logic): Promise<void> {
    const activity = withDates(req.body as Record<string, unknown>);
    const authorization = authorizationHeader(req);
    const result = await this.authenticate(activity, authorization, res);
    if (!result) return;
    const turn = this.processActivity(result, activity, logic);
    const invokeResponse = await waitAtMost<InvokeResponse | undefined | typeof TOO_SLOW>(turn, TURN_BUDGET_MS, TOO_SLOW);
    if (invokeResponse === TOO_SLOW) {
      // Each Bot Connector call times out on its own; this bounds the HTTP request as a whole.
      this.logger.warn({ activityType: activity.type }, 'turn still running after its budget: answered 202 and left it to finish');
      turn.catch((error: unknown) => this.logger.error({ err: error }, 'late Teams turn failed'));
      res.status(202);
      res.end();
      return;
    }
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
    else res.end();
  }

  private async authenticate(activity: Activity, authorization: string, res: Response): Promise<AuthenticateRequestResult | undefined> {
    const refuse = (reason: string) => {
      this.logger.warn({ reason, channelId: activity.channelId }, 'refused a Bot Framework request');
      sendJson(res, 401, { code: 'Unauthorized', message: 'The request does not carry a valid Bot Framework token.' });
      return undefined;
    };
    if (this.tokens) {
      try {
        const refusal = await this.tokens.check(authorization, activity);
        if (refusal) return refuse(refusal);
      } catch (error) {
        if (!(error instanceof KeySourceUnavailableError)) throw error;
        this.logger.error({ code: error.code }, 'cannot check Bot Framework tokens: the signing keys are unavailable');
        sendJson(res, 503, { code: 'Unavailable', message: 'Authentication is temporarily unavailable; please retry.' });
        return undefined;
      }
    }
    try {
      return await this.auth.authenticateRequest(activity, authorization);
    } catch {
      return refuse('rejected_by_botbuilder');
    }
  }
}

function credentialFactory(config: TeamsConfig): ServiceClientCredentialsFactory {
  if (config.endpoints && config.appId) {
    return new TokenEndpointCredentialFactory(config.appId, config.appPassword ?? '', config.endpoints.tokenUrl);
  }
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
}

/** Public-cloud values, except where tokens are checked, when `config.endpoints` points elsewhere. */
function authenticationSettings(config: TeamsConfig): Record<string, string | boolean> {
  const settings = { MicrosoftAppId: config.appId ?? '', MicrosoftAppTenantId: config.tenantId ?? '' };
  if (!config.endpoints) return settings;
  // Setting one endpoint makes botbuilder expect them all.
  return {
    ...settings,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: config.endpoints.tokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.endpoints.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: config.endpoints.openIdMetadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

/**
 * The Bot Framework adapter. With no app id it runs unauthenticated, for the Agents Playground and
 * the Emulator; with one, every request must carry a valid Bot Connector token.
 */
export function createTeamsAdapter(config: TeamsConfig, logger: Logger): TeamsAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    authenticationSettings(config),
    credentialFactory(config),
    undefined,
    undefined,
    connectorClientOptions(),
  );
  const adapter = new TeamsAdapter(auth, config, logger);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'unhandled error in Teams turn');
    if (context.activity.type === 'message') {
      await context
        .sendActivity('Sorry, something went wrong on my side. Please try again in a moment.')
        .catch((sendError: unknown) => logger.warn({ err: sendError }, 'could not send the error reply'));
    }
  };
  return adapter;
}
