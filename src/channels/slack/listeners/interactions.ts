import type { App } from '@slack/bolt';
import type { TurnInput } from '../../../core/conversation/runTurn';
import { ACTION_PREFIX, MODAL } from '../blocks';
import { actionValueSchema, blockActionsSchema, sayValueSchema, viewSubmissionSchema, type BlockActions } from '../schema';
import { CollectingReplier, isFormView, modalFor, SlackReplier } from '../slackReplier';
import { apologise, runSlackTurn, type SlackListenerDeps } from '../slackTurn';
import { actionFromSubmission, originChannel } from './submissions';

const PREFIX = new RegExp(`^${ACTION_PREFIX}`);

function inputOf(value: string | undefined): TurnInput {
  let decoded: unknown;
  try {
    decoded = value === undefined ? undefined : JSON.parse(value);
  } catch {
    decoded = undefined;
  }
  const say = sayValueSchema.safeParse(decoded);
  if (say.success) return { kind: 'text', text: say.data.say };
  // Anything else goes to the core, whose action schema accepts or politely refuses it.
  const action = actionValueSchema.safeParse(decoded);
  return { kind: 'action', payload: action.success ? action.data : undefined };
}

/**
 * Buttons in a DM, the App Home, a modal or an answer only the presser can see are personal; in a
 * channel, the shared rules apply.
 */
function conversationOf(body: BlockActions): 'personal' | 'shared' {
  if (body.container?.type === 'view' || body.container?.is_ephemeral) return 'personal';
  const channel = body.channel ?? body.container?.channel_id;
  return channel?.startsWith('D') ? 'personal' : 'shared';
}

/** Button presses and modal submissions: validated, then run as a turn like anything typed. */
export function registerInteractionListeners(app: App, deps: SlackListenerDeps): void {
  app.action(PREFIX, async ({ body, ack, context, client, respond }) => {
    await ack();
    const log = deps.logger.child({ surface: 'button' });
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.slice(0, 5) }, 'rejected a malformed button press');
      return;
    }
    const press = parsed.data;
    const [pressed] = press.actions;
    if (pressed?.value === undefined) return; // a link button: Slack opens the link itself
    // An ephemeral answer (from /nextstep) is answered the same way, never in the channel itself.
    const ephemeral = press.container?.is_ephemeral === true;
    const channel = ephemeral ? undefined : (press.channel ?? press.container?.channel_id);
    try {
      await runSlackTurn(deps, {
        client,
        workspace: { teamId: context.teamId ?? press.team, enterpriseId: context.enterpriseId ?? press.enterprise },
        userId: press.user.id,
        conversation: conversationOf(press),
        ...(press.api_app_id ? { appId: press.api_app_id } : {}),
        input: inputOf(pressed.value),
        replier: new SlackReplier({
          client,
          userId: press.user.id,
          ...(channel ? { channel } : {}),
          ...(ephemeral ? { respond, privateMessage: true } : {}),
          ...(press.container?.message_ts && !ephemeral ? { messageTs: press.container.message_ts } : {}),
          ...(press.trigger_id ? { triggerId: press.trigger_id } : {}),
        }),
        log,
      });
    } catch (error) {
      await apologise(client, channel, log, error);
    }
  });

  const onSubmit = async ({ body, ack, context, client }: Parameters<Parameters<App['view']>[1]>[0]) => {
    const log = deps.logger.child({ surface: 'modal' });
    const parsed = viewSubmissionSchema.safeParse(body);
    const payload = parsed.success ? actionFromSubmission(parsed.data.view) : undefined;
    if (!parsed.success || !payload) {
      log.warn('rejected a malformed modal submission');
      await ack();
      return;
    }
    const submission = parsed.data;
    const collected = new CollectingReplier();
    await runSlackTurn(deps, {
      client,
      workspace: { teamId: context.teamId ?? submission.team, enterpriseId: context.enterpriseId ?? submission.enterprise },
      userId: submission.user.id,
      conversation: 'personal',
      input: { kind: 'action', payload },
      replier: collected,
      log,
    });
    const channel = originChannel(submission.view.private_metadata);
    const [first, ...rest] = collected.views;
    // A form that comes back (with what to correct) stays open; anything else closes it and is posted.
    if (first && isFormView(first.view)) {
      await ack({ response_action: 'update', view: modalFor(first.view, channel) });
      return;
    }
    await ack();
    const replier = new SlackReplier({ client, userId: submission.user.id, ...(channel ? { channel } : {}) });
    try {
      for (const answer of first ? [first, ...rest] : []) await replier.reply(answer.view);
    } catch (error) {
      await apologise(client, channel, log, error);
    }
  };
  app.view(MODAL.onboarding, onSubmit);
  app.view(MODAL.logCpd, onSubmit);
  app.view(MODAL.broadcast, onSubmit);
}
