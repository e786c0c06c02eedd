import { vocabularyFor, type MapVocabulary } from '../careerMap/vocabulary';
import { CareerMapMissingError, NextStepError } from '../../errors';
import type { Intent } from '../nlu';
import { actionSchema, type ActionName } from './actions';
import type { ConversationContext } from './context';
import { maySelfDeclareEmail } from './declaredIdentity';
import type { ActionHandlers, IntentHandlers } from './handler';
import type { CoreServices } from './services';
import { showClarification, showWelcome } from './handlers/general';
import { showHome } from './handlers/home';
import { handleDirectoryUpload } from '../uploads/directoryUpload';
import type { UploadedFile } from '../uploads/uploadedFile';

/** What may be answered where other people can read it; everything else is personal. */
const SHARED_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['browse', 'opportunityDetails', 'readingList', 'help', 'greeting', 'thanks', 'none']);
const SHARED_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['runIntent', 'showOpportunity', 'browsePage']);

const KEEP_PRIVATE =
  "That's about you, so let's keep it between us: send me a direct message and I'll answer there. Here I can browse opportunities, explain one or show a reading list.";

/** The refusal in a shared conversation, with a button to the private chat when the channel gave a link. */
function keepPrivate(ctx: ConversationContext): Promise<void> {
  return ctx.reply({
    type: 'text',
    text: KEEP_PRIVATE,
    ...(ctx.personalChatUrl ? { link: { label: 'Open a private chat with me', url: ctx.personalChatUrl } } : {}),
  });
}

/** Intents that need no introduction first: a greeting on the first turn is answered by the welcome. */
const SMALL_TALK: ReadonlySet<Intent> = new Set<Intent>(['greeting', 'help', 'thanks', 'none']);

/**
 * The channel-agnostic conversation: turns text and card submits into handler calls. The turn
 * runner (runTurn.ts) builds the context (who, which organisation, how to reply) and calls these.
 */
export class ConversationCore {
  constructor(
    private readonly services: CoreServices,
    private readonly intents: IntentHandlers,
    private readonly actions: ActionHandlers,
  ) {}

  async onConversationStart(ctx: ConversationContext): Promise<void> {
    if (ctx.memory.welcomed) return;
    await this.safely(ctx, () => showWelcome(ctx, this.services));
    ctx.memory.welcomed = true;
  }

  async onMessage(ctx: ConversationContext, rawText: string): Promise<void> {
    await this.safely(ctx, () => this.handleMessage(ctx, rawText));
  }

  async onAction(ctx: ConversationContext, payload: unknown): Promise<void> {
    await this.safely(ctx, () => this.handleAction(ctx, payload));
  }

  /** A file sent in the chat: only admins' staff directory CSVs are read (requireAdmin refuses shared chats). */
  async onFile(ctx: ConversationContext, file: UploadedFile, text: string): Promise<void> {
    await this.safely(ctx, () => handleDirectoryUpload(ctx, this.services, file, text));
  }

  /** The person opened their home page (Slack App Home); personal by nature. */
  async onHome(ctx: ConversationContext): Promise<void> {
    await this.safely(ctx, () => showHome(ctx, this.services));
  }

  /** The core's error boundary: known errors become a polite reply; anything else is the channel's to log. */
  private async safely(ctx: ConversationContext, work: () => Promise<void>): Promise<void> {
    try {
      await this.recallDeclaredIdentity(ctx);
      await work();
    } catch (error) {
      if (!(error instanceof NextStepError)) throw error;
      ctx.log[error.alert ? 'error' : 'warn']({ err: error, code: error.code, orgId: ctx.org.id }, 'turn ended with a known error');
      await ctx.reply({ type: 'text', text: error.message });
    }
  }

  /** In local mode only, someone who typed their email earlier is recognised by it again. */
  private async recallDeclaredIdentity(ctx: ConversationContext): Promise<void> {
    const declared = ctx.memory.declaredEmail;
    if (ctx.staff || ctx.speaker.email || !declared || !maySelfDeclareEmail(ctx.speaker.channel, this.services.settings.allowSelfDeclaredEmail)) return;
    ctx.speaker.email = declared;
    ctx.staff = await this.services.staff.findByEmail(ctx.org.id, declared);
  }

  /**
   * The organisation's own stage and pathway words, which win over the default map's (cached per
   * map). An organisation without a map yet still gets greetings and help, so that is not an error here.
   */
  private async mapVocabulary(ctx: ConversationContext): Promise<MapVocabulary | undefined> {
    try {
      return vocabularyFor((await this.services.catalogues.get(ctx.org.id)).catalogue);
    } catch (error) {
      if (error instanceof CareerMapMissingError) return undefined;
      throw error;
    }
  }

  private async handleMessage(ctx: ConversationContext, rawText: string): Promise<void> {
    const vocabulary = await this.mapVocabulary(ctx);
    const nlu = await this.services.recogniser.recognise(rawText, {
      referenceDate: ctx.now,
      timezone: this.services.settings.timezone,
      ...(vocabulary ? { vocabulary } : {}),
    });
    ctx.log.debug({ intent: nlu.intent, score: nlu.score }, 'recognised');

    if (ctx.shared) {
      if (!SHARED_INTENTS.has(nlu.intent)) return keepPrivate(ctx);
      if (nlu.intent === 'none') return showClarification(ctx, nlu.text);
      return this.intents[nlu.intent](ctx, this.services, nlu);
    }
    if (!ctx.memory.welcomed) {
      await showWelcome(ctx, this.services);
      ctx.memory.welcomed = true;
      if (SMALL_TALK.has(nlu.intent)) return;
    }
    if (nlu.intent === 'none') return showClarification(ctx, nlu.text);
    await this.intents[nlu.intent](ctx, this.services, nlu);
  }

  private async handleAction(ctx: ConversationContext, payload: unknown): Promise<void> {
    const parsed = actionSchema.safeParse(payload);
    if (!parsed.success) {
      ctx.log.warn({ issues: parsed.error.issues.slice(0, 5) }, 'rejected card submit');
      await ctx.reply({ type: 'text', text: "Sorry, I couldn't read that button press. Please try again, or type what you need." });
      return;
    }
    const action = parsed.data;
    const sharedOk = SHARED_ACTIONS.has(action.action) && (action.action !== 'runIntent' || SHARED_INTENTS.has(action.intent));
    if (ctx.shared && !sharedOk) {
      await keepPrivate(ctx);
      return;
    }
    const handler = this.actions[action.action] as (c: ConversationContext, s: CoreServices, a: typeof action) => Promise<void>;
    await handler(ctx, this.services, action);
  }
}
