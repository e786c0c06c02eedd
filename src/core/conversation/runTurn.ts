import { ConflictError, DATABASE_LOST_MIDWAY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE } from '../../errors';
import type { Logger } from '../../logging/logger';
import type { Workspace } from '../organisation/organisation';
import type { MemberLookup, MemoryStore, OrganisationDirectory, ReferenceStore, Replier, ReplyOptions, StaffDirectory } from '../ports';
import type { ChannelName, ConversationContext, ConversationMemory, Speaker } from './context';
import type { ConversationCore } from './conversationCore';
import { maySelfDeclareEmail } from './declaredIdentity';
import { watchTurn, type StoreFaults } from './turnFaults';
import type { UploadedFile } from '../uploads/uploadedFile';
import type { View } from './views';

/** What the person did: typed, pressed a button or submitted a form, opened the chat or their home page. */
export type TurnInput =
  | { kind: 'text'; text: string }
  | { kind: 'action'; payload: unknown }
  | { kind: 'start' }
  | { kind: 'home' }
  /** A file sent in the chat, with any words typed alongside it. */
  | { kind: 'file'; file: UploadedFile; text: string };

export interface TurnRequest {
  channel: ChannelName;
  /** Teams tenant id or Slack team id, and the Slack Enterprise Grid id when there is one. */
  workspace: { id?: string; enterpriseId?: string };
  /** The platform's id for the person (Entra object id, Slack user id) and the name it shows. */
  user: { id: string; name?: string };
  /** Shared conversations (channels, group chats) only browse and explain. */
  conversation: 'personal' | 'shared';
  input: TurnInput;
  members: MemberLookup;
  replier: Replier;
  /** Where to reach the person later, saved for personal conversations once they are known. */
  reference?: unknown;
  /** A deep link to a private chat with the bot, offered when a shared conversation is refused. */
  personalChatUrl?: string;
  log: Logger;
}

export interface TurnRunnerDeps {
  core: ConversationCore;
  organisations: OrganisationDirectory;
  staff: StaffDirectory;
  memory: MemoryStore<ConversationMemory>;
  references: ReferenceStore;
  /** Teams local mode: people may type their email (see declaredIdentity.ts). */
  allowSelfDeclaredEmail: boolean;
  /** Sees every view a turn replies with (tests compare channels with it). */
  observe?: (channel: ChannelName, view: View, options: ReplyOptions) => void;
  /** Turns the database being down into an apology (see turnFaults.ts); without it, failures reach the channel. */
  faults?: StoreFaults;
  clock?: () => Date;
}

export type RunTurn = (request: TurnRequest) => Promise<void>;

const BUSY: View = {
  type: 'text',
  text: "Sorry, you sent two things at once and I couldn't keep track. Please send that again.",
};

/** Memory is per organisation: what someone declared in one organisation means nothing in another. */
export const memoryKey = (orgId: string, channel: ChannelName, channelUserId: string) => `memory:${orgId}:${channel}:${channelUserId}`;

/**
 * The one turn every channel runs: organisation, person, declared identity, memory, the
 * shared-conversation guard (in the core), forgetting and the conversation reference. Channels
 * only translate their events into a `TurnRequest` and views into their own messages.
 */
export function createTurnRunner(deps: TurnRunnerDeps): RunTurn {
  const runOne = turnSteps(deps);
  return async (request) => {
    const { channel, log, replier } = request;
    const send = async (view: View, options: ReplyOptions = {}) => {
      deps.observe?.(channel, view, options);
      await replier.reply(view, options);
    };
    let replies = 0;
    let abandoned = false;
    const reply = async (view: View, options: ReplyOptions = {}) => {
      if (abandoned) {
        log.info({ view: view.type }, 'dropped an answer from a turn already apologised for');
        return;
      }
      replies += 1;
      await send(view, options);
    };
    const work = runOne(request, reply);
    if (!deps.faults) return work;

    // The error boundary for the database being down: one apology, never silence and never a hang.
    const outcome = await watchTurn(work, deps.faults);
    if (outcome.kind === 'done') return;
    if (outcome.kind === 'failed') {
      const unavailable = deps.faults.unavailable(outcome.error);
      if (!unavailable) throw outcome.error;
      log.warn({ err: unavailable, code: unavailable.code, cause: describeCause(unavailable.cause) }, 'turn failed: database unavailable');
    } else {
      log.warn({ code: 'database_unavailable' }, 'turn stalled: database not answering; apologised and left it to finish');
      work.catch((error: unknown) => log.warn({ err: describeCause(error) }, 'stalled turn ended with an error'));
    }
    abandoned = true;
    await send({ type: 'text', text: replies > 0 ? DATABASE_LOST_MIDWAY_MESSAGE : DATABASE_UNAVAILABLE_MESSAGE });
  };
}

