import { flagOpportunity, type RankedItem } from '../../careerMap/whatNext';
import { KIND_LABELS, SCOPE_LABELS } from '../../careerMap/labels';
import type { Opportunity } from '../../careerMap/schema';
import type { OpportunitySummary } from '../views';
import { formatDate } from './dates';

export function summarise(ranked: RankedItem): OpportunitySummary {
  const item = ranked.opportunity;
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    scope: item.scope,
    scopeLabel: SCOPE_LABELS[item.scope],
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    entitlement: item.entitlement,
    ...(item.provider ? { provider: item.provider } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(item.closes ? { closesLabel: formatDate(item.closes) } : {}),
    closingSoon: ranked.closingSoon,
    isNew: ranked.isNew,
    saved: ranked.saved,
    hasOwner: Boolean(item.owner),
    shortSummary: firstSentence(item.summary),
    ...(ranked.requiredForRole ? { requiredForRole: true } : {}),
  };
}

const SHORT_SUMMARY_CHARS = 140;

/** The summary's first sentence, cut at a word boundary if it is long. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text);
  const sentence = (match ? match[0] : text).trim();
  if (sentence.length <= SHORT_SUMMARY_CHARS) return sentence;
  const cut = sentence.slice(0, SHORT_SUMMARY_CHARS - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

/** A summary for an opportunity outside a ranking (browse, detail, plan). */
export function summariseItem(
  item: Opportunity,
  flags: { saved: boolean; now: Date; publishedAt?: Date },
): OpportunitySummary {
  return summarise(flagOpportunity(item, flags));
}
