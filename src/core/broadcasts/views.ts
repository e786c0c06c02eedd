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


export type BroadcastView = BroadcastOpportunityView;
