import { Pacer } from '../../../src/delivery/pacer';

/** Counts of started work at points in fake time: the pacer's arithmetic, not the machine's speed. */
describe('the outbox pacer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function queue(pacer: Pacer, count: number): { started: () => number } {
    let started = 0;
    for (let i = 0; i < count; i += 1) void pacer.turn().then(() => (started += 1));
    return { started: () => started };
  }

  it('lets two start back to back, then one per interval, and never more', async () => {
    const pacer = new Pacer(100);
    const work = queue(pacer, 10);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.started()).toBe(2);
    await jest.advanceTimersByTimeAsync(100);
    expect(work.started()).toBe(3);
    await jest.advanceTimersByTimeAsync(500);
    expect(work.started()).toBe(8);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(work.started()).toBe(10);
  });

  it('keeps to the rate over a long run: 1,000 starts at 50 a second take 20 seconds of slots', async () => {
    const pacer = new Pacer(20);
    const work = queue(pacer, 1_000);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(work.started()).toBe(501 + 1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(work.started()).toBe(1_000);
  });

  it('starts nothing while paused by a Retry-After, then carries on', async () => {
    const pacer = new Pacer(100);
    const work = queue(pacer, 5);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.started()).toBe(2);
    pacer.pause(1_000);
    await jest.advanceTimersByTimeAsync(999);
    expect(work.started()).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.started()).toBe(3);
    await jest.advanceTimersByTimeAsync(200);
    expect(work.started()).toBe(5);
  });

  it('tells a stopping caller when everything waiting has started', async () => {
    const pacer = new Pacer(100);
    const work = queue(pacer, 4);
    let idle = false;
    void pacer.idle().then(() => (idle = true));
    await jest.advanceTimersByTimeAsync(100);
    expect(idle).toBe(false);
    await jest.advanceTimersByTimeAsync(100);
    expect(work.started()).toBe(4);
    expect(idle).toBe(true);
  });
});
