import type { RespondFn, webApi } from '@slack/bolt';
import type { Replier, ReplyOptions } from '../../core/ports';
import type { View } from '../../core/conversation/views';
import { broadcastModal, logCpdModal, onboardingModal, viewToSlack } from './blocks';

/** Where a turn's answers go in Slack, as far as the event that started it tells. */
export interface SlackSurface {
  client: webApi.WebClient;
  userId: string;
  /** A channel or DM to post in; without one, a DM with the person is opened. */
  channel?: string;
  /** Thread to answer in (mentions in channels). */
  threadTs?: string;
  /** The message whose button was pressed, which a `replaceCard` answer updates in place. */
  messageTs?: string;
  /** From a button or command: lets a form open as a modal. Usable once, within 3 seconds. */
  triggerId?: string;
  /** From the slash command or a button on its answer: answers only the person sees. */
  respond?: RespondFn;
  /** The button pressed was on such a private answer, which a `replaceCard` answer replaces. */
  privateMessage?: boolean;
}

type FormView = Extract<View, { type: 'onboarding' | 'logCpdForm' | 'broadcastForm' }>;

export const isFormView = (view: View): view is FormView => view.type === 'onboarding' || view.type === 'logCpdForm' || view.type === 'broadcastForm';

/** The modal for a form view; the metadata says where to answer once it is submitted. */
export function modalFor(view: FormView, channel: string | undefined) {
  const metadata = JSON.stringify(channel ? { channel } : {});
  if (view.type === 'broadcastForm') return broadcastModal(view, metadata);
  return view.type === 'onboarding' ? onboardingModal(view, metadata) : logCpdModal(view, metadata);
}

/** Sends each view as a Block Kit message, in the most fitting way the surface allows. */
export class SlackReplier implements Replier {
  private replaced = false;

  constructor(private readonly surface: SlackSurface) {}

  async reply(view: View, options: ReplyOptions = {}): Promise<void> {
    const { client } = this.surface;
    if (isFormView(view) && this.surface.triggerId) {
      const trigger_id = this.surface.triggerId;
      this.surface.triggerId = undefined;
      await client.views.open({ trigger_id, view: modalFor(view, this.surface.channel) });
      return;
    }
    const message = viewToSlack(view);
    if (options.replaceCard && !this.replaced && this.surface.messageTs && this.surface.channel) {
      this.replaced = true;
      await client.chat.update({ channel: this.surface.channel, ts: this.surface.messageTs, ...message });
      return;
    }
    if (this.surface.respond) {
      const replace = Boolean(options.replaceCard && this.surface.privateMessage && !this.replaced);
      this.replaced ||= replace;
      await this.surface.respond({ response_type: 'ephemeral', ...(replace ? { replace_original: true } : {}), ...message });
      return;
    }
    const channel = this.surface.channel ?? (await this.openDirectMessage());
    await client.chat.postMessage({ channel, ...message, ...(this.surface.threadTs ? { thread_ts: this.surface.threadTs } : {}) });
  }

  private async openDirectMessage(): Promise<string> {
    const opened = await this.surface.client.conversations.open({ users: this.surface.userId });
    const id = opened.channel?.id;
    if (!id) throw new Error('Slack did not open a direct message channel');
    this.surface.channel = id;
    return id;
  }
}

/** Keeps the views of a turn for the caller to present together (App Home, modal submissions). */
export class CollectingReplier implements Replier {
  readonly views: { view: View; options: ReplyOptions }[] = [];

  async reply(view: View, options: ReplyOptions = {}): Promise<void> {
    this.views.push({ view, options });
  }
}
