/**
 * Entity extraction: turns prepared text into an analysis (corrected tokens, phrase matches,
 * date, duration, email and the text handed to the intent classifier), then resolves that
 * analysis into NluEntities once the intent is known.
 */
import type { OpportunityKind } from '../careerMap/schema';
import { findDate } from './dates';
import { findDuration } from './duration';
import { CONTAINER_KINDS } from './entities';
import type { Lexicon, PhraseMatch } from './lexicon';
import { tokenise } from './normalise';
import type { SpellingCorrector } from './spelling';
import { extractTopic } from './topic';
import type { Intent, NluEntities } from './types';
import { lookupTable } from '../../lib/lookupTable';

export type TokenTag = 'date' | 'duration' | 'email';

export interface Analysis {
  /** Lower-case, shorthand-expanded, spelling-corrected words. */
  words: string[];
  /** As-typed words, aligned with `words`. */
  raw: string[];
  /** Date, duration or email covering each word, if any. */
  tags: Array<TokenTag | undefined>;
  /** True when the typed text had punctuation straight after the word. */
  breakAfter: boolean[];
  phrases: PhraseMatch[];
  date?: string;
  durationDays?: number;
  email?: string;
  /** Words with entities replaced by placeholders, for the intent classifier. */
  classifierText: string;
}

/** Placeholder words: the classifier learns "become a ROLE", not every role's name. */
export const PLACEHOLDERS = {
  role: 'roleword',
  named: 'namedopportunity',
  date: 'dateword',
  duration: 'durationword',
  email: 'emailaddress',
} as const;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface AnalyseOptions {
  lexicon: Lexicon;
  corrector?: SpellingCorrector;
  referenceDate?: Date;
  /** IANA time zone that "today" is in. */
  timezone?: string;
}

export function analyse(prepared: string, options: AnalyseOptions): Analysis {
  const tokens = tokenise(prepared);
  const raw = tokens.map((token) => token.raw);
  const words = tokens.map((token) => (options.corrector ? options.corrector.correct(token.norm) : token.norm));
  const breakAfter = breakFlags(prepared, raw);
  const tags: Array<TokenTag | undefined> = words.map((word) => (EMAIL.test(word) ? 'email' : undefined));

  // Character offsets of each word in the joined text, to map regex matches back to words.
  const offsets: number[] = [];
  let joined = '';
  words.forEach((word, index) => {
    if (index > 0) joined += ' ';
    offsets.push(joined.length);
    joined += word;
  });
  const tagSpan = (start: number, end: number, tag: TokenTag) => {
    words.forEach((word, index) => {
      const from = offsets[index] ?? 0;
      if (from < end && from + word.length > start && tags[index] === undefined) tags[index] = tag;
    });
  };

  let searchable = joined;
  const blank = (start: number, end: number) => {
    searchable = searchable.slice(0, start) + ' '.repeat(end - start) + searchable.slice(end);
  };
  const date = findDate(searchable, options.referenceDate ?? new Date(), options.timezone);
  if (date) {
    tagSpan(date.start, date.end, 'date');
    blank(date.start, date.end);
  }
  const duration = findDuration(searchable);
  if (duration) tagSpan(duration.start, duration.end, 'duration');

  const blocked = tags.map((tag) => tag !== undefined);
  const phrases = options.lexicon.match(words, raw, blocked);
  const emailIndex = tags.indexOf('email');

  return {
    words,
    raw,
    tags,
    breakAfter,
    phrases,
    ...(date ? { date: date.iso } : {}),
    ...(duration ? { durationDays: duration.days } : {}),
    ...(emailIndex >= 0 && words[emailIndex] ? { email: words[emailIndex] } : {}),
    classifierText: classifierText(words, tags, phrases),
  };
}

function breakFlags(prepared: string, raw: readonly string[]): boolean[] {
  const flags: boolean[] = [];
  let cursor = 0;
  for (const word of raw) {
    const at = prepared.indexOf(word, cursor);
    const end = at >= 0 ? at + word.length : cursor;
    const rest = prepared.slice(end);
    flags.push(/^\s*[,.;:!?()]/.test(rest));
    cursor = end;
  }
  return flags;
}

/**
 * Words rewritten for the classifier only. The English stemmer reduces "manager" and
 * "management" to the same stem, so "behaviour management training" looked like a question
 * about a line manager; roles that contain "manager" are already replaced by ROLE.
 */
