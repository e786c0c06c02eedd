import type { ConversationContext } from '../context';
import type { CoreServices } from '../services';
import { showCpdProgress } from './cpd';
import { showWelcome } from './general';
import { showWhatNext } from './opportunities';
import { showPlan } from './plan';

/**
 * A person's home page (Slack's App Home): who they are, their top next steps, their plan and their
 * CPD progress. Someone not yet known gets the welcome, which invites them to set up a profile.
 */
export async function showHome(ctx: ConversationContext, services: CoreServices): Promise<void> {
  if (!ctx.staff) {
    await showWelcome(ctx, services);
    return;
  }
  await showWhatNext(ctx, services, 0);
  await showPlan(ctx, services);
  await showCpdProgress(ctx, services);
}
