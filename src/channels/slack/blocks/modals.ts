import type { types } from '@slack/bolt';
import type { BroadcastFormView } from '../../../core/broadcasts/views';
import type { ChoiceOption, LogCpdFormView, OnboardingView } from '../../../core/conversation/views';
import { clip, escape, section, SLACK_LIMITS, type KnownBlock } from './elements';

export type ModalView = types.ModalView;

/** Callback ids of the two modals; view_submission listeners match on them. */
export const MODAL = { onboarding: 'nextstep:onboarding', logCpd: 'nextstep:logCpd', broadcast: 'nextstep:broadcast' } as const;
/** Every input's action id; its block id is the field name. */
export const INPUT_ACTION = 'value';
/** Pathway and stage are chosen together in one grouped select: `${pathway}/${stage}`. */
export const STAGE_SEPARATOR = '/';

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, SLACK_LIMITS.optionText) });

function textInput(field: string, label: string, options: { initial?: string; optional?: boolean; max?: number; hint?: string } = {}): KnownBlock {
  return {
    type: 'input',
    block_id: field,
    optional: options.optional ?? false,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      ...(options.initial ? { initial_value: options.initial } : {}),
      ...(options.max ? { max_length: options.max } : {}),
    },
  };
}

function dateInput(field: string, label: string, initial?: string, optional = true): KnownBlock {
  return {
    type: 'input',
    block_id: field,
    optional,
    label: plain(label),
    element: { type: 'datepicker', action_id: INPUT_ACTION, ...(initial ? { initial_date: initial } : {}) },
  };
}

function errorsBlock(errors: string[]): KnownBlock[] {
  return errors.length ? [section(`:warning: ${errors.map(escape).join('\n')}`)] : [];
}

export function onboardingModal(view: OnboardingView, privateMetadata = ''): ModalView {
  const { values } = view;
  const groups = view.pathways.slice(0, 100).map((pathway) => ({
    label: plain(pathway.name),
    options: pathway.stages.slice(0, 100).map((stage) => ({
      text: plain(stage.name),
      value: `${pathway.id}${STAGE_SEPARATOR}${stage.id}`,
    })),
  }));
  const selected = groups.flatMap((g) => g.options).find((o) => o.value === `${values.pathway}${STAGE_SEPARATOR}${values.stage}`);
  return {
    type: 'modal',
    callback_id: MODAL.onboarding,
    private_metadata: privateMetadata,
    title: plain('Your profile'),
    submit: plain('Save my profile'),
    close: plain('Cancel'),
    blocks: [
      ...errorsBlock(view.errors),
      ...(view.askEmail ? [textInput('email', 'Work email', { initial: values.email, max: 254 })] : []),
      textInput('name', 'Your name', { initial: values.name, max: 100 }),
      {
        type: 'input',
        block_id: 'stage',
        label: plain('Your pathway and stage'),
        element: {
          type: 'static_select',
          action_id: INPUT_ACTION,
          placeholder: plain('Choose your stage'),
          option_groups: groups,
          ...(selected ? { initial_option: selected } : {}),
        },
      },
      textInput('school', 'School', { initial: values.school, optional: true, max: 100 }),
      textInput('managerEmail', "Line manager's email", { initial: values.managerEmail, optional: true, max: 254 }),
      dateInput('nextDiscussion', 'Next careers discussion', values.nextDiscussion),
    ],
  };
}

export function logCpdModal(view: LogCpdFormView, privateMetadata = ''): ModalView {
  return {
    type: 'modal',
    callback_id: MODAL.logCpd,
    private_metadata: privateMetadata,
    title: plain('Log CPD'),
    submit: plain('Log it'),
    close: plain('Cancel'),
    blocks: [
      ...errorsBlock(view.errors),
      textInput('title', 'What did you do?', { initial: view.values.title, max: 200 }),
      textInput('days', 'How many days?', { initial: view.values.days?.toString(), max: 10, hint: 'Half days are fine, e.g. 0.5' }),
      dateInput('date', 'When?', view.values.date, false),
    ],
  };
}

/** Slack allows 100 options in a select (or in each of its groups) and option values of 150 characters. */
const MAX_OPTIONS = 100;
const MAX_OPTION_VALUE = 150;

type SlackOption = { text: { type: 'plain_text'; text: string }; value: string };

const optionsOf = (choices: ChoiceOption[]): SlackOption[] =>
  choices.filter((choice) => choice.id.length <= MAX_OPTION_VALUE).map((choice) => ({ text: plain(choice.name), value: choice.id }));

