import type { CareerCatalogue } from '../careerMap/catalogue';
import type { Opportunity } from '../careerMap/schema';
import type { ChoiceOption } from '../conversation/views';
import { MAX_FORM_CHANNELS } from './actionSchemas';
import type { AudienceOptions, BroadcastAsk } from './ports';
import type { BroadcastFormValues, BroadcastFormView } from './views';

/** The most opportunities the form lists (a Teams card must stay under 28 KB); the rest are reached by name. */
export const MAX_FORM_OPPORTUNITIES = 150;

/** Separates pathway and stage in a stage choice's value. */
export const STAGE_CHOICE_SEPARATOR = '/';

const PLATFORM_LABELS = { teams: 'Teams', slack: 'Slack' } as const;

/** What the form is built from: the career map, what admins added lately, and the directory's schools and channels. */
export interface AudienceFormSources {
  catalogue: CareerCatalogue;
  /** Ids of opportunities admins added, newest first. */
  recentIds: readonly string[];
  options: AudienceOptions;
  /** Today as YYYY-MM-DD in the organisation's time zone: closed opportunities are not offered. */
  today: string;
}

/** Names the preview shows instead of ids. */
export interface AudienceNames {
  pathway?: string;
  stage?: string;
}

export type AudienceCheck = { ok: true; ask: BroadcastAsk; names: AudienceNames } | { ok: false; errors: string[] };

/** Lately added first, then those closing soonest, then the rest by title; closed ones only when already chosen. */
export function opportunityChoices(catalogue: CareerCatalogue, recentIds: readonly string[], today: string, chosen?: string): ChoiceOption[] {
  const recentRank = new Map(recentIds.map((id, index) => [id, index]));
  const open = catalogue.opportunities.filter((item) => item.id === chosen || !item.closes || item.closes >= today);
  const rank = (item: Opportunity): [number, number | string, string] => {
    const recent = recentRank.get(item.id);
    if (recent !== undefined) return [0, recent, item.title];
    if (item.closes && item.closes >= today) return [1, item.closes, item.title];
    return [2, 0, item.title];
  };
  const compare = (a: Opportunity, b: Opportunity): number => {
    const [ga, ka, ta] = rank(a);
    const [gb, kb, tb] = rank(b);
    if (ga !== gb) return ga - gb;
    if (ka !== kb) return ka < kb ? -1 : 1;
    return ta.localeCompare(tb, 'en-GB');
  };
  return [...open].sort(compare).map((item) => ({ id: item.id, name: item.title }));
}

