import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';

/** Where each page's HTML asks for its nonce; replaced per response. */
export const nonceMarker = '__CSP_NONCE__';

/** Headers every page and asset carries. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** This package's src/web (found by walking up to package.json, so it also works when run from dist/). */
export function packageWebRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return __dirname;
    dir = parent;
  }
  return join(dir, 'src', 'web');
}

/** A fresh CSP nonce (128 random bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface HtmlPage {
  /** The page's HTML with `__CSP_NONCE__` wherever the nonce goes. */
  readonly html: string;
  /** The Content-Security-Policy for one response, given its nonce. */
  readonly csp: (nonce: string) => string;
}

/**
 * `GET path` serves the page with a nonce that is fresh per response, under its CSP, never cached
 * and never framed.
 */
export function serveHtmlPage(server: Server, path: string, page: HtmlPage): void {
  server.get(path, async (_req: Request, res: Response) => {
    const nonce = newNonce();
    res.writeHead(200, {
      ...pageSecurityHeaders,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.csp(nonce),
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    res.end(page.html.split(nonceMarker).join(nonce));
  });
}

export interface StaticAsset {
  readonly body: Buffer;
  readonly type: string;
}

/** Reads `files` of `dir` once, keyed by `urlPrefix/file`; the type comes from the extension (.js, .css). */
export function readAssets(dir: string, urlPrefix: string, files: readonly string[]): Map<string, StaticAsset> {
  return new Map(
    files.map((file) => {
      const type = contentTypes[file.slice(file.lastIndexOf('.'))];
      if (!type) throw new Error(`no content type known for ${file}`);
      return [`${urlPrefix}/${file}`, { body: readFileSync(join(dir, file)), type }] as const;
    }),
  );
}

/** `GET` for each asset; revalidated on every use so a deploy is picked up at once. */
export function serveAssets(server: Server, assets: ReadonlyMap<string, StaticAsset>): void {
  for (const [path, asset] of assets) {
    server.get(path, async (_req: Request, res: Response) => {
      res.writeHead(200, { ...pageSecurityHeaders, 'content-type': asset.type, 'cache-control': 'no-cache' });
      res.end(asset.body);
    });
  }
}
