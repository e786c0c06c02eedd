import type { ChoiceOption } from '../conversation/views';
import type { ReachFacts } from './ports';

/** View models for admin broadcasts and the reach report. */

/** The opportunity as it appears on a broadcast card. */
export interface BroadcastItem {
  id: string;
  title: string;
  summary: string;
  kindLabel: string;
  scopeLabel: string;
  provider?: string;
  url?: string;
  closesLabel?: string;
}

/** What each recipient (a person or a channel) receives: the opportunity, to save or show interest in. */
export interface BroadcastOpportunityView {
  type: 'broadcastOpportunity';
  orgName: string;
  item: BroadcastItem;
}

/** What the audience form holds, as its inputs submit it (channels comma-separated, stage `pathway/stage`). */
export interface BroadcastFormValues {
  opportunityId?: string;
  pathway?: string;
  stage?: string;
  school?: string;
  channels?: string;
}

/**
 * The audience form: which opportunity, to whom (pathway, stage, school; empty means everyone
 * active) and/or which channels. Submitting it shows the preview with the exact count.
 */
export interface BroadcastFormView {
  type: 'broadcastForm';
  /** Most relevant first: lately added, then closing soonest, then the rest by title. */
  opportunities: ChoiceOption[];
  /** Open opportunities left off the list (it is capped); an admin names one in words instead. */
  unlistedOpportunities: number;
  pathways: ChoiceOption[];
  /** One per pathway and stage, valued `pathway/stage`, named "Stage (Pathway)". */
  stages: ChoiceOption[];
  /** The schools present in the active directory. */
  schools: ChoiceOption[];
  /** Active channels the bot can post in, valued by their public ref (`teams:…` / `slack:…`). */
  channels: ChoiceOption[];
  values: BroadcastFormValues;
  errors: string[];
}

/** What an admin sees before confirming: the exact count, and Confirm / Cancel. */
export interface BroadcastPreviewView {
  type: 'broadcastPreview';
  /** Names this preview: its Confirm queues one broadcast however often it is pressed. */
  previewId: string;
  opportunityId: string;
  title: string;
  audienceLabel: string;
  recipients: number;
  unreachable: number;
  pathway?: string;
  stage?: string;
  school?: string;
  /** Channel refs the confirm carries. */
  channels?: string[];
}

/** A broadcast's progress, refreshed in place, with Cancel while anything is pending. */
export interface BroadcastProgressView {
  type: 'broadcastProgress';
  broadcastId: string;
  title: string;
  statusLabel: string;
  recipients: number;
  sent: number;
  failed: number;
  unreachable: number;
  pending: number;
  cancelled: number;
  canCancel: boolean;
}

/** The reach report in brief, for admins in chat (the CLI has the full breakdown). */
export type ReachSummaryView = { type: 'reachSummary'; sinceLabel: string } & Omit<ReachFacts, 'since'>;

export type BroadcastView = BroadcastOpportunityView | BroadcastFormView | BroadcastPreviewView | BroadcastProgressView | ReachSummaryView;
