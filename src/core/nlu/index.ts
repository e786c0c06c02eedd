/**
 * Natural-language understanding for NextStep: channel-agnostic, offline, trained at startup
 * from corpus.en.json.
 */
export { INTENTS } from './types';
export type { Intent, KnownIntent, NluEntities, NluResult, Recogniser, RecogniseOptions, StageVocabulary, VocabularyMatch } from './types';
export { createRecogniser, DEFAULT_THRESHOLD } from './recogniser';
export type { CreateRecogniserOptions } from './recogniser';
export { parseDate, findDate } from './dates';
export { parseDurationDays, findDuration, hoursToDays } from './duration';
