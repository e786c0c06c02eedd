/**
 * Topic extraction: the salient free-text subject of a message ("phonics", "NPQH",
 * "head of department"), used for searching opportunities and labelling CPD entries.
 */
import { DISPLAY_FORMS } from './entities';
import type { Analysis } from './extract';
import type { Intent } from './types';

/** Intents whose handlers use a topic. */
const TOPIC_INTENTS: ReadonlySet<Intent> = new Set([
  'whatNext',
  'browse',
  'opportunityDetails',
  'saveOpportunity',
  'logCpd',
  'readingList',
]);
/** Intents where the topic may be nothing but an entity phrase ("tell me about coaching"). */
const NAMING_INTENTS: ReadonlySet<Intent> = new Set(['opportunityDetails', 'saveOpportunity', 'logCpd']);

const MAX_TOPIC_WORDS = 6;

const CONTAINERS_BEFORE_SUBJECT = new Set([
  'course', 'courses', 'training', 'trainings', 'session', 'sessions', 'workshop', 'workshops', 'webinar', 'webinars',
  'cpd', 'inset', 'module', 'modules', 'twilight', 'twilights', 'seminar', 'seminars', 'conference', 'conferences',
  'programme', 'programmes', 'talk', 'lecture', 'day', 'update', 'refresher', 'certificate', 'qualification', 'npq',
  'event', 'events', 'books', 'book', 'reading', 'articles',
]);
const CONTAINERS_AFTER_SUBJECT = new Set([
  'course', 'courses', 'training', 'session', 'sessions', 'workshop', 'workshops', 'webinar', 'webinars', 'cpd',
  'inset', 'module', 'twilight', 'refresher', 'update',
]);
const SUBJECT_PREPOSITIONS = new Set(['on', 'in', 'about', 'around', 'covering', 'regarding']);
/** Words that introduce a subject, strongest first. */
const SUBJECT_TRIGGERS = new Set(['about', 'on', 'regarding', 're', 'around', 'covering', 'explain', 'called', 'named']);
const WEAK_TRIGGERS = new Set(['in', 'of', 'for']);
const SAVE_VERBS = new Set(['save', 'add', 'bookmark', 'put', 'keep', 'pin', 'store', 'stick', 'include']);
const BECOME_PRECEDERS_FOR_INTO = new Set(['get', 'getting', 'move', 'moving', 'step', 'stepping', 'go', 'going', 'progress', 'progressing', 'career']);

const STOP_WORDS = new Set([
  'for', 'to', 'with', 'at', 'from', 'by', 'in', 'on', 'during', 'over', 'across', 'this', 'last', 'next', 'that',
  'which', 'who', 'because', 'so', 'but', 'as', 'please', 'i', 'we', 'you', 'me', 'my', 'our', 'it', 'is', 'are',
  'was', 'were', 'be', 'if', 'when', 'then', 'thanks', 'thank', 'cheers', 'ta', 'can', 'could', 'would', 'should',
  'will', 'do', 'does', 'did', 'have', 'has', 'had', "i'm", "i've", 'yesterday', 'today', 'pls', 'or', 'what',
  'how', 'where', 'why', 'there', 'they', 'them', 'ago', 'now', 'after', 'before', 'until', 'since', 'like', 'and',
]);
const LEADING_FILLERS = new Set([
  'the', 'a', 'an', 'my', 'our', 'some', 'any', 'this', 'that', 'more', 'all', 'your', 'those', 'these', 'another',
  'information', 'info', 'details', 'detail', 'about', 'on', 'of', 'doing', 'to', 'be', 'being', 'me', 'us', 'what',
  "what's", 'bit', 'little', 'few', 'couple', 'abit', 'further', 'full', 'exactly', 'actually', 'really',
  'new', 'up', 'out', 'done', 'attended', 'completed',
]);
const TRAILING_FILLERS = new Set([
  'course', 'courses', 'training', 'session', 'sessions', 'workshop', 'workshops', 'cpd', 'webinar', 'inset', 'day',
  'days', 'please', 'then', 'now', 'too', 'also', 'again', 'stuff', 'things', 'thing', 'opportunity',
  'opportunities', 'options', 'option', 'module', 'one', 'ones', 'bit', 'more', 'here', 'today', 'thanks', 'mate',
  'refresher', 'update', 'twilight',
]);
const NON_TOPIC = new Set([
  'me', 'it', 'that', 'this', 'them', 'you', 'plan', 'plans', 'development', 'dev', 'profile', 'data', 'stage',
  'school', 'progress', 'entitlement', 'next', 'step', 'steps', 'there', 'here', 'anything', 'something',
  'everything', 'stuff', 'what', 'how', 'more', 'options', 'opportunities', 'opportunity', 'help', 'things', 'thing',
  'career', 'job', 'role', 'available', 'now', 'today', 'my', 'cpd', 'training', 'course', 'courses', 'hours', 'days',
  'information', 'details', 'one', 'can', 'do', 'i', 'they', 'manager', 'line', 'myself', 'yourself', 'bot',
  'nextstep', 'level', 'offer', 'offered', 'list', 'reading', 'read', 'books', 'progression',
  'out', 'up', 'other', 'others', 'else', 'all', 'these', 'those', 'which', 'ones', 'saved', 'mine',
]);

interface Candidate {
  start: number;
  /** The captured words may consist entirely of entity phrases (a role, a kind). */
  allowCovered: boolean;
}

