import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { parseDocument } from 'yaml';
import { PLAYGROUND_CONFIG } from '../../scripts/playground/config';
import { DEMO_DOMAIN, DEMO_SCHOOLS, DEMO_STAFF } from '../../src/cli/commands/demoTrust';
import { findChromium } from './support/chromium';
import { cardWith, openPlayground, say, screenshot, startJourneyStack, type JourneyStack } from './support/journeyStack';

/**
 * An admin's journey through the Agents Playground: a head teacher made an admin by an operator
 * (`nextstep admin grant`) broadcasts an opportunity to her school from the chat, as she would in
 * Teams, and sees the form, the exact count and the progress card rendered.
 */
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.warn('Browser journeys skipped: Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH).');
}
const describeWithBrowser = chromiumPath ? describe : describe.skip;

jest.setTimeout(180_000);

const DEMO_ORG = 'default';
const RIVERSIDE = DEMO_SCHOOLS[1];
const HELEN = DEMO_STAFF.find((person) => person.email === `helen.okafor@${DEMO_DOMAIN}`)!;

/**
 * The checked-in mock Teams data with Helen as the signed-in user. She is not one of its six people
 * (the Playground's limit), so she takes the current user's place and that user joins the others,
 * the last of whom makes room.
 */
function playgroundConfigAsHelen(): string {
  const doc = parseDocument(readFileSync(PLAYGROUND_CONFIG, 'utf8'));
  const current = (doc.get('currentUser') as { toJSON(): object }).toJSON();
  const users = (doc.get('users') as { toJSON(): object[] }).toJSON();
  const [given, family] = HELEN.name.split(' ');
  doc.set('currentUser', {
    id: 'user-helen-okafor',
    name: HELEN.name,
    userPrincipleName: HELEN.email,
    aadObjectId: '00000000-0000-0000-0000-000000000199',
    givenName: given,
    surname: family,
    email: HELEN.email,
  });
  doc.set('users', [current, ...users].slice(0, users.length));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nextstep-playground-admin-')), '.m365agentsplayground.yml');
  writeFileSync(file, doc.toString());
  return file;
}

/**
 * Picks an option of a compact choice set by its visible title. The Playground draws one as a
 * Fluent combobox whose options open in a list outside the card; the label's `for` names the input.
 */
async function chooseIn(card: Locator, label: string, option: string | RegExp): Promise<string> {
  const page = card.page();
  const id = await card.locator('label').filter({ hasText: label }).first().getAttribute('for');
  if (!id) throw new Error(`no input labelled "${label}" on the card`);
  await card.locator(`[id="${id}"]`).click();
  const options = page.getByRole('option');
  await options.first().waitFor({ state: 'visible', timeout: 5_000 });
  const titles = (await options.allInnerTexts()).map((title) => title.trim());
  const wanted = titles.find((title) => (typeof option === 'string' ? title === option : option.test(title)));
  if (!wanted) throw new Error(`no option ${String(option)} under "${label}" (offered: ${titles.join(' | ')})`);
  await page.getByRole('option', { name: wanted, exact: true }).first().click();
  await options.first().waitFor({ state: 'hidden', timeout: 5_000 });
  return wanted;
}

/**
 * The Playground keeps its desktop layout below about 800 px, so at phone width the page scrolls
 * sideways wherever the last click or scroll left it; this brings the card's left edge into view.
 */
async function alignLeft(card: Locator): Promise<void> {
  const box = await card.boundingBox();
  if (box) await card.page().evaluate(`document.scrollingElement.scrollBy(${Math.round(box.x) - 8}, 0)`);
}

