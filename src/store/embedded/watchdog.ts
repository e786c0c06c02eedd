import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A few lines of POSIX shell between this process and the database server. It starts the server,
 * prints its pid, then waits on a pipe from us: when the pipe closes — because we asked for a stop
 * or because this process died, even by SIGKILL — it stops the server. Running in its own process
 * group keeps Ctrl-C and group signals away from it, so the app can close its connections first.
 */
const WATCHDOG_SCRIPT = [
  '"$@" </dev/null &',
  'server=$!',
  'echo "$server"',
  "trap 'kill -TERM $server 2>/dev/null' TERM INT HUP",
  'while read -r _line; do :; done',
  'kill -TERM $server 2>/dev/null',
  'wait $server',
].join('\n');

export interface WatchedServer {
  process: ChildProcess;
  /** Resolves with the server's own pid once the watchdog has printed it. */
  serverPid: Promise<number>;
  hasExited(): boolean;
  /** Asks the server to stop, waits up to `graceMs`, then kills the whole group. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnWatched(binary: string, args: string[], onStderr: (text: string) => void): WatchedServer {
  const child = spawn('sh', ['-c', WATCHDOG_SCRIPT, 'nextstep-db-watchdog', binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.stderr?.on('data', (chunk: Buffer) => onStderr(chunk.toString()));
  const serverPid = new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0] ?? '';
      if (buffer.includes('\n') && /^\d+$/.test(line)) resolve(Number(line));
    });
    void exitedPromise.then(() => reject(new Error('the database watchdog exited before starting the server')));
  });
  serverPid.catch(() => undefined);

  return {
    process: child,
    serverPid,
    hasExited: () => exited,
    stop: async (graceMs = 5_000) => {
      if (exited) return;
      child.stdin?.end();
      const timer = setTimeout(() => {
        if (!exited && child.pid) killGroup(child.pid);
      }, graceMs);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group has already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
