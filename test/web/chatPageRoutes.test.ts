import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { call, startDirectLineServer, type DirectLineTestServer } from '../http/directline/directLineHarness';
import { chatPageRoutes } from '../../src/web/chatPageRoutes';

describe('chat page routes', () => {
  let app: DirectLineTestServer;
  beforeAll(async () => {
    app = await startDirectLineServer({ extraRoutes: (directLine) => [chatPageRoutes({ newChatSession: () => directLine.newChatSession() })] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves the page with a strict CSP whose nonce is fresh per response and matches the page', async () => {
    const pages = await Promise.all([fetch(`${app.url}/`), fetch(`${app.url}/`)]);
    const nonces: string[] = [];
    for (const response of pages) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      const html = await response.text();
      expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
      expect(html).not.toContain('__CSP_NONCE__');
      expect(html).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+=/i);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves the page script, the stylesheet and the Web Chat bundle (gzipped when asked)', async () => {
    const script = await fetch(`${app.url}/chat/chat.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('createDirectLine');
    expect((await fetch(`${app.url}/chat/chat.css`)).headers.get('content-type')).toMatch(/^text\/css/);

    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${app.url}/vendor/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    const bundle = gunzipSync(gzipped.body).toString('utf8');
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle).toContain('renderWebChat');
  });

  it('hands out a token for a new conversation that the Direct Line routes accept', async () => {
    const issued = await call(`${app.url}/chat/token`, { method: 'POST' });
    expect(issued.status).toBe(200);
    const { conversationId, userId, token, expires_in } = issued.json as Record<string, string | number>;
    expect(userId).toMatch(/^dl_/);
    expect(expires_in).toBe(1800);
    const started = await call(`${app.url}/v3/directline/conversations`, { method: 'POST', auth: String(token) });
    expect(started.status).toBe(201);
    expect(started.json.conversationId).toBe(conversationId);
    const second = await call(`${app.url}/chat/token`, { method: 'POST' });
    expect(second.json.conversationId).not.toBe(conversationId);
  });
});