describeWithBrowser('An admin in the Agents Playground', () => {
  let stack: JourneyStack;

  beforeAll(async () => {
    stack = await startJourneyStack(chromiumPath!);
    // The operator's way to make a head teacher an admin of the trust.
    expect(stack.nextstep('admin', 'grant', HELEN.email, '--org', DEMO_ORG)).toMatch(/helen\.okafor/i);
    expect(stack.nextstep('admin', 'list', '--org', DEMO_ORG, '--format', 'json')).toContain(HELEN.email);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('broadcasts an opportunity to one school: form, exact count, confirm and progress', async () => {
    const playground = await stack.playground({ configPath: playgroundConfigAsHelen() });
    const helen = await openPlayground(stack.browser, playground.url);
    await say(helen, 'hi');
    await helen.getByText('Hello Helen').last().waitFor({ timeout: 20_000 });

    await say(helen, 'broadcast');
    const form = await cardWith(helen, 'New broadcast');
    const formText = await form.innerText();
    for (const label of ['Opportunity', 'Pathway (optional)', 'Stage (optional)', 'School (optional)']) expect(formText).toContain(label);
    // No channel in the demo yet: the form says how one appears.
    expect(formText).toContain('add NextStep to a Teams team or invite it to a Slack channel');
    expect(await form.getByRole('button', { name: 'Preview' }).count()).toBe(1);
    await screenshot(helen, 'broadcast-form');

    const opportunity = await chooseIn(form, 'Opportunity', /\S/);
    await chooseIn(form, 'School', RIVERSIDE);
    await form.getByRole('button', { name: 'Preview' }).click();

    // The preview takes the form's place: the exact count of active Riverside staff.
    const riverside = DEMO_STAFF.filter((person) => person.school === RIVERSIDE);
    const preview = await cardWith(helen, 'Confirm and send');
    const previewText = await preview.innerText();
    expect(previewText).toContain(opportunity);
    expect(previewText).toContain(`Active staff at ${RIVERSIDE}`);
    expect(previewText).toMatch(new RegExp(`Recipients\\s*${riverside.length}\\b`));
    // Only Helen has talked to the bot in this fresh trust; everyone else cannot be messaged yet.
    expect(previewText).toMatch(new RegExp(`Not reachable yet\\s*${riverside.length - 1}\\b`));
    expect(previewText).toContain(`1 of ${riverside.length} will receive it now`);
    expect(await helen.locator('.ac-adaptiveCard').filter({ hasText: 'New broadcast' }).count()).toBe(0);
    await screenshot(helen, 'broadcast-preview');

    await preview.getByRole('button', { name: 'Confirm and send' }).click();
    const progress = await cardWith(helen, `${riverside.length} recipients`);
    const progressText = await progress.innerText();
    expect(progressText).toContain(`Broadcast: ${opportunity}`);
    expect(progressText).toMatch(/Queued|Sending|Finished/);
    for (const label of ['Sent', 'Failed', 'Unreachable', 'Pending', 'Cancelled']) expect(progressText).toContain(label);
    expect(progressText).toMatch(new RegExp(`Unreachable\\s*${riverside.length - 1}\\b`));
    const refresh = progress.getByRole('button', { name: 'Refresh' });
    expect(await refresh.count()).toBe(1);
    // The Playground greys a card's buttons while its invoke is answered; shoot once they are back.
    await refresh.and(progress.locator('button:enabled')).waitFor({ timeout: 10_000 });
    await screenshot(helen, 'broadcast-progress');

    // Nothing on the way failed on the bot's side (its generic apology would show in the chat).
    const apologies = await helen.getByText('something went wrong on my side').count();
    if (apologies > 0) throw new Error(`the bot apologised ${apologies} time(s) during the journey; its output:\n${stack.botOutput()}`);
  });

  it('shows the audience form and the preview at phone width', async () => {
    const playground = await stack.playground({ configPath: playgroundConfigAsHelen() });
    const helen = await openPlayground(stack.browser, playground.url, 390);
    await say(helen, 'broadcast');
    const form = await cardWith(helen, 'New broadcast');
    await alignLeft(form);
    await screenshot(helen, 'broadcast-form-phone');

    await chooseIn(form, 'Opportunity', /\S/);
    await chooseIn(form, 'School', RIVERSIDE);
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = await cardWith(helen, 'Confirm and send');
    expect(await preview.innerText()).toMatch(/Recipients\s*\d+/);
    await alignLeft(preview);
    await screenshot(helen, 'broadcast-preview-phone');
  });
});
