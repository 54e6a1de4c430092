import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify, { type Server } from 'restify';
import { agentPageCsp, agentPageRoutes } from '../../src/web/agentPageRoutes';
import { packageWebRoot, readAssets } from '../../src/web/pageServing';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('agent console page routes', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = restify.createServer();
    agentPageRoutes()(server);
    url = await listen(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves the console under a nonce-only CSP with Trusted Types, the nonce fresh per response and on both tags', async () => {
    const nonces: string[] = [];
    for (const response of await Promise.all([fetch(`${url}/agent`), fetch(`${url}/agent`)])) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'(;|$)/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      expect(csp).toBe(agentPageCsp(nonce!));
      expect(csp).toContain(`style-src 'nonce-${nonce}'`);
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).not.toMatch(/unsafe-|'self' 'nonce|\*/);
      const html = await response.text();
      expect(html).toContain(`<script src="/agent/agent.js" nonce="${nonce}"></script>`);
      expect(html).toContain(`<link rel="stylesheet" href="/agent/agent.css" nonce="${nonce}" />`);
      expect(html).not.toContain('__CSP_NONCE__');
      // No inline script, inline handler or style attribute: the CSP would block them anyway.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)|\son[a-z]+=|\sstyle=/i);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves the script and stylesheet with their types', async () => {
    const script = await fetch(`${url}/agent/agent.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toContain('/api/agent/events?access_token=');
    const style = await fetch(`${url}/agent/agent.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${url}/agent/nope.js`)).status).toBe(404);
  });

  it('has a script that never hands text to an HTML parser', () => {
    const source = readFileSync(join(packageWebRoot(), 'agent', 'agent.js'), 'utf8');
    expect(source).not.toMatch(/\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*['"]on/);
  });

  it('reads the page from another web root, and refuses an asset type it does not know', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    try {
      mkdirSync(join(root, 'agent'));
      writeFileSync(join(root, 'agent', 'index.html'), '<p>custom __CSP_NONCE__</p>');
      writeFileSync(join(root, 'agent', 'agent.js'), '');
      writeFileSync(join(root, 'agent', 'agent.css'), '');
      writeFileSync(join(root, 'agent', 'agent.txt'), '');
      const custom = restify.createServer();
      agentPageRoutes({ webRoot: root })(custom);
      const customUrl = await listen(custom);
      const response = await fetch(`${customUrl}/agent`);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      expect(await response.text()).toBe(`<p>custom ${nonce}</p>`);
      await new Promise<void>((resolve) => custom.close(() => resolve()));
      expect(() => readAssets(join(root, 'agent'), '/agent', ['agent.txt'])).toThrow(/no content type/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
