import { INPUT_ACTION, MODAL, STAGE_SEPARATOR } from '../blocks';
import type { ViewSubmission } from '../schema';

type Values = ViewSubmission['view']['state']['values'];

function read(values: Values, field: string): string | undefined {
  const input = values[field]?.[INPUT_ACTION];
  const value = input?.value ?? input?.selected_option?.value ?? input?.selected_date ?? undefined;
  if (value === undefined && input?.selected_options) return input.selected_options.map((option) => option.value).join(',');
  return value ?? undefined;
}

/**
 * The core action a submitted modal stands for. Only the fields of the form are read; the core
 * validates the result with its action schema, as it does a Teams card submit.
 */
export function actionFromSubmission(view: ViewSubmission['view']): Record<string, unknown> | undefined {
  const values = view.state.values;
  if (view.callback_id === MODAL.onboarding) {
    const [pathway, stage] = (read(values, 'stage') ?? '').split(STAGE_SEPARATOR);
    return {
      action: 'submitOnboarding',
      email: read(values, 'email'),
      name: read(values, 'name'),
      pathway,
      stage,
      school: read(values, 'school'),
      managerEmail: read(values, 'managerEmail'),
      nextDiscussion: read(values, 'nextDiscussion'),
    };
  }
  if (view.callback_id === MODAL.broadcast) {
    return {
      action: 'previewBroadcastForm',
      opportunityId: read(values, 'opportunityId'),
      pathway: read(values, 'pathway'),
      stage: read(values, 'stage'),
      school: read(values, 'school'),
      channels: read(values, 'channels'),
    };
  }
  if (view.callback_id === MODAL.logCpd) {
    return { action: 'logCpd', title: read(values, 'title'), days: read(values, 'days'), date: read(values, 'date') };
  }
  return undefined;
}

/** The DM channel a modal was opened from, if it says (private metadata is ours, but still checked). */
export function originChannel(privateMetadata: string | undefined): string | undefined {
  if (!privateMetadata) return undefined;
  try {
    const channel = (JSON.parse(privateMetadata) as { channel?: unknown }).channel;
    return typeof channel === 'string' && /^D[A-Z0-9]{1,30}$/.test(channel) ? channel : undefined;
  } catch {
    return undefined;
  }
}
