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
  'stopReminders',
  'startReminders',
  'myTeam',
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

export interface RecogniseOptions {
  /** "Today" for relative dates such as "yesterday"; defaults to now. */
  referenceDate?: Date;
}

export interface Recogniser {
  recognise(text: string, options?: RecogniseOptions): Promise<NluResult>;
}


export function isKnownIntent(value: string): value is KnownIntent {
  return (INTENTS as readonly string[]).includes(value);
}
