/**
 * The words the spelling corrector treats as known: everything in the corpus, every entity
 * phrase, common CPD subjects and the words used in dates and durations.
 */
import { DISPLAY_FORMS, TOPIC_WORDS } from './entities';
import { tokenise } from './normalise';

const TIME_WORDS = [
  'today', 'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night', 'ago', 'last', 'next',
  'this', 'day', 'days', 'week', 'weeks', 'fortnight', 'month', 'months', 'year', 'years', 'hour', 'hours', 'minute',
  'minutes', 'half', 'full', 'whole', 'twilight', 'couple', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'ninety', 'before', 'after',
];

/**
 * Ordinary words that are not in the corpus but must never be "corrected" into one that is
 * (e.g. "trainer" is not a typo for "trainee", "weather" is not a typo for "whether").
 */
const PROTECTED_WORDS = [
  'weather', 'whether', 'pizza', 'football', 'holiday', 'holidays', 'lunch', 'dinner', 'coffee', 'password',
  'printer', 'laptop', 'wifi', 'parking', 'car', 'train', 'trains', 'trainer', 'trainers', 'joke', 'jokes', 'song',
  'music', 'film', 'movie', 'recipe', 'traffic', 'score', 'match', 'news', 'stock', 'price', 'prices', 'mean',
  'means', 'meaning', 'dear', 'deer', 'heard', 'heads', 'leads', 'lead', 'reads', 'real', 'read', 'ready', 'other',
  'mother', 'father', 'people', 'pupils', 'students', 'children', 'parents', 'class', 'classes', 'lesson',
  'lessons', 'timetable', 'cover', 'supply', 'salary', 'pay', 'payslip', 'pension', 'sick', 'leave', 'absence',
  'email', 'emails', 'phone', 'number', 'address', 'where', 'there', 'their', 'here', 'were', 'went', 'want',
  'wants', 'whole', 'hole', 'role', 'roles', 'rule', 'rules', 'sure', 'shore', 'shoe', 'show', 'shown', 'shows',
];

function utteranceWords(utterances: Iterable<string>): string[] {
  const words: string[] = [];
  for (const utterance of utterances) {
    for (const token of tokenise(utterance)) words.push(...token.norm.split(' '));
  }
  return words;
}

/**
 * Words the bot's domain knows (in-domain corpus utterances, entity phrases, CPD subjects,
 * time words). Repeats are kept: frequency breaks ties in spelling correction.
 */
export function buildDomainWords(inDomainUtterances: Iterable<string>, lexiconWords: Iterable<string>): string[] {
  return [
    ...utteranceWords(inDomainUtterances),
    ...lexiconWords,
    ...TOPIC_WORDS,
    ...TIME_WORDS,
    ...Object.keys(DISPLAY_FORMS),
  ];
}

/** Every word the spelling corrector accepts as already correct. */
export function buildVocabulary(
  inDomainUtterances: Iterable<string>,
  outOfDomainUtterances: Iterable<string>,
  lexiconWords: Iterable<string>,
): string[] {
  return [
    ...buildDomainWords(inDomainUtterances, lexiconWords),
    ...utteranceWords(outOfDomainUtterances),
    ...PROTECTED_WORDS,
  ];
}
