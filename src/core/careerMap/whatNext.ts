import type { CareerCatalogue } from './catalogue';
import { SCOPE_ORDER } from './labels';
import { isForEveryone, isRequiredForRole, specificity, starterStatus, staysHidden } from './relevance';
import type { Opportunity, Pathway, Scope, Stage } from './schema';

export interface PersonForRanking {
  pathway: string;
  stage: string;
  /** Opportunity ids already in the person's plan. */
  saved: ReadonlySet<string>;
  /** Opportunity ids completed (hidden; annual items only for the school year they were done in). */
  completed: ReadonlySet<string>;
  /** When each completed item was completed, for annual items. */
  completedAt?: ReadonlyMap<string, Date>;
  /** Tags or words the person is interested in. */
  interests: readonly string[];
  /** Free-text job title, for items required for a role. */
  jobTitle?: string;
  /** YYYY-MM-DD they joined, for new-starter items. */
  startDate?: string;
}

export interface RankedItem {
  opportunity: Opportunity;
  closingSoon: boolean;
  isNew: boolean;
  saved: boolean;
  /** Required for the person's job title (`requiredFor`). */
  requiredForRole?: boolean;
}

export interface WhatNextResult {
  stage: Stage;
  /** Required for the person's role: always first. */
  required: RankedItem[];
  /** Universal items made for this stage (not the all-staff ones), most relevant first. */
  entitlement: RankedItem[];
  /** All-staff entitlements (careers discussion, CPD days, safeguarding): one short line, not the top of the card. */
  everyone: RankedItem[];
  /** Optional items grouped by scope (self → school → trust → national), most relevant first in each group. */
  options: { scope: Scope; items: RankedItem[] }[];
  /** Stage entitlement and options in one relevance order (what the card pages through). */
  ranked: RankedItem[];
  /** The person's top three next steps: required items, then the most relevant for their stage. */
  top: RankedItem[];
  /** Where people usually go next (possibly another pathway), with a few items worth knowing now. */
  nextStage?: { stage: Stage; stages: { pathway: Pathway; stage: Stage }[]; items: RankedItem[] };
}

export interface RankingClock {
  now: Date;
  /** IANA time zone for school years (TIMEZONE); Europe/London when absent. */
  timezone?: string;
  /** When each opportunity was first published, for "new" badges. */
  publishedAt?: (id: string) => Date | undefined;
  closingSoonDays?: number;
  newForDays?: number;
}

const DAY_MS = 86_400_000;
const CLOSING_SOON_DAYS = 21;
const NEW_FOR_DAYS = 30;
const TOP_STEPS = 3;

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

interface Scored {
  ranked: RankedItem;
  /** Compared left to right, larger first. */
  key: number[];
}

function compareScored(a: Scored, b: Scored): number {
  for (let i = 0; i < a.key.length; i += 1) {
    const diff = (b.key[i] ?? 0) - (a.key[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * What a person can do next, ranked as a careers lead would: anything required for their role,
 * then what was made for their stage (tagged with the stage's `focus`, then pinned `priority`, then items reaching few stages,
 * closing soon, matching their interests, new), then broader options. All-staff entitlements are
 * kept apart so they do not fill the top. Completed and closed items are dropped (annual items
 * come back each school year); new-starter items show only to people who joined within a year.
 */
export function rankWhatNext(
  catalogue: CareerCatalogue,
  person: PersonForRanking,
  clock: RankingClock,
): WhatNextResult | undefined {
  const stage = catalogue.stage(person.pathway, person.stage);
  if (!stage) return undefined;
  const timezone = clock.timezone ?? 'Europe/London';
  const interests = person.interests.map((interest) => interest.toLowerCase());
  const starter = starterStatus(person.startDate, clock.now);
  const focus = new Set((stage.focus ?? []).map((tag) => tag.toLowerCase()));

  const visible = (item: Opportunity): boolean => {
    if (!isOpen(item, clock.now)) return false;
    if (person.completed.has(item.id) && staysHidden(item, person.completedAt?.get(item.id), clock.now, timezone)) return false;
    return !(item.forNewStarters && starter === 'settled');
  };
  const everyone = (item: Opportunity): boolean => isForEveryone(catalogue, item) && !(item.forNewStarters && starter === 'new');
  const score = (item: Opportunity, index: number): Scored => {
    const ranked = flagOpportunity(item, {
      now: clock.now,
      publishedAt: clock.publishedAt?.(item.id),
      saved: person.saved.has(item.id),
      closingSoonDays: clock.closingSoonDays,
      newForDays: clock.newForDays,
    });
    const required = isRequiredForRole(item, person.jobTitle);
    if (required) ranked.requiredForRole = true;
    const interestHit = item.tags.some((tag) => interests.includes(tag.toLowerCase())) ? 1 : 0;
    const newStarter = item.forNewStarters && starter === 'new' ? 1 : 0;
    const inFocus = item.tags.some((tag) => focus.has(tag.toLowerCase())) ? 1 : 0;
    const badges = (ranked.closingSoon ? 4 : 0) + interestHit * 2 + (ranked.isNew ? 1 : 0);
    return {
      ranked,
      key: [
        required ? 1 : 0,
        newStarter,
        inFocus,
        item.priority ?? 0,
        everyone(item) ? 0 : 1,
        specificity(catalogue, item),
        badges,
        item.entitlement === 'universal' ? 1 : 0,
        -index,
      ],
    };
  };
  const rank = (items: Opportunity[]): RankedItem[] =>
    items
      .filter(visible)
      .map((item, index) => score(item, index))
      .sort(compareScored)
      .map((scored) => scored.ranked);

  const current = catalogue.forStage(person.pathway, person.stage);
  const requiredItems = catalogue.opportunities.filter(
    (item) => item.pathways.includes(person.pathway) && isRequiredForRole(item, person.jobTitle),
  );
  const requiredIds = new Set(requiredItems.map((item) => item.id));
  const rest = current.filter((item) => !requiredIds.has(item.id));

  const required = rank(requiredItems);
  const stageItems = rank(rest.filter((item) => !(item.entitlement === 'universal' && everyone(item))));
  const entitlement = stageItems.filter((r) => r.opportunity.entitlement === 'universal');
  const optional = stageItems.filter((r) => r.opportunity.entitlement === 'optional');
  const allStaff = rank(rest.filter((item) => item.entitlement === 'universal' && everyone(item)));
  const options = SCOPE_ORDER.map((scope) => ({ scope, items: optional.filter((r) => r.opportunity.scope === scope) })).filter(
    (group) => group.items.length > 0,
  );

  const nextStages = catalogue.nextStages(person.pathway, person.stage);
  const shownIds = new Set(current.map((item) => item.id));
  const seen = new Set<string>();
  const nextItems = rank(
    nextStages
      .flatMap(({ pathway, stage: next }) => catalogue.forStage(pathway.id, next.id))
      .filter((item) => !shownIds.has(item.id) && !isForEveryone(catalogue, item))
      .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true))),
  );
  const first = nextStages[0];

  return {
    stage,
    required,
    entitlement,
    everyone: allStaff,
    options,
    ranked: stageItems,
    top: [...required, ...stageItems].slice(0, TOP_STEPS),
    ...(first ? { nextStage: { stage: first.stage, stages: nextStages, items: nextItems } } : {}),
  };
}
