import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { ViewType } from '../../../core/conversation/views';
import { NextStepError } from '../../../errors';
import { paths } from '../../../paths';

/** Which template in `cards/` renders each view. A view type without a template is a compile error. */
export const TEMPLATE_FILES: { readonly [T in ViewType]: `${T}.json` } = {
  welcome: 'welcome.json',
  help: 'help.json',
  text: 'text.json',
  notSetUp: 'notSetUp.json',
  clarify: 'clarify.json',
  onboarding: 'onboarding.json',
  whatNext: 'whatNext.json',
  opportunityList: 'opportunityList.json',
  opportunityDetail: 'opportunityDetail.json',
  plan: 'plan.json',
  cpdProgress: 'cpdProgress.json',
  logCpdForm: 'logCpdForm.json',
  readingList: 'readingList.json',
  profile: 'profile.json',
  myData: 'myData.json',
  confirmDelete: 'confirmDelete.json',
  adminList: 'adminList.json',
  opportunityForm: 'opportunityForm.json',
  adminLatestOpportunities: 'adminLatestOpportunities.json',
  nudgeStaff: 'nudgeStaff.json',
  managerReminder: 'managerReminder.json',
  teamOverview: 'teamOverview.json',
  discussionDateForm: 'discussionDateForm.json',
  directoryUpload: 'directoryUpload.json',
  broadcastOpportunity: 'broadcastOpportunity.json',
  broadcastForm: 'broadcastForm.json',
  broadcastPreview: 'broadcastPreview.json',
  broadcastProgress: 'broadcastProgress.json',
  reachSummary: 'reachSummary.json',
};

/** A card template could not be loaded: a deployment fault, not bad input. */
export class CardTemplateError extends NextStepError {
  readonly code = 'card_template_invalid';
  override readonly alert = true;
  override readonly status = 500;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PARTIALS_DIR = 'partials';
const MAX_PARTIAL_DEPTH = 5;

function readJson(file: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CardTemplateError(`Card template ${file} is missing`, { cause: error });
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new CardTemplateError(`Card template ${file} is not valid JSON`, { cause: error });
  }
}

function isObject(node: Json): node is { [key: string]: Json } {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/**
 * Inlines `{ "$partial": "name", ...overrides }` with `cards/partials/name.json`, the reference's other
 * keys (typically `$data` or `$when`) overriding the partial's.
 */
function inlinePartials(node: Json, cardsDir: string, depth = 0): Json {
  if (Array.isArray(node)) return node.map((child) => inlinePartials(child, cardsDir, depth));
  if (!isObject(node)) return node;
  const { $partial: name, ...overrides } = node;
  if (name !== undefined) {
    if (typeof name !== 'string' || !/^[A-Za-z0-9-]+$/.test(name)) {
      throw new CardTemplateError(`Invalid card partial name ${JSON.stringify(name)}`);
    }
    if (depth >= MAX_PARTIAL_DEPTH) throw new CardTemplateError(`Card partials nest too deeply at "${name}"`);
    const partial = readJson(path.join(cardsDir, PARTIALS_DIR, `${name}.json`));
    if (!isObject(partial)) throw new CardTemplateError(`Card partial "${name}" must be a JSON object`);
    return inlinePartials({ ...partial, ...overrides }, cardsDir, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlinePartials(value, cardsDir, depth)]));
}

/**
 * Gives every `Action.Execute` a `fallback` `Action.Submit` with the same title, style and data, for
 * clients without Universal Actions. Templates therefore only spell out the `Action.Execute`.
 */
function addSubmitFallbacks(node: Json): Json {
  if (Array.isArray(node)) return node.map(addSubmitFallbacks);
  if (!isObject(node)) return node;
  const result = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, addSubmitFallbacks(value)]));
  if (result.type === 'Action.Execute' && result.fallback === undefined) {
    const fallback: { [key: string]: Json } = { type: 'Action.Submit' };
    for (const key of ['title', 'style', 'tooltip', 'data'] as const) {
      const value = result[key];
      if (value !== undefined) fallback[key] = value;
    }
    result.fallback = fallback;
  }
  return result;
}

/** Reads a template from `cardsDir`, inlining partials and adding fallbacks. Exposed for tests. */
export function loadTemplateJson(file: string, cardsDir: string = paths.cards): Json {
  return addSubmitFallbacks(inlinePartials(readJson(path.join(cardsDir, file)), cardsDir));
}

const cache = new Map<ViewType, Template>();

/** The prepared template for a view type, read from disk once per process. */
export function templateFor(type: ViewType): Template {
  const cached = cache.get(type);
  if (cached) return cached;
  const file = TEMPLATE_FILES[type] as string | undefined;
  if (!file) throw new CardTemplateError(`No card template is registered for view type "${type}"`);
  const template = new Template(loadTemplateJson(file));
  cache.set(type, template);
  return template;
}
