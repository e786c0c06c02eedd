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
import { isKnownIntent, type Intent, type NluResult, type Recogniser, type RecogniseOptions } from './types';
import { DomainCoverage } from './coverage';
import { buildDomainWords, buildVocabulary } from './vocabulary';

/** Chosen on the labelled evaluation set: high enough to reject most out-of-domain lines. */
export const DEFAULT_THRESHOLD = 0.6;

export interface CreateRecogniserOptions {
  threshold?: number;
  /** Alternative corpus (tests); defaults to corpus.en.json. */
  corpus?: unknown;
}

class NluRecogniser implements Recogniser {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly lexicon: Lexicon,
    private readonly corrector: SpellingCorrector,
    private readonly coverage: DomainCoverage,
    private readonly threshold: number,
  ) {}

  async recognise(text: string, options: RecogniseOptions = {}): Promise<NluResult> {
    const prepared = prepareInput(text);
    const analysis = analyse(prepared, {
      lexicon: this.lexicon,
      corrector: this.corrector,
      ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
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
  return new NluRecogniser(classifier, lexicon, corrector, coverage, threshold);
}
