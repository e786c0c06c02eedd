/**
 * Lets work start at an even rate on an absolute timeline: each start is one interval after the
 * previous start's *slot*, not after the moment a late timer actually fired, so timer lateness is
 * caught up instead of accumulating (bottleneck's `minTime` counts from the actual start and lost
 * a few per cent to it). After an idle spell or a stall the timeline restarts from now less
 * `toleranceMs`, so at most `1 + toleranceMs / interval` starts ever leave back to back.
 */
export class Pacer {
  private readonly waiting: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private slot = -Infinity;
  private pausedUntil = -Infinity;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly intervalMs: number,
    private readonly toleranceMs = intervalMs,
  ) {}

  /** Resolves when it is the caller's turn to start. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.release();
    });
  }

  /** Nothing starts before `ms` from now (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.release();
  }

  /** Resolves once every caller waiting now has had its turn. */
  async idle(): Promise<void> {
    if (this.waiting.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private release(): void {
    if (this.timer) return;
    while (this.waiting.length > 0) {
      const now = performance.now();
      const due = Math.max(this.slot, this.pausedUntil);
      if (due > now) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.release();
        }, due - now);
        return;
      }
      this.slot = Math.max(due, now - this.toleranceMs) + this.intervalMs;
      this.waiting.shift()?.();
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
