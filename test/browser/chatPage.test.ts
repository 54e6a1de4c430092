import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchChromium, messageTexts, sendChat, waitForBotMessages as waitForBotMessagesOf, screenshot, startTandem, watchPage, type PageProblems, type RunningTandem } from './browserSupport';

const waitMs = 20_000;

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

  describe('over the Direct Line WebSocket stream', () => {
    let streamFrames: string[];
    let polls: string[];

    beforeEach(() => {
      streamFrames = [];
      polls = [];
      page.on('websocket', (socket) => socket.on('framereceived', (frame) => streamFrames.push(String(frame.payload))));
      page.on('request', (request) => {
        if (request.method() === 'GET' && /\/v3\/directline\/conversations\/[^/]+\/activities/.test(request.url())) polls.push(request.url());
      });
    });

    it('receives the welcome and a reply on the stream, under the strict CSP, without polling', async () => {
      await page.goto(`${tandem.url}/`);
      const before = (await waitForBotMessages(1)).length;
      await send('what are your opening hours');
      const after = await waitForBotMessages(before + 1);
      const reply = after[before] ?? '';
      expect(await page.getAttribute('#webchat', 'data-transport')).toBe('websocket');
      const streamed = streamFrames.filter((frame) => frame !== '').map((frame) => JSON.parse(frame) as { activities: { text?: string; from: { role: string } }[] });
      const streamedBotTexts = streamed.flatMap((frame) => frame.activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? ''));
      expect(streamedBotTexts.length).toBeGreaterThanOrEqual(2);
      // Web Chat renders markdown, so compare the rendered reply with the streamed text's words.
      expect(streamedBotTexts.some((text) => text.replace(/[*_`#>]/g, '').includes(reply.slice(0, 20)))).toBe(true);
      expect(polls).toEqual([]);
      expect(problems).toEqual({ errors: [], cspViolations: [], dialogs: [] });
    });

    it('falls back to polling when the WebSocket cannot connect, and the conversation carries on', async () => {
      await page.addInitScript(() => {
        // A browser (or proxy) that lets no WebSocket through: every socket fails as soon as it is made.
        class BlockedSocket {
          readyState = 3;
          onerror: ((event: Event) => void) | null = null;
          onclose: ((event: Event) => void) | null = null;
          constructor() {
            setTimeout(() => {
              this.onerror?.(new Event('error'));
              this.onclose?.(new Event('close'));
            }, 10);
          }
          send(): void {}
          close(): void {}
        }
        (window as unknown as { WebSocket: unknown }).WebSocket = BlockedSocket;
      });
      await page.goto(`${tandem.url}/`);
      const before = (await waitForBotMessages(1)).length;
      expect(await page.getAttribute('#webchat', 'data-transport')).toBe('polling');
      await send('hi');
      await waitForBotMessages(before + 1);
      expect(await messageTexts(page, 'user')).toEqual(['hi']);
      expect(polls.length).toBeGreaterThan(0);
      expect(problems.errors).toEqual([]);
    });
  });
});
