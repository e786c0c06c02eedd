import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import { routeTo } from '../../../src/core/careerMap/route';
import { vocabularyFor } from '../../../src/core/careerMap/vocabulary';

const NOW = new Date('2026-11-30T12:00:00Z');
const bundle = loadDefaultCareerMap();
const catalogue = new CareerCatalogue(bundle.map, bundle.opportunities);
const vocabulary = vocabularyFor(catalogue);

function route(question: string, here?: { pathway: string; stage: string }) {
  const target = vocabulary.resolve(question, here?.pathway);
  if (!target) throw new Error(`nothing named in "${question}"`);
  const result = routeTo(catalogue, target, { saved: new Set(), completed: new Set(), interests: [], ...(here ? { here } : {}) }, { now: NOW });
  if (!result) throw new Error(`no route for "${question}"`);
  return { ...result, ids: result.items.map((item) => item.opportunity.id), stepNames: result.steps.map((step) => step.name) };
}

describe('route questions over the default map, one per pathway', () => {
  it('teaching: an HLTA asking how to become a teacher is shown the routes into teaching', () => {
    const answer = route('how do I become a teacher?', { pathway: 'teaching-assistant', stage: 'hlta' });
    expect(answer.target.id).toBe('trainee');
    expect(answer.stepNames).toEqual(['Higher level teaching assistant', 'Trainee teacher']);
    expect(answer.ids).toEqual(expect.arrayContaining(['teacher-degree-apprenticeship', 'postgraduate-teaching-apprenticeship']));
  });

  it('teaching: a middle leader asking how to become a head sees the steps and the NPQH', () => {
    const answer = route('how do I become a headteacher?', { pathway: 'teaching', stage: 'middle-leader' });
    expect(answer.target.id).toBe('headship');
    expect(answer.stepNames).toEqual(['Middle leader', 'Senior leader', 'Headship and executive leadership']);
    expect(answer.ids).toContain('npqh');
  });

  it('teaching assistants: a TA asking how to become an HLTA is shown HLTA status', () => {
    const answer = route('how can I become a higher level teaching assistant', { pathway: 'teaching-assistant', stage: 'ta' });
    expect(answer.target.id).toBe('hlta');
    expect(answer.ids[0]).toBe('hlta-status');
  });

  it('business and operations: an officer asking how to become a business manager sees the SBP apprenticeship', () => {
    const answer = route('how do I become a school business manager?', { pathway: 'business-operations', stage: 'officer' });
    expect(answer.target.id).toBe('business-manager');
    expect(answer.ids).toContain('school-business-professional-apprenticeship');
  });

  it('premises: a site assistant asking how to become a site manager', () => {
    const answer = route('how do I become a site manager', { pathway: 'premises', stage: 'site-assistant' });
    expect(answer.target.id).toBe('site-manager');
    expect(answer.ids.length).toBeGreaterThan(0);
  });

  it('IT: asking how to become a network manager', () => {
    const answer = route('how do I become a network manager', { pathway: 'it', stage: 'technician' });
    expect(answer.target.id).toBe('network-manager');
    expect(answer.ids).toContain('it-level-4-apprenticeships');
  });

  it('pastoral and SEND: asking how to become a pastoral manager', () => {
    const answer = route('how do I become a pastoral manager', { pathway: 'pastoral-send', stage: 'pastoral-officer' });
    expect(answer.target.id).toBe('pastoral-manager');
    expect(answer.ids.length).toBeGreaterThan(0);
  });

  it('catering: a kitchen assistant asking how to become a cook', () => {
    const answer = route('how do I become a cook', { pathway: 'catering', stage: 'kitchen-assistant' });
    expect(answer.target.id).toBe('cook');
    expect(answer.ids).toContain('food-hygiene-level-2');
  });

  it('answers someone with no profile from the start of the pathway', () => {
    const answer = route('routes into teaching');
    expect(answer.pathway.id).toBe('teaching');
    expect(answer.target.id).toBe('pre-itt');
    expect(answer.ids).toContain('teacher-degree-apprenticeship');
  });
});
