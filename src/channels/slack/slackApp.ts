import { App, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { ConversationCore } from '../../core/conversation/conversationCore';
import type { ConversationContext, ConversationMemory, Speaker } from '../../core/conversation/context';
import { normaliseEmail } from '../../core/staff/staffMember';
import type { Logger } from '../../logging/logger';
import type { OrganisationRepository } from '../../store/repositories/organisations';
import type { StaffRepository } from '../../store/repositories/staff';
import type { StateStore } from '../../store/repositories/stateStore';
import { MemberCache } from '../memberCache';
import { RestifyReceiver } from './restifyReceiver';
import type { SlackReplayGuard } from './slackReplayLog';
import { viewToSlack } from './viewToSlack';

export interface SlackDeps {
  core: ConversationCore;
  organisations: OrganisationRepository;
  staff: StaffRepository;
  state: StateStore;
  replays: SlackReplayGuard;
  logger: Logger;
}

export interface SlackChannel {
  app: App;
  receiver: RestifyReceiver;
}

/** Bolt app for direct messages; only created when Slack credentials are configured. */
export function createSlackChannel(config: SlackConfig, deps: SlackDeps): SlackChannel {
  const receiver = new RestifyReceiver(config.signingSecret, deps.logger, deps.replays);
  const app = new App({
    token: config.botToken,
    receiver,
    logLevel: LogLevel.WARN,
    // Web API calls give up after 10 s (and retry twice), so a hanging Slack never holds a turn for long.
    clientOptions: { timeout: 10_000, retryConfig: { retries: 2 }, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}) },
  });

  const members = new MemberCache();

  app.message(async ({ message, context, client, say }) => {
    if (message.subtype !== undefined || !('user' in message) || !message.user) return;
    const org = await deps.organisations.resolve({ channel: 'slack', teamId: context.teamId });
    if (!org) {
      await say(viewToSlack({ type: 'notSetUp' }));
      return;
    }
    const speaker: Speaker = { channel: 'slack', channelUserId: message.user };
    const cacheKey = `${context.teamId ?? ''}|${message.user}`;
    let known = members.get(cacheKey);
    if (!known) {
      const info = await client.users.info({ user: message.user }).catch(() => undefined);
      if (info?.ok) {
        const email = info.user?.profile?.email;
        members.set(cacheKey, { email: email ? normaliseEmail(email) : undefined, name: info.user?.real_name ?? info.user?.name });
        known = members.get(cacheKey);
      }
    }
    if (known?.email) speaker.email = known.email;
    if (known?.name) speaker.name = known.name;

    const stateKey = `slack/${context.teamId ?? 'unknown'}/${message.user}`;
    const stored = (await deps.state.read([stateKey]))[stateKey];
    const memory = (stored?.memory as ConversationMemory | undefined) ?? {};
    const ctx: ConversationContext = {
      org,
      speaker,
      staff: speaker.email ? await deps.staff.findByEmail(org.id, speaker.email) : null,
      memory,
      now: new Date(),
      log: deps.logger.child({ channel: 'slack' }),
      reply: async (view) => {
        await say(viewToSlack(view));
      },
    };
    await deps.core.onMessage(ctx, 'text' in message && typeof message.text === 'string' ? message.text : '');
    if (ctx.forgotten) await deps.state.delete([stateKey]);
    else await deps.state.write({ [stateKey]: { memory: ctx.memory, eTag: '*' } });
  });

  return { app, receiver };
}
