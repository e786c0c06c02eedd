import type { OpportunityKind, Scope } from '../careerMap/schema';

/** Every intent the conversation core knows how to handle. */
export const INTENTS = [
  'whatNext',
  'browse',
  'opportunityDetails',
  'myPlan',
  'saveOpportunity',
  'logCpd',
  'cpdProgress',
  'readingList',
  'setStage',
  'setSchool',
  'myManager',
  'myProfile',
  'help',
  'myData',
  'deleteMyData',
  'greeting',
  'thanks',
  // Admin tasks (see core/admin).
  'grantAdmin',
  'revokeAdmin',
  'listAdmins',
  'addOpportunity',
  'editOpportunity',
  'latestOpportunities',
  'stopReminders',
  'startReminders',
  'myTeam',
  // Broadcasts and reach (see core/broadcasts).
  'broadcast',
  'reachReport',
] as const;

export type KnownIntent = (typeof INTENTS)[number];
/** `'none'` means "not understood well enough": the conversation shows a clarification card. */
export type Intent = KnownIntent | 'none';

export interface NluEntities {
  /** Pathway id, e.g. 'teaching-assistant'. */
  pathway?: string;
  /** Stage id, e.g. 'middle-leader'. */
  stage?: string;
  scope?: Scope;
  kind?: OpportunityKind;
  /** ISO date (YYYY-MM-DD) resolved against the reference date. */
  date?: string;
  /** Length in days: 6 hours = 1 day, rounded to the nearest half day, at least 0.5. */
  durationDays?: number;
  /** Salient free-text subject for search or logging, e.g. "phonics", "NPQH". */
  topic?: string;
  /** An email address in the message, e.g. a new line manager's ("change my manager to x@y.org"). */
  email?: string;
}

export interface NluResult {
  text: string;
  intent: Intent;
  /** Confidence of the winning intent, in [0, 1]. */
  score: number;
  entities: NluEntities;
}

export interface VocabularyMatch {
  pathway: string;
  stage?: string;
  /** The words matched, as a pattern over the text (case-insensitive), for the classifier. */
  pattern?: RegExp;
}

/** One organisation's words for its stages and pathways (built from its career map). */
export interface StageVocabulary {
  /** The stage or pathway a text names, in that map's ids. */
  resolve(text: string, preferPathway?: string): VocabularyMatch | undefined;
  /** Whether the map has this pathway (and stage). */
  knows(pathway: string, stage?: string): boolean;
}

export interface RecogniseOptions {
  /** "Today" for relative dates such as "yesterday"; defaults to now. */
  referenceDate?: Date;
  /**
   * IANA time zone for date words ("yesterday", "last Friday"): TIMEZONE. Defaults to the
   * recogniser's own (createRecogniser's `timezone`, else Europe/London).
   */
  timezone?: string;
  /**
   * The organisation's own stage and pathway words. When given, stage and pathway entities use
   * that map's ids, and built-in ids the map does not have are dropped.
   */
  vocabulary?: StageVocabulary;
}

export interface Recogniser {
  recognise(text: string, options?: RecogniseOptions): Promise<NluResult>;
}


export function isKnownIntent(value: string): value is KnownIntent {
  return (INTENTS as readonly string[]).includes(value);
}
