import type { App } from '@slack/bolt';
import { homeView } from '../blocks';
import { homeOpenedSchema } from '../schema';
import { CollectingReplier } from '../slackReplier';
import { runSlackTurn, type SlackListenerDeps } from '../slackTurn';

/** App Home: published each time the person opens it, from a home turn's views. */
export function registerHomeListener(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== 'home')) return;
    const userId = parsed.data.user;
    const log = deps.logger.child({ surface: 'home' });
    const collected = new CollectingReplier();
    try {
      await runSlackTurn(deps, {
        client,
        workspace: { teamId: context.teamId, enterpriseId: context.enterpriseId },
        userId,
        conversation: 'personal',
        input: { kind: 'home' },
        replier: collected,
        log,
      });
      await client.views.publish({ user_id: userId, view: homeView(collected.views.map((answer) => answer.view)) });
    } catch (error) {
      log.error({ err: error }, 'could not publish the App Home');
    }
  });
}
