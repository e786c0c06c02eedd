import net from 'node:net';
import type { AddressInfo } from 'node:net';

const OP_MSG = 2013;
/** Driver housekeeping, not work a turn asked for. */
const IGNORED = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

/**
 * A TCP pass-through in front of the database that counts the commands clients send (first key of
 * each OP_MSG body). The app's own client is counted without touching its code.
 */
export class CommandCountingProxy {
  private readonly counts = new Map<string, number>();
  private server?: net.Server;

  constructor(private readonly target: { host: string; port: number }) {}

  get uri(): string {
    return `mongodb://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      let pending = Buffer.alloc(0);
      client.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 16 && pending.length >= pending.readInt32LE(0)) {
          const length = pending.readInt32LE(0);
          if (pending.readInt32LE(12) === OP_MSG && pending[20] === 0) this.count(pending.subarray(21, length));
          pending = pending.subarray(length);
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.counts.clear();
  }

  /** Commands since the last reset, by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  private count(bson: Buffer): void {
    // BSON document: int32 size, then elements (type byte, cstring name, value); the command is the first.
    const end = bson.indexOf(0, 5);
    if (end < 0) return;
    const name = bson.subarray(5, end).toString('utf8');
    if (IGNORED.has(name)) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
}
