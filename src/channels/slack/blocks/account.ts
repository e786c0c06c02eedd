import type { ConfirmDeleteView, MyDataView, OnboardingView, ProfileView } from '../../../core/conversation/views';
import { actions, button, escape, fields, header, pack, section, SLACK_LIMITS, type KnownBlock } from './elements';

/** In a message the profile form is a button that opens the onboarding modal. */
export function onboardingBlocks(view: OnboardingView): KnownBlock[] {
  return [
    section(
      view.errors.length
        ? view.errors.map(escape).join('\n')
        : 'Tell me your pathway and stage and I will tailor everything to you. It takes a minute.',
    ),
    ...actions(button('Set up my profile', { action: 'startOnboarding' }, 'primary')),
  ];
}

export function profileBlocks(view: ProfileView): KnownBlock[] {
  return [
    header('Your profile'),
    ...fields([
      { label: 'Name', value: view.name },
      { label: 'Work email', value: view.email },
      { label: 'Pathway', value: view.pathwayName },
      { label: 'Stage', value: view.stageName },
      { label: 'School', value: view.school ?? 'Not recorded' },
      { label: 'Line manager', value: view.managerEmail ?? 'Not recorded' },
      { label: 'Next careers discussion', value: view.nextDiscussionLabel ?? 'Not recorded' },
    ]),
    ...actions(
      button('Update my details', { action: 'startOnboarding' }, 'primary'),
      button('What next?', { action: 'runIntent', intent: 'whatNext' }),
      button('My data', { action: 'runIntent', intent: 'myData' }),
    ),
  ];
}

export function myDataBlocks(view: MyDataView): KnownBlock[] {
  const groups = view.sections.map((part) => [
    section(`*${escape(part.title)}*`),
    ...(part.facts.length ? fields(part.facts) : [section('Nothing held.')]),
  ]);
  return pack(
    [header('What NextStep holds about you')],
    groups,
    actions(button('Delete my data', { action: 'runIntent', intent: 'deleteMyData' }, 'danger')),
    SLACK_LIMITS.messageBlocks,
  );
}

export function confirmDeleteBlocks(view: ConfirmDeleteView): KnownBlock[] {
  return [
    section('*Delete everything NextStep holds about you?* Your profile, plan and CPD log go for good.'),
    ...actions(
      button('Yes, delete my data', { action: 'confirmDeleteData', token: view.token }, 'danger'),
      button('No, keep it', { action: 'cancelDeleteData' }),
    ),
  ];
}
