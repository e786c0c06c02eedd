import type { CareerCatalogue } from './catalogue';
import type { Opportunity, OpportunityKind, Scope } from './schema';

export interface OpportunityQuery {
  text?: string;
  scope?: Scope;
  kind?: OpportunityKind;
  tag?: string;
  pathway?: string;
  stage?: string;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'for', 'of', 'to', 'in', 'on', 'me', 'my', 'show', 'any', 'some']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

function textScore(item: Opportunity, terms: string[]): number {
  if (terms.length === 0) return 1;
  const title = item.title.toLowerCase();
  const haystack = `${item.id} ${title} ${item.summary.toLowerCase()} ${item.tags.join(' ').toLowerCase()} ${(item.provider ?? '').toLowerCase()}`;
  let score = 0;
  for (const term of terms) {
    if (title.includes(term) || item.id.includes(term) || item.tags.some((tag) => tag.toLowerCase() === term)) score += 3;
    else if (haystack.includes(term)) score += 1;
  }
  return score;
}

/** Filters the catalogue by scope, kind, tag, pathway/stage and free text; best text matches first. */
export function searchOpportunities(catalogue: CareerCatalogue, query: OpportunityQuery): Opportunity[] {
  const terms = query.text ? words(query.text) : [];
  const tag = query.tag?.toLowerCase();
  return catalogue.opportunities
    .filter((item) => !query.scope || item.scope === query.scope)
    .filter((item) => !query.kind || item.kind === query.kind)
    .filter((item) => !tag || item.tags.some((t) => t.toLowerCase() === tag))
    .filter((item) => !query.pathway || item.pathways.includes(query.pathway))
    .filter((item) => !query.stage || item.stages.includes(query.stage))
    .map((item, index) => ({ item, index, score: textScore(item, terms) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}

/** The opportunity a phrase most likely names ("NPQH", "tell me about chartered teacher"). */
export function findOpportunity(catalogue: CareerCatalogue, phrase: string): Opportunity | undefined {
  const exact = catalogue.opportunity(phrase.trim().toLowerCase());
  if (exact) return exact;
  return searchOpportunities(catalogue, { text: phrase })[0];
}

/**
 * Orders items by how close they sit to the person's stage on their pathway: their own stage first,
 * then the stages ahead, then those behind; items off their pathway last. Stable otherwise.
 */
export function orderByStageProximity(items: Opportunity[], catalogue: CareerCatalogue, pathwayId: string, stageId: string): Opportunity[] {
  const stages = catalogue.pathway(pathwayId)?.stages.map((stage) => stage.id) ?? [];
  const here = stages.indexOf(stageId);
  const distance = (item: Opportunity): number => {
    if (here < 0 || !item.pathways.includes(pathwayId)) return Number.MAX_SAFE_INTEGER;
    const steps = item.stages
      .map((id) => stages.indexOf(id))
      .filter((index) => index >= 0)
      .map((index) => (index >= here ? index - here : (here - index) * 2 + 0.5));
    return steps.length > 0 ? Math.min(...steps) : Number.MAX_SAFE_INTEGER;
  };
  return items
    .map((item, index) => ({ item, index, distance: distance(item) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.item);
}
