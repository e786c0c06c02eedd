import { expect } from '@jest/globals';
import { createRecogniser, DEFAULT_THRESHOLD, type Recogniser } from '../../../src/core/nlu';

const referenceDate = new Date('2026-03-18T10:00:00Z'); // a Wednesday

describe('createRecogniser', () => {
  let recogniser: Recogniser;
  const consoleSpies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(jest.spyOn(console, method).mockImplementation(() => undefined));
    }
    recogniser = await createRecogniser();
  });

  afterAll(() => {
    for (const spy of consoleSpies) spy.mockRestore();
  });

  it('trains and recognises without writing to the console', async () => {
    await recogniser.recognise('what can I do next?');
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    ['what can I do next at my stage?', 'whatNext'],
    ["what's next for me", 'whatNext'],
    ['wat can i do nxt', 'whatNext'],
    ['shwo me npqs', 'browse'],
    ['CPD PROGRESS', 'cpdProgress'],
    ['tell me more about NPQH', 'opportunityDetails'],
    ['my plan', 'myPlan'],
    ['save NPQSL to my plan', 'saveOpportunity'],
    ['I did a 2-day course on phonics', 'logCpd'],
    ['how many CPD days have I done', 'cpdProgress'],
    ['what should I read', 'readingList'],
    ["I'm now a middle leader", 'setStage'],
    ["I've moved to another school", 'setSchool'],
    ['who is my line manager', 'myManager'],
    ['my profile', 'myProfile'],
    ['help', 'help'],
    ['what data do you hold about me', 'myData'],
    ['delete my data', 'deleteMyData'],
    ['hello', 'greeting'],
    ['thanks', 'thanks'],
    ["what's the weather", 'none'],
    ['order a pizza', 'none'],
  ])('%s -> %s', async (text, intent) => {
    expect((await recogniser.recognise(text)).intent).toBe(intent);
  });

  it('returns intent, score and entities for the examples in the brief', async () => {
    await expect(recogniser.recognise('I did a 2-day course on phonics', { referenceDate })).resolves.toEqual({
      text: 'I did a 2-day course on phonics',
      intent: 'logCpd',
      score: expect.any(Number),
      entities: { kind: 'course', durationDays: 2, topic: 'phonics' },
    });
    const logged = await recogniser.recognise('log 3 hours of safeguarding training yesterday', { referenceDate });
    expect(logged.entities).toEqual({ durationDays: 0.5, date: '2026-03-17', topic: 'safeguarding' });
    const become = await recogniser.recognise('how do I become a head of department?');
    expect(become.entities).toEqual({ stage: 'middle-leader', pathway: 'teaching', topic: 'head of department' });
    const hlta = await recogniser.recognise('next steps for an HLTA');
    expect(hlta.entities).toEqual({ stage: 'hlta', pathway: 'teaching-assistant' });
    const trustWide = await recogniser.recognise('anything trust-wide?');
    expect(trustWide).toMatchObject({ intent: 'browse', entities: { scope: 'trust' } });
    const manager = await recogniser.recognise('change my manager to x@y.org');
    expect(manager).toMatchObject({ intent: 'myManager', entities: { email: 'x@y.org' } });
  });

  it('resolves relative dates against the reference date', async () => {
    const result = await recogniser.recognise('I went on a course last Tuesday', { referenceDate });
    expect(result.entities.date).toBe('2026-03-17');
  });

  it.each([[''], ['   '], ['?!'], ['🙂'], ['x'.repeat(10_000)], ['what can I do next '.repeat(100)]])(
    'never throws on awkward input (%#)',
    async (text) => {
      const result = await recogniser.recognise(text);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(result.text.length).toBeLessThanOrEqual(500);
    },
  );

  it('treats empty input as not understood', async () => {
    await expect(recogniser.recognise('  ')).resolves.toEqual({ text: '', intent: 'none', score: 0, entities: {} });
  });

  it('tolerates non-string input from loosely typed callers', async () => {
    const result = await recogniser.recognise(undefined as unknown as string);
    expect(result.intent).toBe('none');
  });
});

describe('threshold', () => {
  it('defaults to 0.6', () => {
    expect(DEFAULT_THRESHOLD).toBe(0.6);
  });

  it('reports none below the threshold but keeps the score', async () => {
    const texts = ['are there any secondments going', 'I need a new challenge', 'show me NPQs', 'my CPD', 'hi folks'];
    const strict = await createRecogniser({ threshold: 1 });
    const results = await Promise.all(texts.map((text) => strict.recognise(text)));
    for (const result of results) {
      if (result.score < 1) expect(result.intent).toBe('none');
    }
    expect(results.some((result) => result.intent === 'none' && result.score > 0)).toBe(true);
    const lenient = await createRecogniser({ threshold: 0 });
    expect((await lenient.recognise('show me NPQs')).intent).toBe('browse');
  });

  it('rejects a threshold outside [0, 1]', async () => {
    await expect(createRecogniser({ threshold: 2 })).rejects.toThrow(RangeError);
  });
});
