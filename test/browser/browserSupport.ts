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
export async function startTandem(env: Record<string, string> = {}): Promise<RunningTandem> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = buildApp(config, { logger: silentLogger });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.inflight.drain(5000);
      await app.close();
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
