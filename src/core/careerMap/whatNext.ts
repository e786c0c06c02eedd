import type { CareerCatalogue } from './catalogue';
import { SCOPE_ORDER } from './labels';
import type { Opportunity, Scope, Stage } from './schema';

export interface PersonForRanking {
  pathway: string;
  stage: string;
  /** Opportunity ids already in the person's plan. */
  saved: ReadonlySet<string>;
  /** Opportunity ids completed (never shown again). */
  completed: ReadonlySet<string>;
  /** Tags or words the person is interested in. */
  interests: readonly string[];
}

export interface RankedItem {
  opportunity: Opportunity;
  closingSoon: boolean;
  isNew: boolean;
  saved: boolean;
}

export interface WhatNextResult {
  stage: Stage;
  entitlement: RankedItem[];
  options: { scope: Scope; items: RankedItem[] }[];
  nextStage?: { stage: Stage; items: RankedItem[] };
}

export interface RankingClock {
  now: Date;
  /** When each opportunity was first published, for "new" badges. */
  publishedAt?: (id: string) => Date | undefined;
  closingSoonDays?: number;
  newForDays?: number;
}

const DAY_MS = 86_400_000;
const CLOSING_SOON_DAYS = 21;
const NEW_FOR_DAYS = 30;

/** The last moment an opportunity can be taken up (end of its closing day), if it closes. */
function closesAt(item: Opportunity): number | undefined {
  return item.closes ? Date.parse(`${item.closes}T23:59:59Z`) : undefined;
}

function isOpen(item: Opportunity, now: Date): boolean {
  const end = closesAt(item);
  return end === undefined || end >= now.getTime();
}

/** The badges an opportunity carries for one person at one moment: closing soon, new, saved. */
export function flagOpportunity(
  item: Opportunity,
  at: { now: Date; publishedAt?: Date; saved: boolean; closingSoonDays?: number; newForDays?: number },
): RankedItem {
  const end = closesAt(item);
  const now = at.now.getTime();
  return {
    opportunity: item,
    closingSoon: end !== undefined && end - now <= (at.closingSoonDays ?? CLOSING_SOON_DAYS) * DAY_MS,
    isNew: at.publishedAt !== undefined && now - at.publishedAt.getTime() <= (at.newForDays ?? NEW_FOR_DAYS) * DAY_MS,
    saved: at.saved,
  };
}

/**
 * What a person can do next: their stage's universal entitlement first, then options for their
 * stage by scope (self → school → trust → national), then a preview of the next stage. Completed
 * and closed items are dropped; within a group, closing-soon, interest matches and new items rise.
 */
export function rankWhatNext(
  catalogue: CareerCatalogue,
  person: PersonForRanking,
  clock: RankingClock,
): WhatNextResult | undefined {
  const stage = catalogue.stage(person.pathway, person.stage);
  if (!stage) return undefined;
  const interests = person.interests.map((interest) => interest.toLowerCase());

  const decorate = (item: Opportunity): RankedItem =>
    flagOpportunity(item, {
      now: clock.now,
      publishedAt: clock.publishedAt?.(item.id),
      saved: person.saved.has(item.id),
      closingSoonDays: clock.closingSoonDays,
      newForDays: clock.newForDays,
    });
  const weight = (ranked: RankedItem): number => {
    const item = ranked.opportunity;
    const interestHit = item.tags.some((tag) => interests.includes(tag.toLowerCase())) ? 1 : 0;
    return (ranked.closingSoon ? 4 : 0) + interestHit * 2 + (ranked.isNew ? 1 : 0);
  };
  const prepare = (items: Opportunity[]): RankedItem[] =>
    items
      .filter((item) => !person.completed.has(item.id) && isOpen(item, clock.now))
      .map(decorate)
      .map((ranked, index) => ({ ranked, index, weight: weight(ranked) }))
      .sort((a, b) => b.weight - a.weight || a.index - b.index)
      .map(({ ranked }) => ranked);

  const current = catalogue.forStage(person.pathway, person.stage);
  const entitlement = prepare(current.filter((item) => item.entitlement === 'universal'));
  const optional = prepare(current.filter((item) => item.entitlement === 'optional'));
  const options = SCOPE_ORDER.map((scope) => ({ scope, items: optional.filter((r) => r.opportunity.scope === scope) })).filter(
    (group) => group.items.length > 0,
  );

  const next = catalogue.nextStage(person.pathway, person.stage);
  const shownIds = new Set(current.map((item) => item.id));
  const nextItems = next
    ? prepare(catalogue.forStage(person.pathway, next.id).filter((item) => !shownIds.has(item.id)))
    : [];

  return {
    stage,
    entitlement,
    options,
    ...(next ? { nextStage: { stage: next, items: nextItems } } : {}),
  };
}
