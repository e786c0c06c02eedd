import { DateTime, type DurationLike } from 'luxon';
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
    // What a person needs first: their top steps, led by the induction entitlement an ECT has.
    expect(text).toContain('Your next steps');
    expect(text).toContain('Early career teacher entitlement (ECTE)');
    expect(text).toMatch(/Line manager: .+ · Next careers discussion: /);
    expect(text.indexOf('Your next steps')).toBeLessThan(text.indexOf('Also for your stage'));
    expect(await whatNext.getByRole('button', { name: 'Save to plan' }).count()).toBeGreaterThanOrEqual(3);
    await screenshot(priya, 'what-next');
  });

  it('saves an opportunity to the plan and moves it on, updating the plan card in place', async () => {
    await say(priya, 'what can I do next?');
    await newestCardShows(priya, 'What next for Priya Shah');
    const whatNext = cards(priya).last();
    // The title of the section that holds the first "Save to plan" button, as the page shows it.
    const saveFirst = whatNext.getByRole('button', { name: 'Save to plan' }).first();
    const titleOf = async (button: typeof saveFirst) =>
      (await button.locator('xpath=ancestor::div[contains(@class, "ac-container")][1]').locator('.ac-textBlock').first().innerText()).trim();
    const firstTitle = await titleOf(saveFirst);
    expect(firstTitle).not.toBe('');
    const savedReplies = priya.getByText(/Saved ".+" to your plan/);
    const repliesBefore = await savedReplies.count();
    await saveFirst.click();
    // Either a "Saved … to your plan" reply arrives or the what-next card is refreshed in place with
    // that item saved (its button gone); the plan below is the real check.
    const deadline = Date.now() + 20_000;
    for (;;) {
      if ((await savedReplies.count()) > repliesBefore) break;
      const latest = cards(priya).filter({ hasText: 'What next for Priya Shah' }).last();
      const buttons = await latest.getByRole('button', { name: 'Save to plan' }).all();
      const offered = await Promise.all(buttons.map(titleOf));
      if (!offered.includes(firstTitle)) break;
      if (Date.now() > deadline) throw new Error(`saving "${firstTitle}" showed neither a reply nor an updated card`);
      await priya.waitForTimeout(200);
    }

    await say(priya, 'my plan');
    await newestCardShows(priya, 'Development plan for Priya Shah');
    const plan = cards(priya).last();
    expect(await plan.innerText()).toContain(firstTitle);
    expect(await plan.innerText()).toContain('Status: Interested');
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

    // Pathway first: tapping a pathway shows only its stages; tapping a stage saves the profile.
    expect(await form.getByText('Higher level teaching assistant', { exact: true }).isVisible()).toBe(false);
    const school = form.getByLabel('Your school (or central team)');
    if ((await school.count()) > 0) await school.fill('Riverside Academy');
    await form.getByText('Teaching assistants', { exact: true }).click();
    const hlta = form.getByText('Higher level teaching assistant', { exact: true });
    await hlta.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await form.getByText('Early career teacher', { exact: true }).isVisible()).toBe(false);
    await screenshot(alex, 'onboarding-stages-phone');
    await hlta.click();

    await alex.getByText("You're set up as Higher level teaching assistant on the Teaching assistants pathway").last().waitFor({ timeout: 20_000 });
    const followUp = await cardWith(alex, 'What next for Alex Newman');
    expect(await followUp.innerText()).toContain('Higher level teaching assistant · Teaching assistants · Riverside Academy');
    expect(await followUp.innerText()).toContain('Your next steps');
    await say(alex, 'my profile');
    const profile = await cardWith(alex, 'Higher level teaching assistant');
    expect(await profile.innerText()).toContain('Riverside Academy');
    await screenshot(alex, 'onboarded-phone');
  });

  it("reminds a line manager before a report's careers discussion and records it as held", async () => {
    const playground = await stack.playground('tom.baker@northfield.example');
    const tom = await openPlayground(stack.browser, playground.url);
    // The outbox reaches people through the conversation they started with the bot.
    await say(tom, 'hi');
    await tom.getByText('Hello Tom').last().waitFor({ timeout: 20_000 });

    // Priya's discussion is 10 days after the demo data was loaded; managers hear 7 days before.
    const due = new Date(`${londonDate({ days: 3 })}T08:00:00Z`);
    const output = stack.runNudges(due);
    expect(output).toMatch(/managerReminder.*tom\.baker@northfield\.example/);

    const reminder = await cardWith(tom, 'Priya Shah');
    const text = await reminder.innerText();
    expect(text).toContain('Early career teacher · Teaching');
    expect(text).toContain('(in 7 days)');
    expect(text).toContain('Prompts');
    await screenshot(tom, 'manager-reminder');

    await reminder.getByRole('button', { name: 'Mark as held' }).first().click();
    const form = await cardWith(tom, 'recorded as held');
    expect(await form.innerText()).toContain('Next careers discussion with Priya Shah');
    const nextDate = form.locator('input').first();
    // A year on; the Playground shows the date input as "November 30, 2027", Teams as an ISO date.
    const yearOn = DateTime.fromISO(londonDate({ years: 1 }));
    expect([yearOn.toISODate(), yearOn.toFormat('LLLL d, yyyy', { locale: 'en-US' })]).toContain(await nextDate.inputValue({ timeout: 5_000 }));
    await form.getByRole('button', { name: 'Save date' }).click();
    await tom.getByText(/Booked: Priya Shah's next careers discussion is on /).last().waitFor({ timeout: 20_000 });
    await screenshot(tom, 'manager-held');
  }, 180_000);
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

/** The date in London this far from today, as the demo data and the bot count days. */
function londonDate(offset: DurationLike): string {
  return DateTime.now().setZone('Europe/London').plus(offset).toISODate() as string;
}
