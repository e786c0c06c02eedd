import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../../src/store/embedded/freePort';
import { paths } from '../../src/paths';

/**
 * A FerretDB of the test's own (own port, own data directory) that can be made to fail: `freeze`
 * stops the process (SIGSTOP: connections stay open and hang, the hard case), `thaw` continues it,
 * `kill` ends it (SIGKILL) and `start` brings it back on the same port and data. Never the shared
 * test database.
 */
export class FaultyDatabase {
  private child?: ChildProcess;
  private port = 0;
  private readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-faults-'));

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const debugPort = await freePort();
    const child = spawn(
      paths.ferretdbBinary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${this.dataDir}/`,
        `--state-dir=${this.dataDir}`,
        `--listen-addr=127.0.0.1:${this.port}`,
        `--debug-addr=127.0.0.1:${debugPort}`,
        '--telemetry=disable',
        '--log-level=error',
      ],
      { stdio: 'ignore' },
    );
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    this.child = child;
    await waitForPort(this.port, 20_000, () => !exited);
  }

  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
