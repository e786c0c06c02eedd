/**
 * `npm run playground [-- --as EMAIL] [-- --port N]`: the Microsoft 365 Agents Playground (a Teams-like
 * web client) talking to the bot that `npm start` runs in another terminal.
 */
import { parseArgs } from 'node:util';
import { playgroundConfigFor } from './playground/config';
import { playgroundErrors, startPlayground } from './playground/start';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      as: { type: 'string' },
      port: { type: 'string', default: '56150' },
      endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3978'}/api/messages` },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const endpoint = values.endpoint;
  const health = new URL('/healthz', endpoint).toString();
  const botUp = await fetch(health, { signal: AbortSignal.timeout(2_000) })
    .then((response) => response.ok)
    .catch(() => false);
  if (!botUp) {
    process.stderr.write(`NextStep is not answering at ${health}. Start it first in another terminal: npm start\n`);
    process.exitCode = 1;
    return;
  }
  const configPath = playgroundConfigFor(values.as);
  const playground = await startPlayground({
    botEndpoint: endpoint,
    port: Number(values.port),
    configPath,
    openBrowser: !values['no-open'],
  });
  process.stdout.write(`Agents Playground: ${playground.url} (mock users: ${configPath}). Ctrl-C to stop.\n`);
  const stop = () => void playground.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  playground.process.once('exit', (code) => {
    if (code) process.stderr.write(`The Agents Playground stopped (exit code ${code}).\n${playgroundErrors(playground.logFile)}\n`);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the Agents Playground: ${(error as Error).message}\n`);
  process.exit(1);
});
