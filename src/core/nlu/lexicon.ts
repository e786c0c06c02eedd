/**
 * Phrase matching over word tokens: finds stage, pathway, scope, kind and named-opportunity
 * phrases (from entities.ts), longest match first, left to right, without overlaps.
 */
import type { OpportunityKind, Scope } from '../careerMap/schema';
import { KINDS, NAMED_OPPORTUNITIES, PATHWAYS, SCOPES, STAGES } from './entities';

export type PhraseValue =
  | { category: 'stage'; stage: string; pathway?: string }
  | { category: 'pathway'; pathway: string; roleStage?: string }
  | { category: 'scope'; scope: Scope }
  | { category: 'kind'; kind: OpportunityKind; priority: number }
  | { category: 'named'; topic: string; kind?: OpportunityKind };

export interface PhraseMatch {
  /** First token index. */
  start: number;
  /** One past the last token index. */
  end: number;
  value: PhraseValue;
  /** True when every token matched its phrase word exactly (no plural ending). */
  singular: boolean;
}

interface Entry {
  words: string[];
  value: PhraseValue;
}

/** Words after which "head" is not a job title ("head office", "head to"). */
const NOT_A_HEAD_AFTER = new Set(['office', 'to', 'up', 'out', 'over', 'start', 'lice', 'off', 'back', 'home', 'count']);
/** Words after which "ta" means thank you rather than teaching assistant. */
const THANKS_AFTER_TA = new Set(['very', 'much', 'muchly', 'mate', 'love', 'for', 'again', 'x', 'loads', 'everso']);
/** "head of X" where X is one of these is a headship or business role, not middle leadership. */
const HEAD_OF_EXCEPTIONS = new Set(['school', 'the', 'a', 'my', 'our', 'it', 'this', 'operations', 'finance', 'business']);
const HEAD_OF_TWO_WORD = new Set(['key', 'sixth', 'early', 'modern', 'religious', 'physical', 'design', 'computer']);

function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  const add = (phrases: readonly string[], value: PhraseValue) => {
    for (const phrase of phrases) entries.push({ words: phrase.split(' '), value });
  };
  for (const named of NAMED_OPPORTUNITIES) {
    add(named.phrases, { category: 'named', topic: named.topic, ...(named.kind ? { kind: named.kind } : {}) });
  }
  for (const stage of STAGES) {
    add(stage.phrases, { category: 'stage', stage: stage.stage, ...(stage.pathway ? { pathway: stage.pathway } : {}) });
  }
  for (const pathway of PATHWAYS) {
    add(pathway.phrases, {
      category: 'pathway',
      pathway: pathway.pathway,
      ...(pathway.roleStage ? { roleStage: pathway.roleStage } : {}),
    });
  }
  for (const scope of SCOPES) add(scope.phrases, { category: 'scope', scope: scope.scope });
  KINDS.forEach((kind, priority) => add(kind.phrases, { category: 'kind', kind: kind.kind, priority }));
  return entries;
}

/** Exact match, or the phrase word with a plural / possessive ending. */
function wordMatch(token: string, word: string): 'exact' | 'inflected' | undefined {
  if (token === word) return 'exact';
  if (word.length < 2) return undefined;
  if (token === `${word}s` || token === `${word}es` || token === `${word}'s` || token === `${word}s'`) return 'inflected';
  return undefined;
}

/** Forms a token might take in the index (itself and with plural endings removed). */
function stems(token: string): string[] {
  const forms = [token];
  for (const suffix of ["'s", "s'", 'es', 's']) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 2) forms.push(token.slice(0, -suffix.length));
  }
  return forms;
}

export class Lexicon {
  private readonly byFirstWord = new Map<string, Entry[]>();
  /** Every word of every phrase, for the spelling vocabulary. */
  readonly words: ReadonlySet<string>;

  constructor(entries: Entry[] = buildEntries()) {
    const words = new Set<string>();
    for (const entry of entries) {
      const first = entry.words[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(entry);
      this.byFirstWord.set(first, list);
      for (const word of entry.words) words.add(word);
    }
    this.words = words;
  }

  /**
   * Finds phrases in `tokens` (lower case). Tokens flagged in `blocked` (dates, durations, emails)
   * are never part of a phrase. `raw` is the as-typed text of each token, used for "TA" vs "ta".
   */
  match(tokens: readonly string[], raw: readonly string[], blocked: readonly boolean[] = []): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = blocked[i] ? undefined : this.longestAt(tokens, raw, blocked, i);
      if (found) {
        matches.push(found);
        i = found.end;
      } else {
        i += 1;
      }
    }
    return matches;
  }

  private longestAt(
    tokens: readonly string[],
    raw: readonly string[],
    blocked: readonly boolean[],
    i: number,
  ): PhraseMatch | undefined {
    const token = tokens[i] ?? '';
    let best: PhraseMatch | undefined;
    const seen = new Set<Entry>();
    for (const form of stems(token)) {
      for (const entry of this.byFirstWord.get(form) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const length = entry.words.length;
        if (best && length <= best.end - best.start) continue;
        let singular = true;
        let ok = true;
        for (let k = 0; k < length; k += 1) {
          const t = tokens[i + k];
          const w = entry.words[k];
          if (t === undefined || w === undefined || blocked[i + k]) {
            ok = false;
            break;
          }
          const result = wordMatch(t, w);
          if (!result) {
            ok = false;
            break;
          }
          if (result === 'inflected') singular = false;
        }
        if (ok) best = { start: i, end: i + length, value: entry.value, singular };
      }
    }
    const headOf = this.headOf(tokens, blocked, i, best);
    if (headOf) return headOf;
    if (best && !this.acceptable(best, tokens, raw)) return undefined;
    return best;
  }

  /** "head of science", "heads of year": middle leadership. */
  private headOf(
    tokens: readonly string[],
    blocked: readonly boolean[],
    i: number,
    best: PhraseMatch | undefined,
  ): PhraseMatch | undefined {
    const token = tokens[i];
    if (token !== 'head' && token !== 'heads') return undefined;
    if (tokens[i + 1] !== 'of') return undefined;
    if (best && best.end - best.start >= 3) return undefined;
    const subject = tokens[i + 2];
    if (subject === undefined || blocked[i + 2] || HEAD_OF_EXCEPTIONS.has(subject)) return undefined;
    const end = HEAD_OF_TWO_WORD.has(subject) && tokens[i + 3] !== undefined && !blocked[i + 3] ? i + 4 : i + 3;
    return {
      start: i,
      end,
      value: { category: 'stage', stage: 'middle-leader', pathway: 'teaching' },
      singular: token === 'head',
    };
  }

  private acceptable(match: PhraseMatch, tokens: readonly string[], raw: readonly string[]): boolean {
    const { start, end, value } = match;
    if (end - start !== 1) return true;
    const word = tokens[start];
    const next = tokens[start + 1];
    if (value.category === 'stage' && (word === 'head' || word === 'heads')) {
      return next === undefined || !NOT_A_HEAD_AFTER.has(next);
    }
    if (value.category === 'pathway' && word === 'ta' && raw[start] !== 'TA') {
      const previous = tokens[start - 1];
      const thanksContext =
        (start === 0 && (next === undefined || THANKS_AFTER_TA.has(next))) ||
        (next === undefined && previous !== undefined && ['ok', 'okay', 'cheers', 'great', 'lovely', 'brilliant', 'thanks', 'right'].includes(previous));
      return !thanksContext;
    }
    return true;
  }
}
