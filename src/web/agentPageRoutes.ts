import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'restify';
import type { RouteModule } from '../http/createServer';
import { packageWebRoot, readAssets, serveAssets, serveHtmlPage } from './pageServing';

export interface AgentPageDeps {
  /** Folder holding `agent/`; defaults to this package's src/web. */
  readonly webRoot?: string;
}

/**
 * The console's Content-Security-Policy. Stricter than the chat page's: only the page's own script and
 * stylesheet run (by nonce), no inline style attributes, and Trusted Types forbid every HTML sink, so
 * even a slip to `innerHTML` in agent.js would throw instead of rendering a customer's markup.
 */
export function agentPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** `GET /agent` (the agent console) and its script and stylesheet under `/agent/`. Files are read once at start-up. */
export function agentPageRoutes(deps: AgentPageDeps = {}): RouteModule {
  const root = resolve(deps.webRoot ?? packageWebRoot());
  const html = readFileSync(join(root, 'agent', 'index.html'), 'utf8');
  const assets = readAssets(join(root, 'agent'), '/agent', ['agent.js', 'agent.css']);
  return (server: Server) => {
    serveHtmlPage(server, '/agent', { html, csp: agentPageCsp });
    serveAssets(server, assets);
  };
}
