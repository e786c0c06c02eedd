import Bottleneck from 'bottleneck';
import type { DeliveryAddress } from './types';

export interface RateLimitSettings {
  /** Messages per second per Teams tenant (the platform allows 50 per app per tenant). */
  teamsPerSecond: number;
  /** Messages per second per Slack workspace (chat.postMessage allows about one per channel). */
  slackPerSecond: number;
  /** Sends in flight at once per workspace. */
  maxConcurrent?: number;
}

/**
 * One limiter per Teams tenant and per Slack workspace, spacing sends evenly at the configured
 * rate. A 429 pauses that workspace for its Retry-After: jobs already scheduled wait before
 * sending, so the whole workspace backs off, not only the message that was refused.
 */
export class WorkspaceRateLimits {
  private readonly groups: Record<DeliveryAddress['channel'], Bottleneck.Group>;
  private readonly pausedUntil = new Map<string, number>();

  constructor(settings: RateLimitSettings) {
    const group = (perSecond: number) =>
      new Bottleneck.Group({ minTime: Math.ceil(1000 / perSecond), maxConcurrent: settings.maxConcurrent ?? 16 });
    this.groups = { teams: group(settings.teamsPerSecond), slack: group(settings.slackPerSecond) };
  }

  schedule<T>(address: DeliveryAddress, work: () => Promise<T>): Promise<T> {
    const id = `${address.channel}:${address.workspaceId}`;
    return this.groups[address.channel].key(address.workspaceId).schedule(async () => {
      await this.waitWhilePaused(id);
      return work();
    });
  }

  pause(address: DeliveryAddress, ms: number): void {
    const id = `${address.channel}:${address.workspaceId}`;
    this.pausedUntil.set(id, Math.max(this.pausedUntil.get(id) ?? 0, Date.now() + ms));
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.groups).flatMap((group) => group.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false }))));
  }

  private async waitWhilePaused(id: string): Promise<void> {
    for (;;) {
      const wait = (this.pausedUntil.get(id) ?? 0) - Date.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
