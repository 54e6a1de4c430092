import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../http/createServer';
import { clientAddress, unlimited, withinLimit, type RequestLimiter } from '../http/rateLimit/requestLimiter';
import { packageWebRoot, pageSecurityHeaders, readAssets, serveAssets, serveHtmlPage } from './pageServing';

export interface ChatPageDeps {
  /** A token for a new conversation and user; `createDirectLine(...).newChatSession`. */
  readonly newChatSession: () => { conversationId: string; userId: string; token: string; expiresIn: number };
  /** Folder holding `chat/`; defaults to this package's src/web (found from here, also when run from dist/). */
  readonly webRoot?: string;
  /** The Web Chat UMD bundle; defaults to the one in node_modules/botframework-webchat. */
  readonly webChatBundlePath?: string;
  /** New tokens per client address (RATE_LIMIT_CHAT_TOKENS_PER_MINUTE); none when omitted. */
  readonly tokenLimiter?: RequestLimiter;
}

// SHA-256 of the empty string. react-scroll-to-bottom (inside Web Chat) creates an empty <style> without
// the nonce and then adds its rules through CSSOM, which CSP does not gate; only the empty element is allowed.
const emptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The page's Content-Security-Policy. Web Chat's emotion styles carry the per-response nonce. */
export function chatPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${emptyStyleHash}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** NOTES: the package's `exports` hides dist/, so go from its main entry. */
function defaultWebChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

function acceptsGzip(req: Request): boolean {
  return /\bgzip\b/.test(req.header('accept-encoding') ?? '');
}

/**
 * `GET /` (the customer chat page), its script and stylesheet, `GET /vendor/webchat.js` and
 * `POST /chat/token` (a token for a new anonymous conversation). Files are read once at start-up.
 */
export function chatPageRoutes(deps: ChatPageDeps): RouteModule {
  const root = resolve(deps.webRoot ?? packageWebRoot());
  const html = readFileSync(join(root, 'chat', 'index.html'), 'utf8');
  const assets = readAssets(join(root, 'chat'), '/chat', ['chat.js', 'chat.css']);
  const bundlePath = deps.webChatBundlePath ?? defaultWebChatBundle();
  let bundle: { plain: Buffer; gzip?: Buffer } | undefined;

  return (server: Server) => {
    serveHtmlPage(server, '/', { html, csp: chatPageCsp });
    serveAssets(server, assets);

    server.get('/vendor/webchat.js', async (req: Request, res: Response) => {
      bundle ??= { plain: readFileSync(bundlePath) };
      const gzip = acceptsGzip(req);
      if (gzip) bundle.gzip ??= gzipSync(bundle.plain);
      const body = gzip && bundle.gzip ? bundle.gzip : bundle.plain;
      res.writeHead(200, {
        ...pageSecurityHeaders,
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    });

    server.post('/chat/token', async (req: Request, res: Response) => {
      if (!(await withinLimit(deps.tokenLimiter ?? unlimited, clientAddress(req), res))) return;
      const session = deps.newChatSession();
      res.setHeader('cache-control', 'no-store');
      res.json({ conversationId: session.conversationId, userId: session.userId, token: session.token, expires_in: session.expiresIn });
    });
  };
}