/** Options in groups of at most 100, so long lists (every opportunity) stay choosable. */
function groupsOf(options: SlackOption[], label: string): { label: { type: 'plain_text'; text: string }; options: SlackOption[] }[] {
  const groups = [];
  for (let i = 0; i < options.length; i += MAX_OPTIONS) {
    const part = options.length > MAX_OPTIONS ? ` (${i + 1}–${Math.min(i + MAX_OPTIONS, options.length)})` : '';
    groups.push({ label: plain(`${label}${part}`), options: options.slice(i, i + MAX_OPTIONS) });
  }
  return groups.slice(0, MAX_OPTIONS);
}

function select(field: string, label: string, options: SlackOption[], chosen: string | undefined, optional: boolean, placeholder: string): KnownBlock {
  const initial = options.find((option) => option.value === chosen);
  const list = options.length > MAX_OPTIONS ? { option_groups: groupsOf(options, label) } : { options };
  return {
    type: 'input',
    block_id: field,
    optional,
    label: plain(label),
    element: { type: 'static_select', action_id: INPUT_ACTION, placeholder: plain(placeholder), ...list, ...(initial ? { initial_option: initial } : {}) },
  };
}

/** The broadcast audience form: the same fields as the Teams card; "Preview" submits it. */
export function broadcastModal(view: BroadcastFormView, privateMetadata = ''): ModalView {
  const { values } = view;
  const pathwayNames = new Map(view.pathways.map((pathway) => [pathway.id, pathway.name]));
  const stageGroups = view.pathways
    .map((pathway) => ({
      label: plain(pathway.name),
      options: optionsOf(view.stages.filter((stage) => stage.id.startsWith(`${pathway.id}${STAGE_SEPARATOR}`))).map((option) => ({
        ...option,
        text: plain(option.text.text.replace(` (${pathwayNames.get(pathway.id) ?? ''})`, '')),
      })),
    }))
    .filter((group) => group.options.length > 0)
    .slice(0, MAX_OPTIONS)
    .map((group) => ({ ...group, options: group.options.slice(0, MAX_OPTIONS) }));
  const chosenStage = stageGroups.flatMap((group) => group.options).find((option) => option.value === values.stage);
  const channelOptions = optionsOf(view.channels).slice(0, MAX_OPTIONS);
  const chosenChannels = new Set((values.channels ?? '').split(','));
  const initialChannels = channelOptions.filter((option) => chosenChannels.has(option.value));
  return {
    type: 'modal',
    callback_id: MODAL.broadcast,
    private_metadata: privateMetadata,
    title: plain('New broadcast'),
    submit: plain('Preview'),
    close: plain('Cancel'),
    blocks: [
      ...errorsBlock(view.errors),
      section('Leave pathway, stage and school empty to reach all active staff; choose only channels to post in those channels alone.'),
      select('opportunityId', 'Opportunity', optionsOf(view.opportunities), values.opportunityId, false, 'Choose an opportunity'),
      ...(view.unlistedOpportunities > 0
        ? [section(`_The ${view.opportunities.length} most relevant are listed. For one of the other ${view.unlistedOpportunities}, send “broadcast” and its name._`)]
        : []),
      select('pathway', 'Pathway', optionsOf(view.pathways), values.pathway, true, 'Every pathway'),
      ...(stageGroups.length > 0
        ? [
            {
              type: 'input',
              block_id: 'stage',
              optional: true,
              label: plain('Stage'),
              element: {
                type: 'static_select',
                action_id: INPUT_ACTION,
                placeholder: plain('Every stage'),
                option_groups: stageGroups,
                ...(chosenStage ? { initial_option: chosenStage } : {}),
              },
            } satisfies KnownBlock,
          ]
        : []),
      ...(view.schools.length > 0 ? [select('school', 'School', optionsOf(view.schools), values.school, true, 'Every school')] : []),
      ...(channelOptions.length > 0
        ? [
            {
              type: 'input',
              block_id: 'channels',
              optional: true,
              label: plain('Channels'),
              element: {
                type: 'multi_static_select',
                action_id: INPUT_ACTION,
                placeholder: plain('No channels'),
                options: channelOptions,
                ...(initialChannels.length > 0 ? { initial_options: initialChannels } : {}),
              },
            } satisfies KnownBlock,
          ]
        : [section('_No channels yet: invite NextStep to a Slack channel, or add it to a Teams team, and the channel appears here._')]),
    ],
  };
}
