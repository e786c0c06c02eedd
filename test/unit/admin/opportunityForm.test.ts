import { checkOpportunityForm, formChoices, formValuesOf } from '../../../src/core/admin/opportunityForm';
import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import { parseOpportunities } from '../../../src/core/imports';

const { map } = loadDefaultCareerMap();
const catalogue = new CareerCatalogue(map, []);

const complete = {
  id: 'phonics-lead-shadowing',
  title: 'Phonics lead shadowing',
  summary: "Spend a morning with the trust's phonics lead.",
  pathways: 'teaching,teaching-assistant',
  stages: 'ect,hlta',
  scope: 'trust',
  kind: 'shadowing',
  entitlement: 'optional',
};

describe('checking the opportunity form', () => {
  it('turns a complete form into an opportunity, lists split and optional fields kept', () => {
    const result = checkOpportunityForm({ ...complete, url: 'https://example.org/p', closes: '2027-03-31', tags: 'phonics, early reading' }, catalogue);
    expect(result).toEqual({
      ok: true,
      opportunity: {
        ...complete,
        pathways: ['teaching', 'teaching-assistant'],
        stages: ['ect', 'hlta'],
        scope: 'trust',
        url: 'https://example.org/p',
        closes: '2027-03-31',
        tags: ['phonics', 'early reading'],
      },
    });
  });

  it('reports the import rule for each bad field, named as the form labels it', () => {
    const result = checkOpportunityForm({ id: 'Phonics Lead', title: 'x', pathways: 'teaching', stages: 'hlta', scope: 'galaxy', url: 'javascript:alert(1)' }, catalogue);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Id: "Phonics Lead" must be lower-case letters, digits and hyphens (e.g. "middle-leader")',
      'Summary: is required',
      expect.stringMatching(/^Stages: .*hlta/),
      expect.stringMatching(/^Where: /),
      'Type: is required',
      'Entitlement: is required',
      expect.stringMatching(/^Web address: /),
    ]);
  });

  it('applies exactly the rules of the opportunities import', () => {
    const bad = { ...complete, stages: 'hlta', pathways: 'teaching', closes: '2027-02-30' };
    const form = checkOpportunityForm(bad, catalogue);
    const csv = ['id,title,summary,pathways,stages,scope,kind,entitlement,closes', `${bad.id},${bad.title},"${bad.summary}",teaching,hlta,trust,shadowing,optional,2027-02-30`].join('\n');
    const imported = parseOpportunities({ bytes: Buffer.from(csv), fileName: 'x.csv' }, map);
    expect(form.ok).toBe(false);
    expect(imported.ok).toBe(false);
    if (form.ok || imported.ok) return;
    const messageOf = (line: string) => line.replace(/^[^:]*: /, '');
    expect(form.errors.map(messageOf)).toEqual(imported.problems.map(messageOf));
  });

  it('keeps the owner and duration an edit cannot see', () => {
    const owner = { email: 'lead@school.org', name: 'Phonics lead' };
    const result = checkOpportunityForm(complete, catalogue, { owner, durationDays: 0.5 });
    expect(result.ok && result.opportunity).toMatchObject({ owner, durationDays: 0.5 });
  });

  it('round-trips an existing opportunity through the form unchanged', () => {
    const [item] = loadDefaultCareerMap().opportunities;
    if (!item) throw new Error('the default map has opportunities');
    const result = checkOpportunityForm(formValuesOf(item), catalogue, item);
    expect(result).toEqual({ ok: true, opportunity: item });
  });
});

describe('form choices', () => {
  it('offers every pathway, each stage once naming its pathways, and every scope, kind and entitlement', () => {
    const choices = formChoices(catalogue);
    expect(choices.pathways.map((p) => p.id)).toEqual(map.pathways.map((p) => p.id));
    const stageIds = choices.stages.map((stage) => stage.id);
    expect(new Set(stageIds).size).toBe(stageIds.length);
    const apprentice = choices.stages.find((stage) => stage.id === 'apprentice')?.name;
    expect(apprentice).toContain('Teaching assistant apprentice');
    expect(apprentice).toMatch(/\(Teaching assistants, Business and operations/);
    expect(choices.scopes.map((s) => s.id)).toEqual(['self', 'school', 'trust', 'national']);
    expect(choices.entitlements.map((e) => e.id)).toEqual(['universal', 'optional']);
    expect(choices.kinds.length).toBeGreaterThan(10);
  });
});
