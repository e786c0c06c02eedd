import type { SaveOpportunityAction } from '../actions';
import type { OpportunitySummary } from '../views';

/** Where a card's "Save to plan" buttons say they came from (not the opportunity itself). */
export type SaveOrigin = Omit<SaveOpportunityAction, 'action' | 'opportunityId'>;

/** Adds the save payload that brings the press back to this card, for items that can still be saved. */
export function withSaveAction<T extends OpportunitySummary>(item: T, origin: SaveOrigin): T {
  if (item.saved || item.shared) return item;
  return { ...item, saveAction: { action: 'saveOpportunity', opportunityId: item.id, ...origin } };
}
