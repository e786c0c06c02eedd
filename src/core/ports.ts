import type { CareerMap, Opportunity } from './careerMap/schema';
import type { ChannelName } from './conversation/context';
import type { View } from './conversation/views';
import type { Organisation, Workspace } from './organisation/organisation';
import type { PlanStatus } from './plan/planStatus';
import type { StaffMember } from './staff/staffMember';

/**
 * What the core needs from the outside world, declared here and implemented elsewhere (`store/`
 * for MongoDB, `channels/` for platforms). The core depends on these interfaces only; `app.ts`
 * wires the implementations in.
 */

export interface OrganisationDirectory {
  /** The organisation a Teams tenant or Slack workspace belongs to, or null when it is not set up. */
  resolve(workspace: Workspace): Promise<Organisation | null>;
}

export interface StaffDirectory {
  findByEmail(orgId: string, email: string): Promise<StaffMember | null>;
  save(member: StaffMember): Promise<StaffMember>;
  update(orgId: string, email: string, changes: Partial<Omit<StaffMember, 'orgId' | 'email'>>): Promise<StaffMember | null>;
  delete(orgId: string, email: string): Promise<boolean>;
}

export interface PlanItem {
  opportunityId: string;
  status: PlanStatus;
  history: { status: PlanStatus; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

/** What a status change did: moved forward, was already there, would go back, or the item is gone. */
export type StatusChange = 'changed' | 'unchanged' | 'backwards' | 'missing';

export interface PlanStore {
  list(orgId: string, email: string): Promise<PlanItem[]>;
  /** Adds an item as "interested"; false when it was already in the plan. */
  add(orgId: string, email: string, opportunityId: string, now?: Date): Promise<boolean>;
  setStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now?: Date): Promise<boolean>;
  /** Moves an item forward only (a conditional write); a repeat or a step back changes nothing. */
  advanceStatus(orgId: string, email: string, opportunityId: string, status: PlanStatus, now?: Date): Promise<StatusChange>;
  remove(orgId: string, email: string, opportunityId: string): Promise<boolean>;
  deleteAllFor(orgId: string, email: string): Promise<number>;
}

export interface CpdEntry {
  id: string;
  title: string;
  days: number;
  /** YYYY-MM-DD */
  date: string;
  opportunityId?: string;
}

export interface CpdLog {
  add(orgId: string, email: string, entry: Omit<CpdEntry, 'id'>): Promise<CpdEntry>;
  /** CPD for completing an opportunity, logged at most once per person and opportunity. */
  addForCompletion(orgId: string, email: string, entry: Omit<CpdEntry, 'id'> & { opportunityId: string }): Promise<boolean>;
  /** Newest first; only those dated within [from, to] inclusive when a range is given. */
  list(orgId: string, email: string, range?: { from: string; to: string }): Promise<CpdEntry[]>;
  deleteAllFor(orgId: string, email: string): Promise<number>;
}

/** Where to reach a person later, as their channel described it. */
export interface SavedReference {
  orgId: string;
  channel: ChannelName;
  channelUserId: string;
  email?: string;
  reference: unknown;
}

export interface ReferenceStore {
  /** Keyed by organisation, channel and platform user; implementations skip unchanged writes. */
  save(ref: SavedReference): Promise<void>;
  findByEmail(orgId: string, email: string): Promise<SavedReference[]>;
  deleteByEmail(orgId: string, email: string): Promise<number>;
}

/** At most once per person, kind and subject (an owner told of interest): the first claim wins. */
export interface OnceOnlyClaims {
  claim(orgId: string, email: string, kind: string, subject: string, now?: Date): Promise<boolean>;
  release(orgId: string, email: string, kind: string, subject: string): Promise<void>;
}

/** Single-use, expiring tokens issued by a confirmation card and required by the action it confirms. */
export interface ConfirmationTokens {
  issue(orgId: string, email: string, purpose: string, now?: Date): Promise<string>;
  consume(orgId: string, email: string, purpose: string, token: string, now?: Date): Promise<boolean>;
}

/** Audit entries that concern a person, for "my data". */
export interface AuditAboutPerson {
  total: number;
  entries: { at: Date; action: string; byThem: boolean }[];
}

/** What is held about a person beyond their profile, plan, CPD log and references. */
export interface PersonalDataStore {
  /**
   * Deletes or pseudonymises every other record that holds the person's email or name: audit
   * entries keep their shape under a stable pseudonym; messages, roles, preferences and memory go.
   */
  eraseTraces(person: { orgId: string; email: string; name?: string; channelUserIds: string[] }): Promise<Record<string, number>>;
  auditAbout(orgId: string, email: string, name: string | undefined, limit: number): Promise<AuditAboutPerson>;
}

export interface AuditTrail {
  record(orgId: string, actor: string, action: string, details?: Record<string, unknown>): Promise<void>;
}

export interface StoredOpportunity {
  opportunity: Opportunity;
  createdAt: Date;
  origin: 'default-map' | 'import';
}

/** Where an organisation's career map and opportunities come from. */
export interface CatalogueSources {
  careerMaps: { get(orgId: string): Promise<CareerMap | null> };
  opportunities: { listForOrg(orgId: string): Promise<StoredOpportunity[]> };
}

/** A small JSON document with an opaque version tag for optimistic concurrency. */
export interface Versioned<T> {
  value: T;
  eTag: string;
}

/** Per-person memory between turns. Writes are conditional on the eTag that was read. */
export interface MemoryStore<T extends object = Record<string, unknown>> {
  load(key: string): Promise<Versioned<T> | undefined>;
  /**
   * Saves `value` if the stored version still has `eTag` (or, with no eTag, if nothing is stored).
   * Throws ConflictError when another turn got there first.
   */
  save(key: string, value: T, eTag: string | undefined): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Who a platform user is, as the platform says (never from a payload). Provided by the channel. */
export interface MemberLookup {
  lookup(): Promise<{ email?: string; name?: string }>;
}

export interface ReplyOptions {
  /** The answer belongs in place of the card whose button was pressed (a plan after a status change). */
  replaceCard?: boolean;
}

/** How a channel delivers the views of one turn. */
export interface Replier {
  reply(view: View, options?: ReplyOptions): Promise<void>;
}
