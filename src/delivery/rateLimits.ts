import { Pacer } from './pacer';
import type { DeliveryAddress } from './types';

export interface RateLimitSettings {
  /** Messages per second per Teams tenant (the platform allows 50 per app per tenant). */
  teamsPerSecond: number;
  /** Messages per second per Slack workspace (chat.postMessage allows about one per channel). */
  slackPerSecond: number;
}

/**
 * One pacer per Teams tenant and per Slack workspace, starting sends evenly at the configured
 * rate. Only starts are paced: a slow platform does not hold the next send back (the sender's own
 * concurrency bounds what is in flight). A 429 pauses that workspace for its Retry-After: sends
 * already waiting wait longer, so the whole workspace backs off, not only the message refused.
 */
export class WorkspaceRateLimits {
  private readonly pacers = new Map<string, Pacer>();
  private readonly intervals: Record<DeliveryAddress['channel'], number>;

  constructor(settings: RateLimitSettings) {
    this.intervals = { teams: 1000 / settings.teamsPerSecond, slack: 1000 / settings.slackPerSecond };
  }

  async schedule<T>(address: DeliveryAddress, work: () => Promise<T>): Promise<T> {
    await this.pacerFor(address).turn();
    return work();
  }

  /** The configured rate for this address's platform, in messages per second. */
  perSecond(address: DeliveryAddress): number {
    return 1000 / this.intervals[address.channel];
  }

  pause(address: DeliveryAddress, ms: number): void {
    this.pacerFor(address).pause(ms);
  }

  /** Waits until every send already waiting for its turn has started. */
  async stop(): Promise<void> {
    await Promise.all([...this.pacers.values()].map((pacer) => pacer.idle()));
  }

  private pacerFor(address: DeliveryAddress): Pacer {
    const id = `${address.channel}:${address.workspaceId}`;
    let pacer = this.pacers.get(id);
    if (!pacer) {
      pacer = new Pacer(this.intervals[address.channel]);
      this.pacers.set(id, pacer);
    }
    return pacer;
  }
}
