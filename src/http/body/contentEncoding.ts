import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';

/** The request content codings Tandem inflates itself; anything else is refused with 415. */
export const acceptedContentEncodings = ['gzip', 'x-gzip', 'deflate'] as const;

export type ContentDecoding = { ok: true; decoder?: () => Gunzip | Inflate } | { ok: false; reason: string };

/** Inflated output is produced in chunks this small, so a cap on the inflated size stops a bomb early. */
const decoderChunkBytes = 16 * 1024;

/**
 * Reads `Content-Encoding` (RFC 9110 §8.4): absent or `identity` needs no decoder, one `gzip` or
 * `deflate` layer gets a streaming inflater, and stacked or unknown codings are refused.
 */
export function contentDecodingFor(header: string | string[] | undefined): ContentDecoding {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const codings = raw
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return { ok: true };
  const supported = `send the body uncompressed, or with one of: ${acceptedContentEncodings.join(', ')}`;
  if (codings.length > 1) return { ok: false, reason: `Only one content coding is accepted; ${supported}.` };
  const [coding] = codings as [string];
  if (coding === 'gzip' || coding === 'x-gzip') return { ok: true, decoder: () => createGunzip({ chunkSize: decoderChunkBytes }) };
  if (coding === 'deflate') return { ok: true, decoder: () => createInflate({ chunkSize: decoderChunkBytes }) };
  return { ok: false, reason: `Content-Encoding "${coding.slice(0, 40)}" is not supported; ${supported}.` };
}
