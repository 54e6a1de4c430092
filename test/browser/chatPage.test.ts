import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchChromium, messageTexts, sendChat, waitForBotMessages as waitForBotMessagesOf, screenshot, startTandem, watchPage, type PageProblems, type RunningTandem } from './browserSupport';

const waitMs = 15_000;

describeBrowser('customer chat page (real Web Chat bundle, real Tandem)', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    [tandem, browser] = await Promise.all([startTandem(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 900, height: 760 } });
    problems = await watchPage(page);
  });
  afterEach(async () => {
    await page.close();
  });

  const send = (text: string) => sendChat(page, text);
  const waitForBotMessages = (count: number) => waitForBotMessagesOf(page, count, waitMs);

  it('loads under a strict Content-Security-Policy and shows the welcome message', async () => {
    const response = await page.goto(`${tandem.url}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const [welcome] = await waitForBotMessages(1);
    expect(welcome).toMatch(/Tandem/);
    expect(await page.locator('#chat-error').isHidden()).toBe(true);
    await screenshot(page, 'chat-welcome');
    expect(problems).toEqual({ errors: [], cspViolations: [], dialogs: [] });
  });

  it('answers "what are your opening hours" and "hi" with rendered paragraphs', async () => {
    await page.goto(`${tandem.url}/`);
    const before = (await waitForBotMessages(1)).length;
    await send('what are your opening hours');
    const afterHours = await waitForBotMessages(before + 1);
    expect(await messageTexts(page, 'user')).toEqual(['what are your opening hours']);
    const hoursAnswer = afterHours.slice(before).join('\n');
    expect(hoursAnswer).toMatch(/hour|open|\d/i);

    await send('hi');
    const afterHi = await waitForBotMessages(afterHours.length + 1);
    expect(await messageTexts(page, 'user')).toEqual(['what are your opening hours', 'hi']);
    expect(afterHi.length).toBeGreaterThan(afterHours.length);
    await screenshot(page, 'chat-conversation');
    expect(problems).toEqual({ errors: [], cspViolations: [], dialogs: [] });
  });

  it('shows HTML typed by the customer as text, and no script runs', async () => {
    await page.goto(`${tandem.url}/`);
    const before = (await waitForBotMessages(1)).length;
    const html = '<img src=x onerror=alert(1)>';
    await send(html);
    await waitForBotMessages(before + 1);
    expect(await messageTexts(page, 'user')).toEqual([html]);
    expect(await page.locator('#webchat img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    await screenshot(page, 'chat-html-as-text');
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
