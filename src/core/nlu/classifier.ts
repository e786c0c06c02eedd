/**
 * Intent classification with nlp.js: trains a small neural classifier in memory at startup
 * (no model file is read or written) and scores new text against it. Quiet: no console output.
 */
import { containerBootstrap, type Container, type Logger } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';

export interface Classification {
  intent: string;
  score: number;
}

export interface IntentClassifier {
  /** Best intent and its score in [0, 1]; intent is undefined when no known word occurs. */
  classify(text: string): Promise<{ best?: Classification; ranked: Classification[] }>;
}

export interface TrainingExample {
  text: string;
  intent: string;
}

const LOCALE = 'en';

const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  log() {},
  trace() {},
  fatal() {},
};

export async function trainClassifier(examples: readonly TrainingExample[]): Promise<IntentClassifier> {
  const container = containerBootstrap();
  container.register('logger', silentLogger);
  container.use(LangEn);
  const nlp = new Nlp(
    {
      languages: [LOCALE],
      autoLoad: false,
      autoSave: false,
      forceNER: false,
      calculateSentiment: false,
      nlu: { log: false },
    },
    container,
  );
  for (const example of examples) {
    if (example.text.trim()) nlp.addDocument(LOCALE, example.text, example.intent);
  }
  await nlp.train();

  let calls = 0;
  return {
    async classify(text: string) {
      if (!text.trim()) return { ranked: [] };
      calls += 1;
      if (calls % CACHE_RESET_INTERVAL === 0) clearMemos(nlp, container);
      const output = await nlp.nluManager.process(LOCALE, text);
      const ranked = (output.classifications ?? [])
        .filter((item) => item.intent !== 'None')
        .map((item) => ({ intent: item.intent, score: clamp(item.score) }));
      if (output.intent === 'None' || ranked.length === 0) return { ranked };
      const best = ranked[0];
      return best ? { best, ranked } : { ranked };
    },
  };
}

/**
 * nlp.js memoises every distinct utterance (and every stemmed word) it has seen, keeping the
 * utterances for an hour. On a busy server that is unbounded, so the memos are dropped every
 * few thousand messages; they are only a speed-up.
 */
const CACHE_RESET_INTERVAL = 5000;

function clearMemos(nlp: Nlp, container: Container): void {
  for (const manager of Object.values(nlp.nluManager.domainManagers ?? {})) {
    for (const domain of Object.values(manager.domains ?? {})) {
      if (domain.cache?.results) domain.cache.results = {};
    }
  }
  const stemmer = container.get(`stemmer-${LOCALE}`) as { cache?: Record<string, unknown> } | undefined;
  if (stemmer && stemmer.cache) stemmer.cache = {};
}

function clamp(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
