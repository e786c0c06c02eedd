import type { AdminListView, LatestOpportunitiesView, OpportunityFormView } from '../admin/views';
import type { Entitlement, OpportunityKind, ReadingItem, Scope } from '../careerMap/schema';
import type { KnownIntent } from '../nlu';
import type { PlanStatus } from '../plan/planStatus';
import type { NudgeView } from '../nudges/views';
import type { SaveOpportunityAction } from './actions';
import type { DirectoryUploadView } from '../uploads/views';
import type { BroadcastView } from '../broadcasts/views';

/**
 * Platform-neutral view models. The conversation core replies with these; Teams renders them as
 * Adaptive Cards (cards/*.json) and Slack as Block Kit.
 */

export interface OpportunitySummary {
  id: string;
  title: string;
  summary: string;
  scope: Scope;
  scopeLabel: string;
  kind: OpportunityKind;
  kindLabel: string;
  entitlement: Entitlement;
  provider?: string;
  url?: string;
  /** Closing date formatted for people, e.g. "31 March 2027". */
  closesLabel?: string;
  closingSoon: boolean;
  isNew: boolean;
  /** Already in the person's plan. */
  saved: boolean;
  /** Someone (the owner) is told when a person marks interest. */
  hasOwner: boolean;
  /** First sentence of the summary, for compact lists (the full text is one click away). */
  shortSummary?: string;
  /** Required for the person's job title. */
  requiredForRole?: boolean;
  /** Hide buttons that save or change a plan (shared conversations). */
  shared?: boolean;
  /** What "Save to plan" sends when the card it is on should be redrawn afterwards. */
  saveAction?: SaveOpportunityAction;
}

export interface ScopeGroup {
  scope: Scope;
  scopeLabel: string;
  items: OpportunitySummary[];
}

export interface ChoiceOption {
  id: string;
  name: string;
}

export interface PathwayChoice extends ChoiceOption {
  stages: ChoiceOption[];
}

export interface Suggestion {
  label: string;
  /** Text sent as if the person had typed it. */
  text: string;
  /** The intent the button runs directly (a `runIntent` action), so it works where typed-text buttons do not. */
  intent?: KnownIntent;
}

export interface WelcomeView {
  type: 'welcome';
  orgName: string;
  name?: string;
  /** Found in the staff directory or already onboarded. */
  known: boolean;
  stageName?: string;
}

export interface HelpView {
  type: 'help';
  suggestions: Suggestion[];
}

export interface TextView {
  type: 'text';
  text: string;
  /** A link the channel shows as a button (the personal chat, when a channel answer was refused). */
  link?: { label: string; url: string };
}

export interface NotSetUpView {
  type: 'notSetUp';
}

export interface ClarifyView {
  type: 'clarify';
  heard: string;
  suggestions: Suggestion[];
}

export interface OnboardingView {
  type: 'onboarding';
  /** Ask for a work email because the platform did not give one. */
  askEmail: boolean;
  pathways: PathwayChoice[];
  values: {
    email?: string;
    name?: string;
    pathway?: string;
    stage?: string;
    school?: string;
    managerEmail?: string;
    nextDiscussion?: string;
  };
  errors: string[];
}

export interface WhatNextView {
  type: 'whatNext';
  name: string;
  pathwayName: string;
  stageName: string;
  school?: string;
  /** Universal entitlement for the person's stage. */
  entitlement: OpportunitySummary[];
  /** Options agreed with the line manager, grouped self → school → trust → national. */
  options: ScopeGroup[];
  nextStage?: { name: string; items: OpportunitySummary[] };
  page: number;
  hasMore: boolean;
  /** The person's top three next steps (page 1 only); `entitlement` and `options` then hold the rest. */
  topSteps?: OpportunitySummary[];
  /** All-staff entitlements collapsed to one line, e.g. "Annual careers discussion · Five CPD days every year". */
  everyoneLine?: string;
  /** Their line manager's name or email, when known. */
  lineManager?: string;
  /** Next careers discussion, e.g. "15 March 2027", when known. */
  nextDiscussionLabel?: string;
  /** A channel or group chat: no save or plan buttons. */
  shared?: boolean;
}

export interface OpportunityListView {
  type: 'opportunityList';
  title: string;
  /** What the filter was, in words (e.g. "Qualifications · trust-wide"). */
  filterLabel: string;
  items: OpportunitySummary[];
  page: number;
  hasMore: boolean;
  /** Echoed back by the "show more" button. */
  query: { text?: string; scope?: Scope; kind?: OpportunityKind; tag?: string; pathway?: string; stage?: string };
}

export interface OpportunityDetailView {
  type: 'opportunityDetail';
  item: OpportunitySummary & { tags: string[]; pathwayNames: string[]; stageNames: string[]; ownerName?: string };
  planStatus?: PlanStatus;
  planStatusLabel?: string;
}

export interface PlanItemView {
  opportunity: OpportunitySummary;
  status: PlanStatus;
  statusLabel: string;
  nextStatus?: PlanStatus;
  nextStatusLabel?: string;
}

export interface PlanView {
  type: 'plan';
  name: string;
  items: PlanItemView[];
  /** Asked before an item is removed: its "yes" button carries a single-use token. */
  confirmRemove?: { opportunityId: string; title: string; token: string };
}

export interface CpdProgressView {
  type: 'cpdProgress';
  /** E.g. "2026/27". */
  yearLabel: string;
  daysLogged: number;
  entitlementDays: number;
  /** 0-100, capped. */
  percent: number;
  onTrack: boolean;
  recent: { title: string; days: number; dateLabel: string }[];
  /** Set when this card confirms a new entry. */
  justLogged?: { title: string; days: number; dateLabel: string };
}

export interface LogCpdFormView {
  type: 'logCpdForm';
  values: { title?: string; days?: number; date?: string };
  errors: string[];
}

export interface ReadingListView {
  type: 'readingList';
  stageName: string;
  items: ReadingItem[];
}

export interface ProfileView {
  type: 'profile';
  name: string;
  email: string;
  pathwayName: string;
  stageName: string;
  school?: string;
  managerEmail?: string;
  nextDiscussionLabel?: string;
}

export interface MyDataView {
  type: 'myData';
  sections: { title: string; facts: { label: string; value: string }[] }[];
}

export interface ConfirmDeleteView {
  type: 'confirmDelete';
  /** Single use and expiring: the delete button carries it, and deleting needs it. */
  token: string;
}

export type View =
  | WelcomeView
  | HelpView
  | TextView
  | NotSetUpView
  | ClarifyView
  | OnboardingView
  | WhatNextView
  | OpportunityListView
  | OpportunityDetailView
  | PlanView
  | CpdProgressView
  | LogCpdFormView
  | ReadingListView
  | ProfileView
  | MyDataView
  | ConfirmDeleteView
  | AdminListView
  | OpportunityFormView
  | LatestOpportunitiesView
  | NudgeView
  | DirectoryUploadView
  | BroadcastView;

export type ViewType = View['type'];
