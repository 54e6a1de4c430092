import type { Next, Request, RequestHandler, Response } from 'restify';
import { sendError } from '../sendError';
import { exceedsJsonDepth } from './jsonDepth';
import { readRequestBody } from './readRequestBody';

export interface BodyParserOptions {
  /** MAX_BODY_BYTES: the cap on both the received and the inflated body. */
  readonly maxBytes: number;
  /** MAX_JSON_DEPTH: the deepest nesting of objects and arrays accepted. */
  readonly maxJsonDepth: number;
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Tandem's body parser, in place of restify's (whose gzip handling crashes the process on a
 * corrupt body and caps only the compressed size): reads the body with its content coding under
 * one byte cap, then accepts only JSON within a nesting depth. Every refusal is a 4xx with a
 * reason and ends the request before any route runs; `req.body` is the parsed value, or undefined
 * when there is no body.
 */
export function bodyParser(options: BodyParserOptions): RequestHandler {
  return function parseBody(req: Request, res: Response, next: Next): void {
    req.body = undefined;
    void readRequestBody(req, { maxBytes: options.maxBytes }).then((read) => {
      if (!read.ok) {
        if (read.acceptEncoding) res.setHeader('accept-encoding', 'gzip, deflate');
        if (read.closeConnection) res.setHeader('connection', 'close');
        sendError(res, read.code, read.reason);
        return next(false);
      }
      if (read.bytes.length === 0) return next();
      if (!jsonType.test(mediaType(req))) {
        sendError(res, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as Content-Type: application/json.');
        return next(false);
      }
      let text: string;
      try {
        text = utf8.decode(read.bytes);
      } catch {
        sendError(res, 'BAD_JSON', 'The request body is not valid UTF-8.');
        return next(false);
      }
      if (exceedsJsonDepth(text, options.maxJsonDepth)) {
        sendError(res, 'BAD_JSON', `The request body nests objects and arrays deeper than ${options.maxJsonDepth} levels.`);
        return next(false);
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch {
        sendError(res, 'BAD_JSON', 'Request body is not valid JSON');
        return next(false);
      }
      return next();
    });
  };
}
