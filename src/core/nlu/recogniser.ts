/**
 * The recogniser: wires normalisation, spelling correction, entity extraction and the trained
 * intent classifier together behind one `recognise(text)` call.
 */
import { trainClassifier, type IntentClassifier } from './classifier';
import { corpusExamples, loadCorpus, type Corpus } from './corpus';
import { analyse, PLACEHOLDERS, resolveEntities } from './extract';
import { Lexicon } from './lexicon';
import { prepareInput } from './normalise';
import { SpellingCorrector } from './spelling';
import { isKnownIntent, type Intent, type NluEntities, type NluResult, type Recogniser, type RecogniseOptions, type StageVocabulary } from './types';
import { DomainCoverage } from './coverage';
import { buildDomainWords, buildVocabulary } from './vocabulary';

/** Chosen on the labelled evaluation set: high enough to reject most out-of-domain lines. */
export const DEFAULT_THRESHOLD = 0.6;

export interface CreateRecogniserOptions {
  threshold?: number;
  /** Alternative corpus (tests); defaults to corpus.en.json. */
  corpus?: unknown;
  /** IANA time zone for date words when a call does not give one (TIMEZONE); Europe/London by default. */
  timezone?: string;
}

class NluRecogniser implements Recogniser {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly lexicon: Lexicon,
    private readonly corrector: SpellingCorrector,
    private readonly coverage: DomainCoverage,
    private readonly threshold: number,
    private readonly timezone: string,
  ) {}

  async recognise(text: string, options: RecogniseOptions = {}): Promise<NluResult> {
    const result = await this.recogniseText(prepareInput(text), options);
    const vocabulary = options.vocabulary;
    if (!vocabulary) return result;
    const hit = vocabulary.resolve(result.text, result.entities.pathway);
    // A role only this organisation's map knows ("bursar"): classify as if a role word stood there.
    if (hit?.pattern && !result.entities.stage && !result.entities.pathway && hit.pattern.test(result.text)) {
      const standIn = await this.recogniseText(result.text.replace(hit.pattern, 'teacher'), options);
      if (standIn.intent !== 'none' && standIn.score >= result.score) Object.assign(result, { intent: standIn.intent, score: standIn.score });
    }
    applyVocabulary(result.entities, result.text, vocabulary);
    return result;
  }

  private async recogniseText(prepared: string, options: RecogniseOptions): Promise<NluResult> {
    const analysis = analyse(prepared, {
      lexicon: this.lexicon,
      corrector: this.corrector,
      ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
      timezone: options.timezone ?? this.timezone,
    });
    let intent: Intent = 'none';
    let score = 0;
    if (analysis.classifierText.trim()) {
      const { best } = await this.classifier.classify(analysis.classifierText);
      if (best) {
        const candidate = best.intent;
        if (isKnownIntent(candidate)) {
          // Out-of-domain words lower confidence in an in-domain intent (see coverage.ts).
          score = best.score * this.coverage.factor(analysis.classifierText.split(' '));
          if (score >= this.threshold) intent = candidate;
        } else {
          // The corpus's out-of-domain class won: report how sure it is.
          score = best.score;
        }
      }
    }
    return { text: prepared, intent, score: round(score), entities: resolveEntities(analysis, intent) };
  }
}

/**
 * Puts stage and pathway into the organisation's own ids: a phrase from its map wins; a built-in
 * id its map does not have is dropped rather than passed on.
 */
function applyVocabulary(entities: NluEntities, text: string, vocabulary: StageVocabulary): void {
  const hit = vocabulary.resolve(text, entities.pathway);
  if (hit && (hit.stage || !entities.stage)) {
    entities.pathway = hit.pathway;
    if (hit.stage) entities.stage = hit.stage;
    return;
  }
  if (entities.pathway && !vocabulary.knows(entities.pathway, entities.stage)) {
    delete entities.stage;
    if (!vocabulary.knows(entities.pathway)) delete entities.pathway;
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Trains on the corpus (well under a second) and returns a ready recogniser. */
export async function createRecogniser(options: CreateRecogniserOptions = {}): Promise<Recogniser> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new RangeError('threshold must be a number between 0 and 1');
  }
  const corpus: Corpus = loadCorpus(options.corpus);
  const examples = corpusExamples(corpus);
  const lexicon = new Lexicon();
  const inDomain = examples.filter((example) => example.intent !== 'none').map((example) => example.text);
  const outOfDomain = examples.filter((example) => example.intent === 'none').map((example) => example.text);
  const corrector = new SpellingCorrector(buildVocabulary(inDomain, outOfDomain, lexicon.words));
  const coverage = new DomainCoverage([...buildDomainWords(inDomain, lexicon.words), ...Object.values(PLACEHOLDERS)]);
  const training = examples.map((example) => ({
    text: analyse(prepareInput(example.text), { lexicon, corrector }).classifierText,
    intent: example.intent,
  }));
  const classifier = await trainClassifier(training);
  return new NluRecogniser(classifier, lexicon, corrector, coverage, threshold, options.timezone ?? 'Europe/London');
}
