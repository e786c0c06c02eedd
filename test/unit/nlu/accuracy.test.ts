import labelled from '../../fixtures/nlu/labelled.json';
import corpus from '../../../src/core/nlu/corpus.en.json';
import { createRecogniser, INTENTS, type NluEntities, type NluResult } from '../../../src/core/nlu';

interface LabelledExample {
  text: string;
  intent: string;
  entities?: NluEntities;
}

const examples: LabelledExample[] = labelled.examples as LabelledExample[];
const referenceDate = new Date(`${labelled.referenceDate}T12:00:00Z`);
const ENTITY_KEYS: Array<keyof NluEntities> = ['pathway', 'stage', 'scope', 'kind', 'date', 'durationDays', 'topic', 'email'];

/** Lower case, letters/digits/spaces only: "Tell me more about NPQH?" and "tell me more about npqh" are the same line. */
function canonical(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
}

function entitiesMatch(expected: NluEntities, actual: NluEntities): boolean {
  return ENTITY_KEYS.every((key) => expected[key] === actual[key]);
}

describe('NLU accuracy on the held-out labelled set', () => {
  const results = new Map<string, NluResult>();

  beforeAll(async () => {
    const recogniser = await createRecogniser();
    for (const example of examples) {
      results.set(example.text, await recogniser.recognise(example.text, { referenceDate }));
    }
  });

  it('is a varied held-out set: 200+ lines, every intent and out-of-domain lines, none in the corpus', () => {
    expect(examples.length).toBeGreaterThanOrEqual(200);
    for (const intent of [...INTENTS, 'none']) {
      expect(examples.filter((example) => example.intent === intent).length).toBeGreaterThanOrEqual(5);
    }
    const trained = new Set(Object.values(corpus.intents).flat().map(canonical));
    expect(examples.filter((example) => trained.has(canonical(example.text))).map((example) => example.text)).toEqual([]);
  });

  it('classifies at least 90% of intents correctly', () => {
    const wrong = examples.filter((example) => results.get(example.text)?.intent !== example.intent);
    const correct = examples.length - wrong.length;
    console.log(`NLU intent accuracy: ${correct}/${examples.length} (${((100 * correct) / examples.length).toFixed(1)}%)`);
    const detail = wrong.map((example) => {
      const result = results.get(example.text);
      return `"${example.text}": expected ${example.intent}, got ${result?.intent} (${result?.score})`;
    });
    if (correct / examples.length < 0.9) throw new Error(`Intent accuracy below 90%. Misclassified:\n${detail.join('\n')}`);
  });

  it('extracts exactly the expected entities for at least 90% of annotated examples', () => {
    const annotated = examples.filter((example) => example.entities !== undefined);
    expect(annotated.length).toBeGreaterThanOrEqual(50);
    const wrong = annotated.filter((example) => {
      const result = results.get(example.text);
      return !result || !entitiesMatch(example.entities ?? {}, result.entities);
    });
    const detail = wrong.map(
      (example) =>
        `"${example.text}": expected ${JSON.stringify(example.entities)}, got ${JSON.stringify(results.get(example.text)?.entities)}`,
    );
    if (wrong.length / annotated.length > 0.1) {
      throw new Error(`Entity accuracy ${annotated.length - wrong.length}/${annotated.length} is below 90%:\n${detail.join('\n')}`);
    }
  });

  it('keeps every score within [0, 1]', () => {
    for (const result of results.values()) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });
});
