import { broadcastModal, SLACK_LIMITS, viewToSlack } from '../../../src/channels/slack/blocks';
import { actionFromSubmission } from '../../../src/channels/slack/listeners/submissions';
import type { BroadcastFormView } from '../../../src/core/broadcasts/views';
import { broadcastForm, broadcastFormEmpty } from '../../fixtures/views/broadcasts';

const form = broadcastForm as BroadcastFormView;
type Json = Record<string, unknown>;
const block = (modal: { blocks: unknown[] }, id: string) => modal.blocks.find((b) => (b as Json).block_id === id) as Json | undefined;
const element = (modal: { blocks: unknown[] }, id: string) => block(modal, id)?.element as Json | undefined;

describe('the Slack broadcast modal', () => {
  it('has the same fields as the Teams card, with the submitted values chosen again', () => {
    const modal = broadcastModal(form, '{"channel":"D1"}');
    expect(modal.callback_id).toBe('nextstep:broadcast');
    expect(modal.private_metadata).toBe('{"channel":"D1"}');
    expect(modal.blocks.map((b) => (b as unknown as Json).block_id).filter(Boolean)).toEqual(['opportunityId', 'pathway', 'stage', 'school', 'channels']);
    expect((element(modal, 'opportunityId')?.initial_option as Json).value).toBe('npqsl');
    expect((element(modal, 'school')?.initial_option as Json).value).toBe('Riverside Academy');
    expect(element(modal, 'channels')?.initial_options).toEqual([{ text: { type: 'plain_text', text: 'Teams: Oak staff › General' }, value: 'teams:19:general@thread.tacv2' }]);
    // Stages are grouped under their pathway, so the pathway is not repeated in each option.
    const groups = element(modal, 'stage')?.option_groups as { label: { text: string }; options: { text: { text: string }; value: string }[] }[];
    expect(groups.map((g) => g.label.text)).toEqual(['Teaching', 'Teaching assistant']);
    expect(groups[0]?.options).toEqual([{ text: { type: 'plain_text', text: 'Early career teacher' }, value: 'teaching/ect' }]);
    expect(JSON.stringify(modal.blocks[0])).toContain('Hillside');
  });

  it('splits more than 100 opportunities into groups Slack accepts, and says when there are no channels', () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ id: `item-${i}`, name: `Item ${i}` }));
    const modal = broadcastModal({ ...(broadcastFormEmpty as BroadcastFormView), opportunities: many });
    const groups = element(modal, 'opportunityId')?.option_groups as { options: unknown[] }[];
    expect(groups.map((g) => g.options.length)).toEqual([100, 100, 30]);
    expect(block(modal, 'channels')).toBeUndefined();
    expect(block(modal, 'school')).toBeUndefined();
    expect(JSON.stringify(modal)).toContain('No channels yet');
    expect(modal.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.modalBlocks);
  });

  it('in a message, is a button that opens the modal with the chosen opportunity', () => {
    const message = viewToSlack(form);
    expect(message.text).toMatch(/^New broadcast: School: nobody/);
    const button = JSON.stringify(message.blocks);
    expect(button).toContain(JSON.stringify(JSON.stringify({ action: 'openBroadcastForm', opportunityId: 'npqsl' })).slice(1, -1));
  });

  it('reads a submission into the form action, multi-select channels comma-separated', () => {
    const action = actionFromSubmission({
      callback_id: 'nextstep:broadcast',
      state: {
        values: {
          opportunityId: { value: { selected_option: { value: 'npqsl' } } },
          pathway: { value: { selected_option: null } },
          stage: { value: { selected_option: { value: 'teaching/ect' } } },
          channels: { value: { selected_options: [{ value: 'slack:C1' }, { value: 'teams:19:a@thread.tacv2' }] } },
        },
      },
    });
    expect(action).toEqual({
      action: 'previewBroadcastForm',
      opportunityId: 'npqsl',
      pathway: undefined,
      stage: 'teaching/ect',
      school: undefined,
      channels: 'slack:C1,teams:19:a@thread.tacv2',
    });
  });
});