/** Display form of a topic word: known acronyms upper-cased, everything else as lower case. */
function display(word: string): string {
  return DISPLAY_FORMS[word] ?? word;
}

export function extractTopic(analysis: Analysis, intent: Intent): string | undefined {
  if (!TOPIC_INTENTS.has(intent)) return undefined;
  const named = analysis.phrases.find((phrase) => phrase.value.category === 'named');
  if (named && named.value.category === 'named') return named.value.topic;

  const naming = NAMING_INTENTS.has(intent);
  for (const candidate of candidates(analysis, naming)) {
    const topic = capture(analysis, candidate);
    if (topic) return topic;
  }
  return undefined;
}

function candidates(analysis: Analysis, naming: boolean): Candidate[] {
  const { words } = analysis;
  const become: Candidate[] = [];
  const containerObject: Candidate[] = [];
  const containerSubject: Candidate[] = [];
  const save: Candidate[] = [];
  const generic: Candidate[] = [];
  const weak: Candidate[] = [];
  words.forEach((word, i) => {
    const previous = words[i - 1];
    const next = words[i + 1];
    if (word === 'become' || word === 'becoming' || (word === 'be' && previous === 'to')) {
      become.push({ start: i + 1, allowCovered: true });
    } else if (word === 'into' && previous !== undefined && BECOME_PRECEDERS_FOR_INTO.has(previous)) {
      become.push({ start: i + 1, allowCovered: true });
    } else if (word === 'as' && previous !== undefined && /^(train|training|qualify|qualifying|work|working|retrain)$/.test(previous)) {
      become.push({ start: i + 1, allowCovered: true });
    }
    if (CONTAINERS_BEFORE_SUBJECT.has(word) && next !== undefined && SUBJECT_PREPOSITIONS.has(next)) {
      containerObject.push({ start: i + 2, allowCovered: true });
    }
    if (CONTAINERS_AFTER_SUBJECT.has(word) && i > 0) {
      let start = i;
      while (start > 0 && start > i - 4 && isSubjectWord(analysis, start - 1)) start -= 1;
      if (start < i) containerSubject.push({ start, allowCovered: naming });
    }
    if (SAVE_VERBS.has(word)) save.push({ start: i + 1, allowCovered: true });
    if (SUBJECT_TRIGGERS.has(word)) generic.push({ start: i + 1, allowCovered: naming });
    if (WEAK_TRIGGERS.has(word)) weak.push({ start: i + 1, allowCovered: naming });
    if (word === "what's" || word === "who's" || ((word === 'is' || word === 'are') && (previous === 'what' || previous === 'who'))) {
      weak.push({ start: i + 1, allowCovered: naming });
    }
  });
  return [...become, ...containerObject, ...containerSubject, ...save, ...generic, ...weak];
}

/** A word that can be part of a subject written before "course" / "training". */
function isSubjectWord(analysis: Analysis, index: number): boolean {
  const word = analysis.words[index];
  if (word === undefined || analysis.tags[index] !== undefined || analysis.breakAfter[index]) return false;
  if (STOP_WORDS.has(word) || LEADING_FILLERS.has(word) || NON_TOPIC.has(word)) return false;
  if (CONTAINERS_AFTER_SUBJECT.has(word)) return false;
  return /^[\p{L}\p{N}'&]+$/u.test(word);
}

function capture(analysis: Analysis, candidate: Candidate): string | undefined {
  const { words, tags, breakAfter, phrases } = analysis;
  let i = candidate.start;
  while (i < words.length && LEADING_FILLERS.has(words[i] ?? '') && tags[i] === undefined) i += 1;
  const picked: number[] = [];
  const scopeAt = new Set<number>();
  const coveredAt = new Set<number>();
  for (const phrase of phrases) {
    for (let k = phrase.start; k < phrase.end; k += 1) {
      if (phrase.value.category === 'scope') scopeAt.add(k);
      else coveredAt.add(k);
    }
  }
  while (i < words.length && picked.length < MAX_TOPIC_WORDS + 1) {
    const word = words[i] ?? '';
    if (tags[i] !== undefined) break;
    // A scope word ends the subject ("leadership across the trust") unless a title continues ("the trust network").
    if (scopeAt.has(i)) {
      let after = i;
      while (scopeAt.has(after)) after += 1;
      const following = words[after];
      if (picked.length > 0 || following === undefined || STOP_WORDS.has(following) || tags[after] !== undefined) break;
      while (i < after) picked.push(i++);
      continue;
    }
    if (STOP_WORDS.has(word) && !coveredAt.has(i)) {
      const next = words[i + 1];
      const joinsSubject = word === 'and' && picked.length > 0 && next !== undefined && !STOP_WORDS.has(next) && !breakAfter[i];
      if (!joinsSubject) break;
    }
    picked.push(i);
    if (breakAfter[i]) break;
    i += 1;
  }
  while (picked.length > 0 && TRAILING_FILLERS.has(words[picked[picked.length - 1] ?? -1] ?? '')) picked.pop();
  while (picked.length > 0 && words[picked[picked.length - 1] ?? -1] === 'and') picked.pop();
  if (picked.length === 0 || picked.length > MAX_TOPIC_WORDS) return undefined;
  const topicWords = picked.map((index) => words[index] ?? '');
  if (topicWords.every((word) => NON_TOPIC.has(word) || LEADING_FILLERS.has(word))) return undefined;
  if (!candidate.allowCovered && picked.every((index) => coveredAt.has(index))) return undefined;
  return topicWords.map(display).join(' ');
}
