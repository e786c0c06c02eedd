import type { CareerCatalogue } from '../careerMap/catalogue';
import { ENTITLEMENTS, OPPORTUNITY_KINDS, SCOPES, type Opportunity } from '../careerMap/schema';
import { KIND_LABELS, SCOPE_LABELS } from '../careerMap/labels';
import { parseOpportunities } from '../imports/opportunities';
import type { ChoiceOption } from '../conversation/views';
import type { OpportunityFormValues, OpportunityFormView } from './views';

/** How each field is labelled on the card, for error messages that match what the admin sees. */
const FIELD_LABELS = new Map<string, string>([
  ['id', 'Id'],
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['pathways', 'Pathways'],
  ['stages', 'Stages'],
  ['scope', 'Where'],
  ['kind', 'Type'],
  ['entitlement', 'Entitlement'],
  ['provider', 'Provider'],
  ['url', 'Web address'],
  ['closes', 'Closing date'],
  ['tags', 'Tags'],
]);

const ENTITLEMENT_LABELS: Record<(typeof ENTITLEMENTS)[number], string> = {
  universal: 'Universal entitlement (everyone at these stages)',
  optional: 'Optional (agreed with the line manager)',
};

const splitList = (text: string | undefined): string[] | undefined => {
  const items = (text ?? '').split(/[,;]/).map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
};

/** The choices the form offers, from the organisation's career map. */
export function formChoices(catalogue: CareerCatalogue): Pick<OpportunityFormView, 'pathways' | 'stages' | 'scopes' | 'kinds' | 'entitlements'> {
  // A stage id shared by several pathways (e.g. "apprentice") is one choice, titled with each of its names.
  const stagePathways = new Map<string, { names: Set<string>; pathways: string[] }>();
  for (const pathway of catalogue.pathways) {
    for (const stage of pathway.stages) {
      const entry = stagePathways.get(stage.id) ?? { names: new Set<string>(), pathways: [] };
      entry.names.add(stage.name);
      entry.pathways.push(pathway.name);
      stagePathways.set(stage.id, entry);
    }
  }
  const stages: ChoiceOption[] = [...stagePathways].map(([id, entry]) => ({
    id,
    name: `${[...entry.names].join(' / ')} (${entry.pathways.join(', ')})`,
  }));
  return {
    pathways: catalogue.pathways.map((pathway) => ({ id: pathway.id, name: pathway.name })),
    stages,
    scopes: SCOPES.map((scope) => ({ id: scope, name: SCOPE_LABELS[scope] })),
    kinds: OPPORTUNITY_KINDS.map((kind) => ({ id: kind, name: KIND_LABELS[kind] })),
    entitlements: ENTITLEMENTS.map((entitlement) => ({ id: entitlement, name: ENTITLEMENT_LABELS[entitlement] })),
  };
}

/** The form's values for an existing opportunity (editing). */
export function formValuesOf(item: Opportunity): OpportunityFormValues {
  const values: OpportunityFormValues = {
    id: item.id,
    title: item.title,
    summary: item.summary,
    pathways: item.pathways.join(','),
    stages: item.stages.join(','),
    scope: item.scope,
    kind: item.kind,
    entitlement: item.entitlement,
    provider: item.provider,
    url: item.url,
    closes: item.closes,
    tags: item.tags.length > 0 ? item.tags.join(', ') : undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Opportunity fields the form does not show, kept as they were when an item is edited. */
type KeptField = 'owner' | 'durationDays' | 'priority' | 'recurs' | 'forNewStarters' | 'requiredFor';

export type FormCheck = { ok: true; opportunity: Opportunity } | { ok: false; errors: string[] };

/**
 * Checks a submitted form with exactly the rules of the opportunities import, by handing it to the
 * import as a one-item file. `keep` carries fields the form does not show (owner, duration, priority, recurrence, who it is
 * for) through an edit.
 */
export function checkOpportunityForm(
  values: OpportunityFormValues,
  catalogue: CareerCatalogue,
  keep: Pick<Opportunity, KeptField> = {},
): FormCheck {
  const record: Record<string, unknown> = {
    id: values.id,
    title: values.title,
    summary: values.summary,
    pathways: splitList(values.pathways),
    stages: splitList(values.stages),
    scope: values.scope,
    kind: values.kind,
    entitlement: values.entitlement,
    provider: values.provider,
    url: values.url,
    closes: values.closes,
    tags: splitList(values.tags),
    owner: keep.owner,
    durationDays: keep.durationDays,
    priority: keep.priority,
    recurs: keep.recurs,
    forNewStarters: keep.forNewStarters,
    requiredFor: keep.requiredFor,
  };
  const present = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
  const file = { bytes: Buffer.from(JSON.stringify([present]), 'utf8'), fileName: 'form.json' };
  const result = parseOpportunities(file, { pathways: [...catalogue.pathways] });
  if (result.ok && result.opportunities[0]) return { ok: true, opportunity: result.opportunities[0] };
  return { ok: false, errors: result.ok ? ['The form was empty.'] : result.problems.map(formProblem) };
}

/** "item 1, stages: stage …" → "Stages: stage …". */
function formProblem(problem: string): string {
  const match = /^item 1, ([A-Za-z]+)[^:]*: (.*)$/s.exec(problem);
  if (!match) return problem.replace(/^item 1[,:]\s*/, '');
  const [, field = '', message = ''] = match;
  return `${FIELD_LABELS.get(field) ?? field}: ${message}`;
}
