import type { Page } from 'playwright-core';
import { findChromium } from './support/chromium';
import { cardWith, cards, newestCardShows, openPlayground, say, screenshot, startJourneyStack, type JourneyStack } from './support/journeyStack';

/**
 * Journeys through the Microsoft 365 Agents Playground, a Teams-like web client, in headless
 * Chromium: what a person sees (card text and buttons in the page), not only what went over HTTP.
 * People and schools are the demo trust (`nextstep demo-data`); the signed-in user is Priya Shah,
 * an early career teacher at Riverside Academy.
 */
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.warn('Browser journeys skipped: Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH).');
}
const describeWithBrowser = chromiumPath ? describe : describe.skip;

jest.setTimeout(120_000);

describeWithBrowser('NextStep in the Agents Playground', () => {
  let stack: JourneyStack;
  let priya: Page;

  beforeAll(async () => {
    stack = await startJourneyStack(chromiumPath!);
    const playground = await stack.playground();
    priya = await openPlayground(stack.browser, playground.url);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('recognises a member of the directory and answers "what can I do next?"', async () => {
    const welcome = await cardWith(priya, 'I have you down as Early career teacher');
    expect(await welcome.getByRole('button', { name: 'What can I do next?' }).count()).toBe(1);
    expect(await welcome.innerText()).toContain('Hello Priya');

    await say(priya, 'what can I do next?');
    const whatNext = await cardWith(priya, 'What next for Priya Shah');
    const text = await whatNext.innerText();
    expect(text).toContain('Early career teacher · Teaching · Riverside Academy');
    expect(text).toContain('Your entitlement');
    expect(text).toContain('Options to agree with your line manager');
    expect(await whatNext.getByRole('button', { name: 'Save to plan' }).count()).toBeGreaterThan(3);
    await screenshot(priya, 'what-next');
  });

  it('saves an opportunity to the plan and moves it on, updating the plan card in place', async () => {
    await say(priya, 'what can I do next?');
    await newestCardShows(priya, 'What next for Priya Shah');
    const whatNext = cards(priya).last();
    const firstTitle = (await whatNext.getByText('Annual careers discussion').count()) > 0 ? 'Annual careers discussion' : '';
    await whatNext.getByRole('button', { name: 'Save to plan' }).first().click();
    await priya.getByText(/Saved ".+" to your plan/).last().waitFor({ timeout: 20_000 });

    await say(priya, 'my plan');
    await newestCardShows(priya, 'Development plan for Priya Shah');
    const plan = cards(priya).last();
    expect(await plan.innerText()).toContain('Status: Interested');
    if (firstTitle) expect(await plan.innerText()).toContain(firstTitle);
    const plansBefore = await cards(priya).filter({ hasText: 'Development plan for Priya Shah' }).count();
    await plan.getByRole('button', { name: 'Move to: Discussed with line manager' }).click();

    // Same card, new content: the status moved on and the next step is offered; no new card was added.
    await newestCardShows(priya, 'Status: Discussed with line manager');
    expect(await cards(priya).filter({ hasText: 'Development plan for Priya Shah' }).count()).toBe(plansBefore);
    expect(await cards(priya).last().getByRole('button', { name: /^Move to: / }).count()).toBeGreaterThan(0);
    await screenshot(priya, 'plan-updated');
  });

  it('follows a suggestion button from the help card', async () => {
    await say(priya, 'help');
    await newestCardShows(priya, 'How I can help');
    await cards(priya).last().getByRole('button', { name: 'Browse opportunities' }).click();
    // Suggestion buttons must work in a real client (Action.Execute), not only against the stand-in
    // connector: a new card arrives below the help card.
    await priya.waitForFunction(
      `(() => { const all = document.querySelectorAll('.ac-adaptiveCard'); const last = all[all.length - 1]; return Boolean(last && !last.innerText.includes('How I can help')); })()`,
      undefined,
      { timeout: 20_000 },
    );
    expect(await cards(priya).last().getByRole('button', { name: 'Details' }).count()).toBeGreaterThan(0);
    await screenshot(priya, 'help-suggestion');
  });

  it('answers "@NextStep show me NPQs" in the team channel and keeps personal questions out of it', async () => {
    await priya.getByText('CPD and careers').first().click();
    await mention(priya, 'show me NPQs');
    const npqs = await cardWith(priya, /opportunities found/);
    expect(await npqs.innerText()).toMatch(/NPQ/);
    expect(await npqs.getByRole('button', { name: 'Details' }).count()).toBeGreaterThan(0);

    await mention(priya, 'my plan');
    await priya.getByText(/let's keep it between us: send me a direct message/).last().waitFor({ timeout: 20_000 });
    await screenshot(priya, 'team-channel');
  });

  it('lets a newcomer set up a profile through the onboarding card (phone width)', async () => {
    const playground = await stack.playground('alex.newman@northfield.example');
    const alex = await openPlayground(stack.browser, playground.url, 390);
    await say(alex, 'what can I do next?');
    const form = await cardWith(alex, 'Set up your profile');
    await screenshot(alex, 'onboarding-phone');

    await form.getByRole('combobox').nth(0).click();
    await alex.getByRole('option', { name: 'Teaching assistants', exact: true }).click();
    await form.getByRole('combobox').nth(1).click();
    await alex.getByRole('option', { name: /^Teaching assistants: Higher level teaching assistant/ }).click();
    await form.getByLabel('Your school (or central team)').fill('Riverside Academy');
    await form.getByRole('button', { name: 'Save my profile' }).click();

    await alex.getByText(/Higher level teaching assistant/).last().waitFor({ timeout: 20_000 });
    await say(alex, 'what can I do next?');
    await newestCardShows(alex, 'What next for Alex Newman');
    expect(await cards(alex).last().innerText()).toContain('Higher level teaching assistant');
    await screenshot(alex, 'onboarded-phone');
  });
});

/** Starts a new channel post that @mentions the bot through the Playground's mention picker. */
async function mention(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.click();
  const botNames = page.getByText('NextStep', { exact: true });
  const before = await botNames.count();
  await page.keyboard.type('@Next');
  // The mention picker is the newest "NextStep" on the page (it is not marked up as an option).
  const deadline = Date.now() + 10_000;
  while ((await botNames.count()) <= before && Date.now() < deadline) await page.waitForTimeout(100);
  await botNames.last().click();
  await box.getByText('NextStep').waitFor({ timeout: 5_000 });
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post' }).click();
}