export function audienceFormView(sources: AudienceFormSources, values: BroadcastFormValues, errors: string[]): BroadcastFormView {
  const { catalogue, options } = sources;
  const all = opportunityChoices(catalogue, sources.recentIds, sources.today, values.opportunityId);
  const listed = all.slice(0, MAX_FORM_OPPORTUNITIES);
  const chosen = all.find((choice) => choice.id === values.opportunityId);
  if (chosen && !listed.includes(chosen)) listed.unshift(chosen);
  return {
    type: 'broadcastForm',
    opportunities: listed,
    unlistedOpportunities: all.length - listed.length,
    pathways: catalogue.pathways.map((pathway) => ({ id: pathway.id, name: pathway.name })),
    stages: catalogue.pathways.flatMap((pathway) =>
      pathway.stages.map((stage) => ({ id: `${pathway.id}${STAGE_CHOICE_SEPARATOR}${stage.id}`, name: `${stage.name} (${pathway.name})` })),
    ),
    schools: options.schools.map((school) => ({ id: school, name: school })),
    channels: options.channels.map((channel) => ({ id: channel.ref, name: `${PLATFORM_LABELS[channel.platform]}: ${channel.name}` })),
    values,
    errors,
  };
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;

/** The pathway and stage a stage choice stands for (`pathway/stage`, or a stage id alone when only one pathway has it). */
function resolveStage(catalogue: CareerCatalogue, value: string, pathwayId: string | undefined): { pathwayId?: string; stageId: string } | undefined {
  const [first = '', second] = value.split(STAGE_CHOICE_SEPARATOR);
  if (second !== undefined) return catalogue.stage(first, second) ? { pathwayId: first, stageId: second } : undefined;
  if (pathwayId) return catalogue.stage(pathwayId, first) ? { pathwayId, stageId: first } : undefined;
  const holders = catalogue.pathways.filter((pathway) => pathway.stages.some((stage) => stage.id === first));
  if (holders.length === 0) return undefined;
  return holders.length === 1 ? { pathwayId: holders[0]?.id, stageId: first } : { stageId: first };
}

/**
 * Checks a submitted audience form against the speaker's organisation: the opportunity, pathway,
 * stage, school and channels must all exist there. Each problem names the field and the value.
 */
export function checkAudienceForm(values: BroadcastFormValues, sources: AudienceFormSources): AudienceCheck {
  const { catalogue, options } = sources;
  const errors: string[] = [];
  const opportunity = values.opportunityId ? catalogue.opportunity(values.opportunityId) : undefined;
  if (!values.opportunityId) errors.push('Opportunity: please choose the opportunity to send.');
  else if (!opportunity) errors.push(`Opportunity: ${quote(values.opportunityId)} is not one of your organisation's opportunities.`);

  let pathwayId = values.pathway;
  if (pathwayId && !catalogue.pathway(pathwayId)) {
    errors.push(`Pathway: ${quote(pathwayId)} is not a pathway in your career map.`);
    pathwayId = undefined;
  }
  let stageId: string | undefined;
  if (values.stage) {
    const stage = resolveStage(catalogue, values.stage, pathwayId);
    if (!stage) errors.push(`Stage: ${quote(values.stage)} is not a stage in your career map.`);
    else if (pathwayId && stage.pathwayId && stage.pathwayId !== pathwayId) {
      const stageName = catalogue.stage(stage.pathwayId, stage.stageId)?.name ?? stage.stageId;
      errors.push(
        `Stage: ${stageName} is on the ${catalogue.pathway(stage.pathwayId)?.name ?? stage.pathwayId} pathway, not ${catalogue.pathway(pathwayId)?.name ?? pathwayId}. Choose one or the other, or a stage on that pathway.`,
      );
    } else {
      stageId = stage.stageId;
      pathwayId = pathwayId ?? stage.pathwayId;
    }
  }

  const wantedSchool = values.school?.trim().toLowerCase();
  const school = wantedSchool ? options.schools.find((name) => name.toLowerCase() === wantedSchool) : undefined;
  if (values.school && !school) errors.push(`School: nobody in your staff directory is at ${quote(values.school)}.`);

  const refs = [...new Set((values.channels ?? '').split(',').map((ref) => ref.trim()).filter((ref) => ref !== ''))];
  const known = new Set(options.channels.map((channel) => channel.ref));
  const unknown = refs.filter((ref) => !known.has(ref));
  if (unknown.length > 0) {
    errors.push(`Channels: ${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a channel' : 'are not channels'} I have been added to in your organisation.`);
  }
  if (refs.length > MAX_FORM_CHANNELS) errors.push(`Channels: choose at most ${MAX_FORM_CHANNELS} channels for one broadcast.`);

  if (errors.length > 0 || !opportunity) return { ok: false, errors };
  const pathway = pathwayId ? catalogue.pathway(pathwayId) : undefined;
  const stage = pathwayId && stageId ? catalogue.stage(pathwayId, stageId) : undefined;
  return {
    ok: true,
    ask: {
      opportunityId: opportunity.id,
      ...(pathwayId ? { pathway: pathwayId } : {}),
      ...(stageId ? { stage: stageId } : {}),
      ...(school ? { school } : {}),
      ...(refs.length > 0 ? { channels: refs } : {}),
    },
    names: { ...(pathway ? { pathway: pathway.name } : {}), ...(stage ? { stage: stage.name } : {}) },
  };
}
