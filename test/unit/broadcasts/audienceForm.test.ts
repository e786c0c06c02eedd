import { audienceFormView, checkAudienceForm, opportunityChoices, type AudienceFormSources } from '../../../src/core/broadcasts/audienceForm';
import { actionSchema } from '../../../src/core/conversation/actions';
import { audienceLabel, previewView } from '../../../src/core/broadcasts/chatViews';
import { includesPeople } from '../../../src/core/broadcasts/audience';
import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import type { Opportunity } from '../../../src/core/careerMap/schema';

const { map, opportunities } = loadDefaultCareerMap();
const catalogue = new CareerCatalogue(map, opportunities);
const [first, second] = opportunities;
if (!first || !second) throw new Error('the default map has opportunities');

const sources: AudienceFormSources = {
  catalogue,
  recentIds: [second.id],
  today: '2026-11-30',
  options: {
    schools: ['Oakfield Primary Academy', 'Riverside Academy'],
    channels: [
      { ref: 'teams:19:general@thread.tacv2', platform: 'teams', name: 'Oak staff › General' },
      { ref: 'slack:C0123ABCD', platform: 'slack', name: '#cpd' },
    ],
  },
};

describe('the broadcast audience form', () => {
  it('offers every pathway, each stage labelled with its pathway, the schools and the channels by platform and name', () => {
    const view = audienceFormView(sources, {}, []);
    expect(view.pathways.map((p) => p.id)).toEqual(map.pathways.map((p) => p.id));
    const stageCount = map.pathways.reduce((sum, pathway) => sum + pathway.stages.length, 0);
    expect(view.stages).toHaveLength(stageCount);
    expect(view.stages.find((stage) => stage.id === 'teaching/ect')?.name).toMatch(/\(Teaching\)$/);
    // "apprentice" is on several pathways: one choice each, told apart by their pathway.
    const withApprentices = map.pathways.filter((pathway) => pathway.stages.some((stage) => stage.id === 'apprentice'));
    expect(withApprentices.length).toBeGreaterThan(1);
    expect(view.stages.filter((stage) => stage.id.endsWith('/apprentice')).map((stage) => stage.name).sort()).toEqual(
      withApprentices.map((pathway) => `${pathway.stages.find((stage) => stage.id === 'apprentice')?.name ?? ''} (${pathway.name})`).sort(),
    );
    expect(view.schools.map((s) => s.id)).toEqual(sources.options.schools);
    expect(view.channels).toEqual([
      { id: 'teams:19:general@thread.tacv2', name: 'Teams: Oak staff › General' },
      { id: 'slack:C0123ABCD', name: 'Slack: #cpd' },
    ]);
  });

  it('lists lately added opportunities first, then those closing soonest, and leaves closed ones out unless chosen', () => {
    const make = (id: string, title: string, closes?: string): Opportunity => ({ ...first, id, title, ...(closes ? { closes } : { closes: undefined }) });
    const items = [make('zeta', 'Zeta'), make('late', 'Late', '2027-06-01'), make('soon', 'Soon', '2026-12-10'), make('gone', 'Gone', '2026-01-01'), make('new', 'New')];
    const small = new CareerCatalogue(map, items);
    expect(opportunityChoices(small, ['new'], '2026-11-30').map((c) => c.id)).toEqual(['new', 'soon', 'late', 'zeta']);
    expect(opportunityChoices(small, [], '2026-11-30', 'gone').map((c) => c.id)).toContain('gone');
  });

  it('lists at most 150 opportunities, says how many more there are, and always lists the chosen one', () => {
    const items = Array.from({ length: 200 }, (_, i): Opportunity => ({ ...first, id: `item-${String(i).padStart(3, '0')}`, title: `Item ${String(i).padStart(3, '0')}`, closes: undefined }));
    const big = { ...sources, recentIds: [], catalogue: new CareerCatalogue(map, items) };
    const plain = audienceFormView(big, {}, []);
    expect([plain.opportunities.length, plain.unlistedOpportunities]).toEqual([150, 50]);
    const chosen = audienceFormView(big, { opportunityId: 'item-199' }, []);
    expect(chosen.opportunities[0]?.id).toBe('item-199');
    expect(chosen.opportunities.length + chosen.unlistedOpportunities).toBe(200);
  });

  it('turns a valid form into an ask: stage choice gives pathway and stage, school matched case-insensitively, channels kept', () => {
    const result = checkAudienceForm(
      { opportunityId: first.id, stage: 'teaching/ect', school: 'riverside academy', channels: 'teams:19:general@thread.tacv2, slack:C0123ABCD' },
      sources,
    );
    expect(result).toEqual({
      ok: true,
      ask: { opportunityId: first.id, pathway: 'teaching', stage: 'ect', school: 'Riverside Academy', channels: ['teams:19:general@thread.tacv2', 'slack:C0123ABCD'] },
      names: { pathway: 'Teaching', stage: catalogue.stage('teaching', 'ect')?.name },
    });
  });

  it('takes empty filters as everyone active, and channels alone as those channels only', () => {
    const everyone = checkAudienceForm({ opportunityId: first.id }, sources);
    expect(everyone).toEqual({ ok: true, ask: { opportunityId: first.id }, names: {} });
    const channelsOnly = checkAudienceForm({ opportunityId: first.id, channels: 'slack:C0123ABCD' }, sources);
    expect(channelsOnly.ok && includesPeople(channelsOnly.ask)).toBe(false);
    expect(everyone.ok && includesPeople(everyone.ask)).toBe(true);
  });

  it.each([
    [{ opportunityId: undefined }, /^Opportunity: please choose/],
    [{ opportunityId: 'no-such-thing' }, /^Opportunity: "no-such-thing" is not one of/],
    [{ pathway: 'astronauts' }, /^Pathway: "astronauts" is not a pathway/],
    [{ stage: 'teaching/grand-wizard' }, /^Stage: "teaching\/grand-wizard" is not a stage/],
    [{ pathway: 'teaching-assistant', stage: 'teaching/ect' }, /^Stage: .* is on the Teaching pathway, not Teaching assistant/],
    [{ school: 'Hillside High' }, /^School: nobody in your staff directory is at "Hillside High"/],
    [{ channels: 'slack:C0123ABCD,teams:19:other-org@thread.tacv2' }, /^Channels: "teams:19:other-org@thread.tacv2" is not a channel I have been added to/],
  ])('refuses %j, naming what was wrong', (values, message) => {
    const result = checkAudienceForm({ opportunityId: first.id, ...values }, sources);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(message)]);
  });

  it('lists every problem at once', () => {
    const result = checkAudienceForm({ opportunityId: 'nope', school: 'Nowhere', channels: 'slack:CFORGED' }, sources);
    expect(result.ok ? [] : result.errors.map((error) => error.split(':')[0])).toEqual(['Opportunity', 'School', 'Channels']);
  });

  it('accepts the submit shape at the edge and refuses malformed confirm channels', () => {
    expect(actionSchema.safeParse({ action: 'previewBroadcastForm', opportunityId: '', pathway: '', stage: '', school: '', channels: '' }).success).toBe(true);
    expect(actionSchema.safeParse({ action: 'previewBroadcastForm', school: 'x'.repeat(201) }).success).toBe(false);
    const confirm = actionSchema.safeParse({ action: 'confirmBroadcast', opportunityId: 'npqsl', channels: 'teams:19:a@thread.tacv2,slack:C1' });
    expect(confirm.success && confirm.data.action === 'confirmBroadcast' && confirm.data.channels).toEqual(['teams:19:a@thread.tacv2', 'slack:C1']);
    expect(actionSchema.safeParse({ action: 'confirmBroadcast', opportunityId: 'npqsl', channels: ['email:someone'] }).success).toBe(false);
    expect(actionSchema.safeParse({ action: 'confirmBroadcast', opportunityId: 'npqsl', channels: '' }).success).toBe(true);
  });
});

