/** One generated request, reproducible from (seed, index). */
export interface FuzzCase {
  readonly index: number;
  /** What was generated, e.g. `messages/mutated-field conversation`; printed with a failure. */
  readonly family: string;
  readonly method: string;
  readonly path: string;
  /** Sent in this order; duplicates allowed. `content-length` is added unless one is given. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer;
  /** Exact bytes to write instead of a request built from the fields above (malformed HTTP). */
  readonly raw?: Buffer;
  /** The client stops sending before the request is complete: closing without an answer is fine. */
  readonly truncated?: boolean;
}

/** What the fuzz target needs to aim at real resources: tokens, ids and the channel sink. */
export interface FuzzFixtures {
  /** Where bot replies for `/api/messages` go (a sink that accepts everything). */
  readonly serviceUrl: string;
  readonly directLineSecret: string;
  /** A live web chat conversation and its token. */
  readonly chat: { readonly conversationId: string; readonly token: string };
  /** A second live web chat conversation, whose token must not open the first. */
  readonly otherChat: { readonly conversationId: string; readonly token: string };
  /** A correctly signed token for `chat` that has expired. */
  readonly expiredChatToken: string;
  /** Conversations on channel `test` waiting for an agent and claimed by the dev agent. */
  readonly queuedConversationId: string;
  readonly assignedConversationId: string;
  readonly agentToken: string;
  readonly supervisorToken: string;
}

/** Builds the bytes of an HTTP/1.1 request from a case (not used for `raw` cases). */
export function requestBytes(fuzzCase: FuzzCase, host: string): Buffer {
  if (fuzzCase.raw) return fuzzCase.raw;
  const lines = [`${fuzzCase.method} ${fuzzCase.path} HTTP/1.1`, `host: ${host}`, 'connection: close'];
  const hasLength = fuzzCase.headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  for (const [name, value] of fuzzCase.headers) lines.push(`${name}: ${value}`);
  if (!hasLength && fuzzCase.body) lines.push(`content-length: ${fuzzCase.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return fuzzCase.body ? Buffer.concat([head, fuzzCase.body]) : head;
}

/** One line for a failure report: enough to recognise the case; the seed and index reproduce it. */
export function describeCase(fuzzCase: FuzzCase): string {
  const body = fuzzCase.raw ?? fuzzCase.body;
  const preview = body ? body.subarray(0, 160).toString('latin1').replace(/[^\x20-\x7e]/g, '.') : '';
  return `#${fuzzCase.index} ${fuzzCase.family}: ${fuzzCase.method} ${fuzzCase.path.slice(0, 120)} [${body?.length ?? 0} bytes] ${preview}`;
}
