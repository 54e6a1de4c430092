import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  agentApi,
  chatConversationId,
  describeBrowser,
  launchChromium,
  messageTexts,
  screenshot,
  sendChat,
  signInAgent,
  startTandem,
  suggestedAction,
  waitForBotText,
  watchPage,
  type PageProblems,
  type RunningTandem,
} from './browserSupport';
import { clockStartingAt, testNow } from '../support/testClock';
import { xssCorpus } from './xssCorpus';

const waitMs = 15_000;
const noProblems: PageProblems = { errors: [], cspViolations: [], dialogs: [] };

describeBrowser('customer journeys through the chat page and the agent console (real Tandem, real chromium)', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // A fixed calendar ("next Wednesday" is always December 9, 2026) on a clock that still moves for the handoff.
    [tandem, browser] = await Promise.all([startTandem({}, { clock: clockStartingAt(testNow) }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  /** Each person gets their own browser profile (cookies, sessionStorage). */
  async function open(viewport: { width: number; height: number }): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York' });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: await watchPage(page) };
  }

  async function openChat(): Promise<{ page: Page; problems: PageProblems }> {
    const customer = await open({ width: 900, height: 900 });
    await customer.page.goto(`${tandem.url}/`);
    await waitForBotText(customer.page, /Tandem/);
    return customer;
  }

  it('books an appointment: buttons for the kind and the time, a day in words, a confirmation with an appointment id', async () => {
    const { page, problems } = await openChat();
    await sendChat(page, 'I want to book an appointment');
    await waitForBotText(page, /What kind of appointment/);
    await suggestedAction(page, 'Annual physical').click();
    await waitForBotText(page, /What day would you like/);
    await sendChat(page, 'next Wednesday');

    // A list of free times (the day asked for, or the next free ones) as buttons; the first is taken.
    await waitForBotText(page, /Which one would you like\?/);
    // The question after the list is a paragraph of its own, not part of the last slot.
    const lastItem = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) li').last();
    expect(await lastItem.textContent()).toMatch(/ with .+ at [A-Z]/);
    expect(await lastItem.textContent()).not.toMatch(/Which one/);
    const firstSlot = suggestedAction(page, / with /).first();
    const slotLabel = (await firstSlot.textContent())!.trim();
    await firstSlot.click();
    const question = await waitForBotText(page, /^Shall I book this: /);
    // The question names the clinic after the label on the button.
    expect(question.startsWith(`Shall I book this: Annual physical, ${slotLabel} at `)).toBe(true);
    await suggestedAction(page, /^Yes$/).click();

    const confirmation = await waitForBotText(page, /^You.re booked: /);
    const appointmentId = /Your appointment id is (\S+)\.$/.exec(confirmation)?.[1];
    expect(appointmentId).toBeDefined();
    expect(confirmation).toContain('Annual physical');
    // The FHIR record that comes with it is named, not drawn as an empty card.
    await waitForBotText(page, new RegExp(`^Appointment record attached: Appointment-${appointmentId}\\.json$`));
    expect(await messageTexts(page, 'user')).toEqual(['I want to book an appointment', 'Annual physical', 'next Wednesday', slotLabel, 'Yes']);
    await page.waitForTimeout(300);
    await screenshot(page, 'booking');
    // The booking is real: asked afterwards, the bot lists it under the same id.
    await sendChat(page, 'show my appointments');
    expect(await waitForBotText(page, /upcoming appointment/)).toContain(`(${appointmentId})`);
    expect(problems).toEqual(noProblems);
  });

  it('hands a customer to an agent who is online: live queue, context pack, claim, reply with the agent\'s name, release, CSAT', async () => {
    const agent = await open({ width: 1400, height: 860 });
    await signInAgent(agent.page, tandem.url, 'dev-agent-token');
    const customer = await openChat();

    await sendChat(customer.page, 'I want to talk to a person');
    const queueStatus = customer.page.locator('[data-tandem-kind="queue_status"]');
    await queueStatus.waitFor({ timeout: waitMs });
    expect(await queueStatus.textContent()).toMatch(/next in line|position/i);
    const conversationId = await chatConversationId(customer.page);

    // The request appears on the console without a reload.
    const row = agent.page.locator(`#queue-body tr[data-conversation-id="${conversationId}"]`);
    await row.waitFor({ timeout: waitMs });
    expect(await row.locator('.queue-row__reason').textContent()).toBe('user requested');
    await row.click();
    await agent.page.locator('#conversation-view').waitFor({ timeout: waitMs });
    expect(await agent.page.locator('#summary').textContent()).toContain('I want to talk to a person');
    expect(await agent.page.locator('#reasons .chip').allTextContents()).toContain('user requested');
    expect(await agent.page.locator('#intents .fact__name').allTextContents()).toContain('agent.request');
    expect(await agent.page.locator('#lines .line--user .line__text').allTextContents()).toEqual(['I want to talk to a person']);

    await agent.page.locator('#claim').click();
    await agent.page.locator('#reply:enabled').waitFor({ timeout: waitMs });
    const joined = customer.page.locator('[data-tandem-kind="agent_joined"]');
    await joined.waitFor({ timeout: waitMs });
    expect(await joined.textContent()).toMatch(/You are now chatting with Dev Agent/);

    // A canned greeting, sent as is.
    await agent.page.locator('.canned__item', { hasText: 'Greeting' }).click();
    const greeting = await agent.page.locator('#reply').inputValue();
    expect(greeting).toMatch(/^Hi, I'm here to help/);
    await agent.page.locator('#send').click();
    const fromAgent = customer.page.locator('[data-tandem-kind="agent_message"]', { hasText: greeting });
    await fromAgent.waitFor({ timeout: waitMs });
    expect(await fromAgent.locator('.tandem-sender').textContent()).toBe('Dev Agent · Agent');

    await sendChat(customer.page, 'I need to change the delivery address on my order');
    await agent.page.locator('#lines .line--user .line__text', { hasText: 'I need to change the delivery address on my order' }).waitFor({ timeout: waitMs });
    await agent.page.locator('#reply').fill('Sure, I have updated it for you.');
    await agent.page.locator('#reply').press('Enter');
    await customer.page.locator('[data-tandem-kind="agent_message"]', { hasText: 'Sure, I have updated it for you.' }).waitFor({ timeout: waitMs });
    await agent.page.locator('#note-text').fill('Address change done by hand; no ticket needed.');
    await agent.page.locator('#note-form button').click();
    await agent.page.locator('#notes .note').waitFor({ timeout: waitMs });
    await agent.page.waitForTimeout(300);
    await screenshot(agent.page, 'agent-console');
    await screenshot(customer.page, 'handoff');

    await agent.page.locator('#disposition').selectOption('resolved');
    await agent.page.locator('#release').click();
    await agent.page.locator('#conversation-alert', { hasText: 'Released as resolved' }).waitFor({ timeout: waitMs });
    expect(await agent.page.locator('#reply').isDisabled()).toBe(true);
    expect(await agent.page.locator('#my-chats .my-chat').count()).toBe(0);

    await waitForBotText(customer.page, /How would you rate your chat with Dev Agent\?/);
    await suggestedAction(customer.page, /^5$/).click();
    await waitForBotText(customer.page, /^Thank you for the feedback!$/);
    const customerSaw = await messageTexts(customer.page, 'bot');
    expect(customerSaw.join('\n')).not.toContain('Address change done by hand');
    await screenshot(customer.page, 'handoff-csat');
    expect(customer.problems).toEqual(noProblems);
    expect(agent.problems).toEqual(noProblems);
  });

  it('shows agent messages carrying the XSS corpus to the customer as text', async () => {
    const agent = await open({ width: 1200, height: 800 });
    await signInAgent(agent.page, tandem.url, 'dev-agent-token');
    const customer = await openChat();
    await sendChat(customer.page, 'I want to talk to a person');
    await customer.page.locator('[data-tandem-kind="queue_status"]').waitFor({ timeout: waitMs });
    const conversationId = await chatConversationId(customer.page);
    const path = `/api/agent/conversations/${encodeURIComponent(conversationId)}`;
    expect((await agentApi(tandem.url, 'dev-agent-token', 'POST', `${path}/claim`)).status).toBe(200);
    for (const [i, text] of xssCorpus.entries()) {
      expect((await agentApi(tandem.url, 'dev-agent-token', 'POST', `${path}/messages`, { text, idempotencyKey: `xss-${i}` })).status).toBe(202);
    }
    await customer.page.waitForFunction((n) => document.querySelectorAll('[data-tandem-kind="agent_message"]').length >= n, xssCorpus.length, { timeout: waitMs });
    await customer.page.waitForTimeout(500);
    const shown = await customer.page.$$eval('[data-tandem-kind="agent_message"] .webchat__bubble__content', (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
    for (const payload of xssCorpus) expect(shown).toContain(payload);
    const injected = await customer.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      elements: document.querySelectorAll('#webchat img[src="x"], #webchat svg[onload], #webchat iframe, #webchat object, #webchat details, #webchat a[href^="javascript"], #webchat template, #webchat input[autofocus]').length,
      handlers: Array.from(document.querySelectorAll('#webchat *')).flatMap((node) => Array.from(node.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    }));
    expect(injected).toEqual({ pwned: null, elements: 0, handlers: [] });
    await screenshot(customer.page, 'chat-xss-from-agent');
    expect(customer.problems).toEqual(noProblems);
  });
});