describe('the preview wording', () => {
  it('names the filters and the channels', () => {
    expect(audienceLabel({ opportunityId: 'x' })).toBe('All active staff');
    expect(audienceLabel({ opportunityId: 'x', school: 'Riverside Academy', channels: ['teams:19:a', 'slack:C1'] }, {}, ['Staff › General', '#cpd'])).toBe(
      'Active staff at Riverside Academy and 2 channels (Staff › General, #cpd)',
    );
    expect(audienceLabel({ opportunityId: 'x', channels: ['slack:C1'] }, {}, ['#cpd'])).toBe('1 channel only: #cpd');
    expect(audienceLabel({ opportunityId: 'x', pathway: 'teaching', stage: 'ect' }, { pathway: 'Teaching', stage: 'Early career teacher' })).toBe(
      'Active staff in Teaching at the Early career teacher stage',
    );
  });

  it('carries the channels on the preview so Confirm sends them', () => {
    const view = previewView({ opportunityId: 'x', channels: ['slack:C1'] }, { opportunityId: 'x', opportunityTitle: 'X', recipients: 1, unreachable: 0, channelNames: ['#cpd'] });
    expect(view).toMatchObject({ channels: ['slack:C1'], recipients: 1, audienceLabel: '1 channel only: #cpd' });
  });
});
