import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { waitForPort } from '../../src/store/embedded/freePort';
import os from 'node:os';
import path from 'node:path';

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the Playground's web page and mock connector. */
  port: number;
  configPath: string;
  /** Open the system browser (people yes, tests no). */
  openBrowser: boolean;
  /** Where the Playground's own output goes; inherited when omitted. */
  onOutput?: (text: string) => void;
}

export interface RunningPlayground {
  url: string;
  /** The Playground's own log: it writes its errors there, not to the terminal. */
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the pinned Agents Playground without prompts or telemetry, in Teams mode, pointed at the
 * bot, with our mock users; its log file goes to a temporary folder rather than ./devTools.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-playground-log-'));
  const logFile = path.join(logDir, 'playground.log');
  const child = spawn(
    process.execPath,
    [CLI, '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams', '--port', String(options.port), '--disable-telemetry'],
    {
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        TEAMSAPPTESTER_BROWSER: options.openBrowser ? (process.env.TEAMSAPPTESTER_BROWSER ?? '') : 'none',
      },
      stdio: ['ignore', options.onOutput ? 'pipe' : 'inherit', options.onOutput ? 'pipe' : 'inherit'],
    },
  );
  if (options.onOutput) {
    child.stdout?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString()));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(options.port, 60_000, () => child.exitCode === null, 'the Playground');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${playgroundErrors(logFile)}`);
  }
  return {
    logFile,
    url: `http://127.0.0.1:${options.port}`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The error lines of the Playground's log, which is where it explains why it stopped. */
export function playgroundErrors(logFile: string): string {
  if (!existsSync(logFile)) return '';
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('error '))
    .join('\n');
}
