import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../errors';
import { contentDecodingFor } from './contentEncoding';

export interface BodyLimits {
  /** Largest body accepted, both as sent on the wire and after inflating a compressed body. */
  readonly maxBytes: number;
}

export type BodyRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; code: ErrorCode; reason: string; closeConnection?: boolean; acceptEncoding?: boolean };

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d{1,16}$/.test(header) ? Number(header) : undefined;
}

/**
 * Reads a request body, inflating `gzip`/`deflate` as it streams and counting both the received and
 * the inflated bytes against `maxBytes`: a small compressed body that inflates past the cap is
 * refused (413) as soon as the cap is passed, and a body that is not valid in its coding is a 400.
 * Never throws, and a stream error never escapes as an unhandled event.
 */
export function readRequestBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  const decoding = contentDecodingFor(req.headers['content-encoding']);
  if (!decoding.ok) return Promise.resolve({ ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', reason: decoding.reason, acceptEncoding: true });
  const tooLarge = (what: string): BodyRead => ({
    ok: false,
    code: 'PAYLOAD_TOO_LARGE',
    reason: `Request body exceeds ${limits.maxBytes} bytes${what}.`,
    closeConnection: true,
  });
  const length = declaredLength(req);
  if (length !== undefined && length > limits.maxBytes) {
    req.resume();
    return Promise.resolve(tooLarge(''));
  }

  return new Promise<BodyRead>((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let kept = 0;
    let settled = false;
    const decoder = decoding.decoder?.();

    const finish = (outcome: BodyRead) => {
      if (settled) return;
      settled = true;
      if (decoder) {
        decoder.removeAllListeners('data');
        decoder.destroy();
      }
      // Whatever the client still sends is read and dropped, so the socket can answer.
      if (!outcome.ok) req.resume();
      resolve(outcome);
    };
    const keep = (chunk: Buffer) => {
      if (settled) return;
      kept += chunk.length;
      if (kept > limits.maxBytes) return finish(tooLarge(decoder ? ' once inflated' : ''));
      chunks.push(chunk);
    };
    const done = () => finish({ ok: true, bytes: Buffer.concat(chunks) });

    if (decoder) {
      decoder.on('data', keep);
      decoder.on('end', done);
      decoder.on('error', () => finish({ ok: false, code: 'BAD_REQUEST', reason: 'The request body is not valid for its Content-Encoding.' }));
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limits.maxBytes) return finish(tooLarge(''));
      if (decoder) decoder.write(chunk);
      else keep(chunk);
    });
    req.on('end', () => {
      if (decoder) {
        if (!settled) decoder.end();
      } else done();
    });
    req.on('error', () => finish({ ok: false, code: 'BAD_REQUEST', reason: 'The request body could not be read.' }));
    req.on('aborted', () => finish({ ok: false, code: 'BAD_REQUEST', reason: 'The request was aborted.' }));
  });
}
