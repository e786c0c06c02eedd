import { randomBytes } from 'node:crypto';

/** A fresh id for a preview card; the broadcast its Confirm queues is derived from it. */
export const newPreviewId = (): string => randomBytes(8).toString('hex');

/** Who a broadcast addresses; the same rule for the CLI, the chat form and the preview's wording. */
export interface AudienceFilters {
  pathway?: string;
  stage?: string;
  school?: string;
  channels?: readonly string[];
}

/** People are included when a person filter is given, or when no channel is (everyone active). */
export function includesPeople(filters: AudienceFilters): boolean {
  return (filters.channels ?? []).length === 0 || Boolean(filters.pathway ?? filters.stage ?? filters.school);
}
