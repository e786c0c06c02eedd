import type { App } from '@slack/bolt';
import { slashCommandSchema } from '../schema';
import { SlackReplier } from '../slackReplier';
import { runSlackTurn, type SlackListenerDeps } from '../slackTurn';

/** Short forms of `/nextstep <what>`; anything else is understood as typed. */
const SHORTCUTS: ReadonlyMap<string, string> = new Map([
  ['', 'help'],
  ['plan', 'show my plan'],
  ['cpd', 'how much CPD have I done'],
  ['next', 'what can I do next'],
  ['profile', 'my profile'],
]);

/**
 * `/nextstep [what next | plan | cpd | help …]`: acknowledged at once (Slack allows 3 seconds),
 * then answered through the command's response_url, visible only to the person who asked.
 */
export function registerCommandListener(app: App, deps: SlackListenerDeps): void {
  app.command('/nextstep', async ({ command, ack, respond, context, client }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(command);
    const log = deps.logger.child({ surface: 'command' });
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.slice(0, 5) }, 'rejected a malformed slash command');
      return;
    }
    const { text, user_id: userId, trigger_id: triggerId } = parsed.data;
    const asked = text.trim().toLowerCase();
    try {
      await runSlackTurn(deps, {
        client,
        workspace: { teamId: context.teamId ?? parsed.data.team_id, enterpriseId: context.enterpriseId ?? parsed.data.enterprise_id },
        userId,
        // Ephemeral answers are seen by the person alone, wherever they typed the command.
        conversation: 'personal',
        input: { kind: 'text', text: SHORTCUTS.get(asked) ?? text.trim() },
        replier: new SlackReplier({ client, userId, respond, ...(triggerId ? { triggerId } : {}) }),
        log,
      });
    } catch (error) {
      log.error({ err: error }, 'Slack command failed');
      await respond({ response_type: 'ephemeral', text: 'Sorry, something went wrong on my side. Please try again in a moment.' }).catch(
        (sendError: unknown) => log.warn({ err: sendError }, 'could not send the apology'),
      );
    }
  });
}
