import type { types } from '@slack/bolt';
import type { LogCpdFormView, OnboardingView } from '../../../core/conversation/views';
import { clip, escape, section, SLACK_LIMITS, type KnownBlock } from './elements';

export type ModalView = types.ModalView;

/** Callback ids of the two modals; view_submission listeners match on them. */
export const MODAL = { onboarding: 'nextstep:onboarding', logCpd: 'nextstep:logCpd' } as const;
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
