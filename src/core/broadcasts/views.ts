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


/** What an admin sees before confirming: the exact count, and Confirm / Cancel. */
export interface BroadcastPreviewView {
  type: 'broadcastPreview';
  opportunityId: string;
  title: string;
  audienceLabel: string;
  recipients: number;
  unreachable: number;
  pathway?: string;
  stage?: string;
  school?: string;
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
export interface ReachSummaryView {
  type: 'reachSummary';
  sinceLabel: string;
  broadcasts: number;
  reached: number;
  failed: number;
  unreachable: number;
  pending: number;
  saved: number;
  interested: number;
  notReached: number;
  months: number;
}

export type BroadcastView = BroadcastOpportunityView | BroadcastPreviewView | BroadcastProgressView | ReachSummaryView;
