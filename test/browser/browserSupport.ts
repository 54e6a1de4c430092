import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/observability/logger';

export const chromiumPath = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser suites need Debian's chromium. Locally they are skipped (with a note) when it is missing;
 * in CI (CI=true) they always run, so a missing browser fails them instead of hiding them.
 */
export const browserAvailable = process.env.CI === 'true' || existsSync(chromiumPath);
export const describeBrowser: jest.Describe = browserAvailable ? describe : describe.skip;
if (!browserAvailable) {
  process.stderr.write(`browser tests skipped: no chromium at ${chromiumPath} (apt-get install -y chromium)\n`);
}

export const artifactsDir = join(__dirname, '..', 'artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface RunningTandem {
  readonly app: App;
  readonly url: string;
  stop(): Promise<void>;
}

/** The real app (buildApp) listening on an ephemeral port, in-memory state. */
export async function startTandem(env: Record<string, string> = {}, options: { clock?: () => number } = {}): Promise<RunningTandem> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = buildApp(config, { logger: silentLogger, ...options });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      // Open chat streams hold their sockets until app.close() ends them, so the server closes after that.
      const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.inflight.drain(5000);
      await app.close();
      await closed;
    },
  };
}

/** What went wrong on a page: uncaught errors, CSP violations, and any alert/confirm/prompt dialogs. */
export interface PageProblems {
  readonly errors: string[];
  readonly cspViolations: string[];
  readonly dialogs: string[];
}

export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], cspViolations: [], dialogs: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction('__tandemReportCsp', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tandemReportCsp: (text: string) => void }).__tandemReportCsp;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Texts of the rendered message paragraphs (Web Chat renders each text several times; `p` is the visible one). */
export function messageTexts(page: Page, from: 'user' | 'bot'): Promise<string[]> {
  const selector = from === 'user' ? '.webchat__bubble--from-user p' : '.webchat__bubble:not(.webchat__bubble--from-user) p';
  return page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent ?? ''));
}

/** A customer talking to Tandem over the Direct Line subset, without a browser (fast set-up for console tests). */
export class DirectLineCustomer {
  private constructor(
    private readonly url: string,
    readonly conversationId: string,
    private readonly token: string,
  ) {}

  static async start(url: string): Promise<DirectLineCustomer> {
    const issued = (await (await fetch(`${url}/chat/token`, { method: 'POST' })).json()) as { conversationId: string; token: string };
    const customer = new DirectLineCustomer(url, issued.conversationId, issued.token);
    const started = await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: customer.headers() });
    if (!started.ok) throw new Error(`starting a Direct Line conversation failed with ${started.status}`);
    return customer;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** Sends a message; the post returns once the bot's turn has run (or the channel's wait ran out). */
  async say(text: string): Promise<void> {
    const response = await fetch(`${this.url}/v3/directline/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ type: 'message', text }),
    });
    if (!response.ok) throw new Error(`sending a message failed with ${response.status}`);
  }

  /** Texts of the bot's (and agents') messages so far. */
  async botTexts(): Promise<string[]> {
    const response = await fetch(`${this.url}/v3/directline/conversations/${encodeURIComponent(this.conversationId)}/activities`, { headers: this.headers() });
    const body = (await response.json()) as { activities: { type: string; from: { role?: string }; text?: string }[] };
    return body.activities.filter((a) => a.type === 'message' && a.from.role !== 'user').map((a) => a.text ?? '');
  }
}

/** Calls the agent API as a test would from outside the browser. */
export async function agentApi<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the agent console and signs in; resolves once the live event stream is connected. */
export async function signInAgent(page: Page, url: string, token: string, timeoutMs = 15_000): Promise<void> {
  await page.goto(`${url}/agent`);
  await page.locator('#token').fill(token);
  await page.locator('#sign-in-form button[type="submit"]').click();
  await page.locator('#connection', { hasText: 'Live' }).waitFor({ timeout: timeoutMs });
}

/** Types a message into Web Chat's send box and sends it. */
export async function sendChat(page: Page, text: string): Promise<void> {
  const box = page.locator('input[type="text"], textarea').first();
  await box.fill(text);
  await box.press('Enter');
}

/** Waits until at least `count` bot (or agent) messages are shown; returns their texts. */
export async function waitForBotMessages(page: Page, count: number, timeoutMs = 15_000): Promise<string[]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) p').length >= n,
    count,
    { timeout: timeoutMs },
  );
  return messageTexts(page, 'bot');
}

/** Waits until the text of a bot (or agent) message bubble matches `pattern`; returns that text, the newest first. */
export async function waitForBotText(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    ([source, flags]) => {
      const re = new RegExp(source, flags);
      const texts = Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')).map((node) => (node.textContent ?? '').trim());
      return texts.reverse().find((text) => re.test(text));
    },
    [pattern.source, pattern.flags] as const,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as string;
}

/** The Direct Line conversation id the chat page saved for this tab. */
export function chatConversationId(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('tandem.chat.session') ?? '{}') as { conversationId: string }).conversationId);
}

/** The suggested-action button labelled `label` that Web Chat shows under the latest bot message. */
export function suggestedAction(page: Page, label: string | RegExp) {
  return page.locator('button.webchat__suggested-action', { hasText: label });
}
