import type { View } from '../../src/core/conversation/views';
import { DeliveryError, type ChannelTransport, type DeliveryAddress } from '../../src/delivery/types';

/** An in-process transport that records every view it is asked to send and can be told to fail. */
export class RecordingTransport implements ChannelTransport {
  readonly sent: { target: string; view: View }[] = [];
  readonly attempts: string[] = [];
  private readonly failures = new Map<string, DeliveryError[]>();

  constructor(readonly channel: 'teams' | 'slack' = 'teams') {}

  /** The next sends to `target` fail with these errors, in order. */
  failNext(target: string, ...errors: DeliveryError[]): void {
    this.failures.set(target, [...(this.failures.get(target) ?? []), ...errors]);
  }

  async send(address: DeliveryAddress, view: View): Promise<void> {
    this.attempts.push(address.target);
    await new Promise((resolve) => setImmediate(resolve));
    const failure = this.failures.get(address.target)?.shift();
    if (failure) throw failure;
    this.sent.push({ target: address.target, view });
  }
}
