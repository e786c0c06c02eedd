import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../../config';
import type { Logger } from '../../logging/logger';

/**
 * The Bot Framework adapter. With no app id it runs unauthenticated, for the Agents Playground and
 * the Emulator; with one, every request must carry a valid Bot Connector token.
 */
export function createTeamsAdapter(config: TeamsConfig, logger: Logger): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  const auth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: config.appId ?? '', MicrosoftAppTenantId: config.tenantId ?? '' },
    credentials,
  );
  const adapter = new CloudAdapter(auth);

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
