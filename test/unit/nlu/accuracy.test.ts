import labelled from '../../fixtures/nlu/labelled.json';
import { createRecogniser, INTENTS, type NluEntities, type NluResult, type Recogniser } from '../../../src/core/nlu';

interface LabelledExample {
  text: string;
  intent: string;
  entities?: NluEntities;
}

const examples: LabelledExample[] = labelled.examples as LabelledExample[];
const referenceDate = new Date(`${labelled.referenceDate}T12:00:00Z`);
const ENTITY_KEYS: Array<keyof NluEntities> = ['pathway', 'stage', 'scope', 'kind', 'date', 'durationDays', 'topic', 'email'];

function entitiesMatch(expected: NluEntities, actual: NluEntities): boolean {
  return ENTITY_KEYS.every((key) => expected[key] === actual[key]);
}

describe('NLU accuracy on the held-out labelled set', () => {
  let recogniser: Recogniser;
  const results = new Map<string, NluResult>();

  beforeAll(async () => {
    recogniser = await createRecogniser();
    for (const example of examples) {
      results.set(example.text, await recogniser.recognise(example.text, { referenceDate }));
    }
  });

  it('has a varied labelled set covering every intent and out-of-domain lines', () => {
    expect(examples.length).toBeGreaterThanOrEqual(200);
    for (const intent of [...INTENTS, 'none']) {
      expect(examples.filter((example) => example.intent === intent).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('classifies at least 90% of intents correctly', () => {
    const wrong = examples.filter((example) => results.get(example.text)?.intent !== example.intent);
    const correct = examples.length - wrong.length;
    const percent = ((100 * correct) / examples.length).toFixed(1);
    console.log(`NLU intent accuracy: ${correct}/${examples.length} (${percent}%)`);
    if (wrong.length > 0) {
      const detail = wrong.map((example) => {
        const result = results.get(example.text);
        return `  "${example.text}": expected ${example.intent}, got ${result?.intent} (${result?.score})`;
      });
      process.stdout.write(`Misclassified:\n${detail.join('\n')}\n`);
    }
    expect(correct / examples.length).toBeGreaterThanOrEqual(0.9);
  });

  it('extracts exactly the expected entities for at least 90% of annotated examples', () => {
    const annotated = examples.filter((example) => example.entities !== undefined);
    expect(annotated.length).toBeGreaterThanOrEqual(50);
    const wrong = annotated.filter((example) => {
      const result = results.get(example.text);
      return !result || !entitiesMatch(example.entities ?? {}, result.entities);
    });
    const correct = annotated.length - wrong.length;
    console.log(`NLU entity accuracy: ${correct}/${annotated.length} (${((100 * correct) / annotated.length).toFixed(1)}%)`);
    if (wrong.length > 0) {
      const detail = wrong.map(
        (example) => `  "${example.text}": expected ${JSON.stringify(example.entities)}, got ${JSON.stringify(results.get(example.text)?.entities)}`,
      );
      process.stdout.write(`Entity mismatches:\n${detail.join('\n')}\n`);
    }
    expect(correct / annotated.length).toBeGreaterThanOrEqual(0.9);
  });
});
