import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { careerMapSchema } from '../../../src/core/careerMap/schema';
import { vocabularyFor } from '../../../src/core/careerMap/vocabulary';
import { createRecogniser, type Recogniser } from '../../../src/core/nlu';

/** A trust's own map with ids the built-in phrases have never heard of. */
const imported = careerMapSchema.parse({
  pathways: [
    {
      id: 'classroom',
      name: 'Classroom practitioners',
      summary: 'Teachers at every level.',
      synonyms: ['teacher'],
      stages: [
        { id: 'cp1', name: 'Class teacher', summary: 'Teaching your own classes.', roles: ['Main scale teacher'] },
        { id: 'cp2', name: 'Curriculum lead', summary: 'Leading a subject.', synonyms: ['subject lead', 'head of department'] },
        { id: 'cp3', name: 'Vice principal', summary: 'Senior leadership.', synonyms: ['deputy head'] },
      ],
    },
    {
      id: 'ops',
      name: 'Operations',
      summary: 'Running the school.',
      stages: [
        { id: 'ops-a', name: 'Finance clerk', summary: 'Day-to-day finance.' },
        { id: 'ops-b', name: 'Bursar', summary: 'Leading school finance.', roles: ['School bursar'], next: [{ pathway: 'classroom', stage: 'cp1' }] },
      ],
    },
  ],
});
const vocabulary = vocabularyFor(new CareerCatalogue(imported, []));
const referenceDate = new Date('2026-11-30T12:00:00Z');

describe('NLU with an imported career map (other stage ids)', () => {
  let recogniser: Recogniser;
  beforeAll(async () => {
    recogniser = await createRecogniser();
  });

  it.each([
    ['how do I become a curriculum lead?', 'classroom', 'cp2'],
    ['what are my next steps to become a subject lead', 'classroom', 'cp2'],
    ['how do I become a finance clerk', 'ops', 'ops-a'],
    ['how can I become a vice principal', 'classroom', 'cp3'],
    ["I'm a bursar, what can I do next?", 'ops', 'ops-b'],
    ['how do I become a head of department?', 'classroom', 'cp2'],
  ])('"%s" → %s / %s', async (text, pathway, stage) => {
    const result = await recogniser.recognise(text, { referenceDate, vocabulary });
    expect(result.intent).toBe('whatNext');
    expect(result.entities.pathway).toBe(pathway);
    expect(result.entities.stage).toBe(stage);
  });

  it('names a pathway without a stage when only the pathway is mentioned', async () => {
    const result = await recogniser.recognise('how do I become a teacher?', { referenceDate, vocabulary });
    expect(result.entities).toMatchObject({ pathway: 'classroom' });
    expect(result.entities.stage).toBeUndefined();
  });

  it('drops built-in stage ids the imported map does not have', async () => {
    const withMap = await recogniser.recognise('Next steps for an HLTA please', { referenceDate, vocabulary });
    expect(withMap.entities.stage).toBeUndefined();
    expect(withMap.entities.pathway).toBeUndefined();
    const without = await recogniser.recognise('Next steps for an HLTA please', { referenceDate });
    expect(without.entities.stage).toBe('hlta');
  });

  it('reads date words in the configured time zone', async () => {
    // 23:30 UTC on 30 November is already 1 December in Auckland.
    const late = new Date('2026-11-30T23:30:00Z');
    const london = await recogniser.recognise('I did a 1 day course on phonics yesterday', { referenceDate: late, timezone: 'Europe/London' });
    const auckland = await recogniser.recognise('I did a 1 day course on phonics yesterday', { referenceDate: late, timezone: 'Pacific/Auckland' });
    expect(london.entities.date).toBe('2026-11-29');
    expect(auckland.entities.date).toBe('2026-11-30');
  });
});
