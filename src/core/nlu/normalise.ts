import { lookupTable } from '../../lib/lookupTable';

/**
 * Input clean-up and tokenisation: the first step of the NLU pipeline.
 * Pure functions; no knowledge of intents or entities.
 */

export const MAX_INPUT_LENGTH = 500;

export interface Token {
  /** The token as typed (after Unicode clean-up). */
  raw: string;
  /** Lower-cased, shorthand expanded; later replaced by the spelling-corrected form. */
  norm: string;
}

/** Text-speak, abbreviations and American spellings mapped to the form used in the corpus. */
const SHORTHAND: Readonly<Record<string, string>> = lookupTable({
  wat: 'what',
  wot: 'what',
  wht: 'what',
  whta: 'what',
  waht: 'what',
  whats: "what's",
  wats: "what's",
  nxt: 'next',
  nex: 'next',
  u: 'you',
  ur: 'your',
  r: 'are',
  v: 'very',
  n: 'and',
  im: "i'm",
  ive: "i've",
  dont: "don't",
  didnt: "didn't",
  cant: "can't",
  wont: "won't",
  doesnt: "doesn't",
  havent: "haven't",
  hasnt: "hasn't",
  isnt: "isn't",
  thats: "that's",
  theres: "there's",
  whos: "who's",
  hows: "how's",
  pls: 'please',
  plz: 'please',
  plse: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  ty: 'thank you',
  tq: 'thank you',
  cheerz: 'cheers',
  abt: 'about',
  bout: 'about',
  hw: 'how',
  cn: 'can',
  cld: 'could',
  shd: 'should',
  wd: 'would',
  btw: 'by the way',
  mgr: 'manager',
  lm: 'line manager',
  info: 'information',
  deets: 'details',
  prog: 'programme',
  progs: 'programmes',
  program: 'programme',
  programs: 'programmes',
  quals: 'qualifications',
  qual: 'qualification',
  hrs: 'hours',
  mins: 'minutes',
  min: 'minute',
  wk: 'week',
  wks: 'weeks',
  yr: 'year',
  yrs: 'years',
  yday: 'yesterday',
  yest: 'yesterday',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  organization: 'organisation',
  organize: 'organise',
  behavior: 'behaviour',
  center: 'centre',
  mentorship: 'mentoring',
});

/** Trims, normalises Unicode quotes and spaces, and truncates to MAX_INPUT_LENGTH characters. */
export function prepareInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  const text = input.length > MAX_INPUT_LENGTH * 4 ? input.slice(0, MAX_INPUT_LENGTH * 4) : input;
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f\u200b-\u200d\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_INPUT_LENGTH)
    .trim();
}

// Email | number with separators (dates, decimals) | ordinal | word with inner apostrophes.
const TOKEN_PATTERN =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}|\d+(?:[./-]\d+)+|\d+(?:st|nd|rd|th)(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Splits prepared text into word tokens. Hyphens and punctuation separate words. */
export function tokenise(prepared: string): Token[] {
  const tokens: Token[] = [];
  for (const match of prepared.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const lower = raw.toLowerCase();
    tokens.push({ raw, norm: SHORTHAND[lower] ?? lower });
  }
  return tokens;
}
