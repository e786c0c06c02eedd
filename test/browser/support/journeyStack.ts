import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { playgroundConfigFor } from '../../../scripts/playground/config';
import { startPlayground, type RunningPlayground } from '../../../scripts/playground/start';
import { freePort } from '../../../src/store/embedded/freePort';
import { testDatabaseUri, uniqueDbName } from '../../support/testDatabase';

const ROOT = path.resolve(__dirname, '../../..');

/** Screenshots land here; `SCREENSHOT_DIR=docs/screenshots npm run test:browser` refreshes the README's. */
export const SCREENSHOT_DIR = path.resolve(ROOT, process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'nextstep-journeys'));

export interface JourneyStack {
  browser: Browser;
  botEndpoint: string;
  /** A Playground signed in as `email` (the checked-in current user when omitted), or with its own mock Teams data. */
  playground(as?: string | { configPath: string }): Promise<RunningPlayground>;
  /** One nudge pass as the operator runs it (`nextstep jobs run nudges --now`), against the bot's database. */
  runNudges(now: Date): string;
  /** Any `nextstep` command as an operator runs it, against the bot's database; its output. */
  nextstep(...args: string[]): string;
  /** What the bot has printed so far (warnings and errors: LOG_LEVEL is warn). */
  botOutput(): string;
  stop(): Promise<void>;
}

async function waitForReady(port: number, bot: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`the bot exited during start-up:\n${output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the bot was not ready within 180 s:\n${output()}`);
}

/** The bot (with the demo trust in a fresh database), Playgrounds on demand, and a headless Chromium. */
export async function startJourneyStack(chromiumPath: string): Promise<JourneyStack> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const env = { ...process.env, MONGODB_URI: testDatabaseUri(), MONGODB_DB: uniqueDbName(), LOG_LEVEL: 'warn' };
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin/nextstep.js'), 'demo-data'], { cwd: ROOT, env, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`nextstep demo-data failed:\n${demo.stderr}`);

  const port = await freePort();
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  bot.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bot.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForReady(port, bot, () => output);
  const botEndpoint = `http://127.0.0.1:${port}/api/messages`;

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  const playgrounds: RunningPlayground[] = [];
  const nextstep = (...args: string[]): string => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/nextstep.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`nextstep ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
    return run.stdout;
  };
  return {
    browser,
    botEndpoint,
    playground: async (as) => {
      const playground = await startPlayground({
        botEndpoint,
        port: await freePort(),
        configPath: typeof as === 'object' ? as.configPath : playgroundConfigFor(as),
        openBrowser: false,
        onOutput: () => undefined,
      });
      playgrounds.push(playground);
      return playground;
    },
    runNudges: (now) => nextstep('jobs', 'run', 'nudges', '--now', now.toISOString()),
    nextstep,
    botOutput: () => output,
    stop: async () => {
      await browser.close();
      await Promise.all(playgrounds.map((playground) => playground.stop()));
      bot.kill('SIGTERM');
    },
  };
}

/** Opens the Playground in a page that may talk to localhost only (its web fonts and CDN scripts are refused). */
export async function openPlayground(browser: Browser, url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(url, { timeout: 90_000 });
  await composer(page).waitFor({ timeout: 90_000 });
  // The log panel is for debugging the Playground itself; at phone width it covers the chat.
  const hideLog = page.getByRole('button', { name: 'Hide log panel' });
  if (await hideLog.isVisible()) await hideLog.click();
  return page;
}

export const composer = (page: Page): Locator => page.locator('[data-lexical-editor="true"]');
export const cards = (page: Page): Locator => page.locator('.ac-adaptiveCard');
export const lastCard = (page: Page): Locator => cards(page).last();

/** Types a message in the personal chat and sends it with Enter, as a person would. */
export async function say(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * The newest card showing `text`, once it is on screen. (The Playground drops messages scrolled far
 * out of view from the page, so cards are found by what they say, not by counting.)
 */
export async function cardWith(page: Page, text: string | RegExp): Promise<Locator> {
  const card = cards(page).filter({ hasText: text }).last();
  await card.waitFor({ state: 'visible', timeout: 20_000 });
  return card;
}

/** Resolves once the newest card on the page shows `text` (a reply arrived, or a card was updated). */
export async function newestCardShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    `(() => { const all = document.querySelectorAll('.ac-adaptiveCard'); const last = all[all.length - 1]; return Boolean(last && last.innerText.includes(${JSON.stringify(text)})); })()`,
    undefined,
    { timeout: 20_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