function describeCause(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The steps of one turn, replying through `reply`. */
function turnSteps(deps: TurnRunnerDeps) {
  return async (request: TurnRequest, reply: (view: View, options?: ReplyOptions) => Promise<void>): Promise<void> => {
    const { channel, log } = request;
    const workspace: Workspace =
      channel === 'teams' ? { channel, tenantId: request.workspace.id } : { channel, teamId: request.workspace.id };
    const org = await deps.organisations.resolve(workspace);
    if (!org) {
      await reply({ type: 'notSetUp' }, { replaceCard: true });
      return;
    }

    const key = memoryKey(org.id, channel, request.user.id);
    const person = await request.members.lookup();
    const speaker: Speaker = {
      channel,
      channelUserId: request.user.id,
      ...(person.name ?? request.user.name ? { name: person.name ?? request.user.name } : {}),
      ...(person.email ? { email: person.email } : {}),
      ...(request.workspace.enterpriseId ? { enterpriseId: request.workspace.enterpriseId } : {}),
    };
    const [stored, staffByPlatform] = await Promise.all([
      deps.memory.load(key),
      speaker.email ? deps.staff.findByEmail(org.id, speaker.email) : Promise.resolve(null),
    ]);
    const memory: ConversationMemory = { ...stored?.value };
    let staff = staffByPlatform;
    // Local mode only: someone who typed their email in this organisation is recognised by it again.
    if (!speaker.email && maySelfDeclareEmail(channel, deps.allowSelfDeclaredEmail) && memory.declaredEmail) {
      speaker.email = memory.declaredEmail;
      staff = await deps.staff.findByEmail(org.id, speaker.email);
    }

    const ctx: ConversationContext = {
      org,
      speaker,
      staff,
      memory,
      shared: request.conversation === 'shared',
      ...(request.personalChatUrl ? { personalChatUrl: request.personalChatUrl } : {}),
      now: deps.clock?.() ?? new Date(),
      log,
      reply,
    };
    const before = JSON.stringify(memory);
    await dispatch(deps.core, ctx, request);

    if (ctx.forgotten) {
      await deps.memory.remove(key);
      return;
    }
    const email = ctx.staff?.email ?? ctx.speaker.email;
    if (request.conversation === 'personal' && request.reference !== undefined && email) {
      await deps.references.save({ orgId: org.id, channel, channelUserId: request.user.id, email, reference: request.reference });
    }
    if (JSON.stringify(ctx.memory) !== before) await saveMemory(deps.memory, key, ctx.memory, stored?.eTag, log, reply);
  };
}

function dispatch(core: ConversationCore, ctx: ConversationContext, request: TurnRequest): Promise<void> {
  switch (request.input.kind) {
    case 'start':
      return core.onConversationStart(ctx);
    case 'home':
      return core.onHome(ctx);
    case 'action':
      return core.onAction(ctx, request.input.payload);
    case 'text':
      return core.onMessage(ctx, request.input.text);
    case 'file':
      return core.onFile(ctx, request.input.file, request.input.text);
  }
}

/**
 * Writes memory over the version read. On a conflict (two turns from one person at once) the
 * changes are laid over the newer version once; memory only gains facts, so that is safe.
 */
async function saveMemory(
  store: MemoryStore<ConversationMemory>,
  key: string,
  memory: ConversationMemory,
  eTag: string | undefined,
  log: Logger,
  reply: (view: View) => Promise<void>,
): Promise<void> {
  try {
    await store.save(key, memory, eTag);
    return;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  const newer = await store.load(key);
  try {
    await store.save(key, { ...newer?.value, ...memory }, newer?.eTag);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    log.warn({ err: error }, 'memory changed by two turns at once; asked the person to repeat');
    await reply(BUSY);
  }
}
