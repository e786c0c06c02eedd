import type { ChoiceOption } from '../conversation/views';

/** View models for admin features; each has a card template in `cards/`. */

export interface AdminEntryView {
  email: string;
  /** "Named in ADMIN_EMAILS" or "Made an admin by … on …". */
  sourceLabel: string;
  /** Offer "Remove": only stored grants can be removed in chat. */
  canRemove: boolean;
}

export interface AdminListView {
  type: 'adminList';
  orgName: string;
  admins: AdminEntryView[];
}

/** What the opportunity form holds; lists are comma-separated, as multi-select inputs submit them. */
export interface OpportunityFormValues {
  id?: string;
  title?: string;
  summary?: string;
  pathways?: string;
  stages?: string;
  scope?: string;
  kind?: string;
  entitlement?: string;
  provider?: string;
  url?: string;
  closes?: string;
  tags?: string;
}

export interface OpportunityFormView {
  type: 'opportunityForm';
  mode: 'add' | 'edit';
  /** The id being edited: shown, not editable, and sent back with the form. */
  editingId?: string;
  pathways: ChoiceOption[];
  /** Every stage once, its title naming the pathways it belongs to. */
  stages: ChoiceOption[];
  scopes: ChoiceOption[];
  kinds: ChoiceOption[];
  entitlements: ChoiceOption[];
  values: OpportunityFormValues;
  errors: string[];
}

export interface LatestOpportunityItem {
  id: string;
  title: string;
  kindLabel: string;
  scopeLabel: string;
  /** E.g. "Added 3 December 2026". */
  addedLabel: string;
  closesLabel?: string;
}

export interface LatestOpportunitiesView {
  type: 'adminLatestOpportunities';
  orgName: string;
  /** Admins get Edit and Add buttons; anyone else sees the list only. */
  canEdit: boolean;
  items: LatestOpportunityItem[];
}

export type AdminView = AdminListView | OpportunityFormView | LatestOpportunitiesView;