const CLASSIFIER_SYNONYMS: Readonly<Record<string, string>> = lookupTable({
  manager: 'boss',
  managers: 'boss',
  "manager's": 'boss',
});

function classifierText(words: readonly string[], tags: ReadonlyArray<TokenTag | undefined>, phrases: readonly PhraseMatch[]): string {
  const out: string[] = [];
  const phraseAt = new Map(phrases.map((phrase) => [phrase.start, phrase]));
  let i = 0;
  while (i < words.length) {
    const tag = tags[i];
    if (tag) {
      out.push(PLACEHOLDERS[tag]);
      while (i < words.length && tags[i] === tag) i += 1;
      continue;
    }
    const phrase = phraseAt.get(i);
    if (phrase && (phrase.value.category === 'stage' || phrase.value.category === 'pathway')) {
      out.push(PLACEHOLDERS.role);
      i = phrase.end;
      continue;
    }
    if (phrase && phrase.value.category === 'named') {
      out.push(PLACEHOLDERS.named);
      i = phrase.end;
      continue;
    }
    const word = words[i] ?? '';
    out.push(CLASSIFIER_SYNONYMS[word] ?? word);
    i += 1;
  }
  return out.join(' ');
}

/** Intents where a bare "teaching assistant" is about the person's own role. */
const ROLE_INTENTS: ReadonlySet<Intent> = new Set(['setStage', 'whatNext']);
const ROLE_ARTICLES = new Set(['a', 'an', 'as']);

/** Resolves the analysis into entities; the intent decides role readings and whether a topic applies. */
export function resolveEntities(analysis: Analysis, intent: Intent): NluEntities {
  const entities: NluEntities = {};
  const { phrases, words } = analysis;

  // Stage: the last role mentioned ("I'm a TA and want to be an HLTA" -> hlta).
  let stageMatch: { stage: string; pathway?: string } | undefined;
  let pathwayOnly: string | undefined;
  for (const phrase of phrases) {
    const value = phrase.value;
    if (value.category === 'stage') {
      stageMatch = { stage: value.stage, ...(value.pathway ? { pathway: value.pathway } : {}) };
    } else if (value.category === 'pathway') {
      pathwayOnly = value.pathway;
      const previous = words[phrase.start - 1];
      const aboutRole =
        value.roleStage !== undefined &&
        ((phrase.singular && previous !== undefined && ROLE_ARTICLES.has(previous)) || ROLE_INTENTS.has(intent));
      if (aboutRole && value.roleStage) stageMatch = { stage: value.roleStage, pathway: value.pathway };
    }
  }
  if (stageMatch) entities.stage = stageMatch.stage;
  const pathway = stageMatch?.pathway ?? pathwayOnly;
  if (pathway) entities.pathway = pathway;

  const scope = phrases.find((phrase) => phrase.value.category === 'scope');
  if (scope && scope.value.category === 'scope') entities.scope = scope.value.scope;

  const kind = pickKind(phrases, words);
  if (kind) entities.kind = kind;

  if (analysis.date) entities.date = analysis.date;
  if (analysis.durationDays !== undefined) entities.durationDays = analysis.durationDays;
  if (analysis.email) entities.email = analysis.email;

  const topic = extractTopic(analysis, intent);
  if (topic) entities.topic = topic;
  return entities;
}

const OBJECT_PREPOSITIONS = new Set(['on', 'in', 'about', 'around', 'into']);

function pickKind(phrases: readonly PhraseMatch[], words: readonly string[]): OpportunityKind | undefined {
  let best: { kind: OpportunityKind; priority: number } | undefined;
  let containerSeen = false;
  for (const phrase of phrases) {
    const value = phrase.value;
    let candidate: { kind: OpportunityKind; priority: number } | undefined;
    if (value.category === 'kind') candidate = { kind: value.kind, priority: value.priority };
    else if (value.category === 'named' && value.kind) candidate = { kind: value.kind, priority: -1 };
    if (!candidate) continue;
    const isContainer = CONTAINER_KINDS.has(candidate.kind);
    // "a course on coaching": coaching is the subject, the opportunity is a course.
    const previous = words[phrase.start - 1];
    if (!isContainer && containerSeen && previous !== undefined && OBJECT_PREPOSITIONS.has(previous)) continue;
    if (isContainer) containerSeen = true;
    if (!best || candidate.priority < best.priority) best = candidate;
  }
  return best?.kind;
}
