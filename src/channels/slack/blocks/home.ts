import type { types } from '@slack/bolt';
import type { View } from '../../../core/conversation/views';
import { context, divider, SLACK_LIMITS, type KnownBlock } from './elements';
import { renderBlocks } from './render';

export type HomeView = types.HomeView;

/**
 * The App Home tab: the views of a home turn (welcome, or what next + plan + CPD) one after another,
 * within Slack's 100-block limit for a Home view.
 */
export function homeView(views: View[]): HomeView {
  const blocks: KnownBlock[] = [];
  for (const view of views) {
    const rendered = renderBlocks(view);
    const separator = blocks.length ? [divider()] : [];
    if (blocks.length + separator.length + rendered.length > SLACK_LIMITS.homeBlocks - 1) {
      blocks.push(context('There is more: ask me in a direct message.'));
      break;
    }
    blocks.push(...separator, ...rendered);
  }
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.homeBlocks) };
}
