/**
 * One registry of error codes. Each code has an HTTP status, an internal message for logs and a
 * user-safe message that may be shown to a customer or an API client.
 */
export const errorRegistry = {
  BAD_REQUEST: { status: 400, internal: 'Request failed validation', user: 'The request was not valid.' },
  BAD_JSON: { status: 400, internal: 'Request body is not valid JSON', user: 'The request body is not valid JSON.' },
  BAD_ACTIVITY: { status: 400, internal: 'Activity failed schema validation', user: 'The activity is not valid.' },
  UNAUTHORIZED: { status: 401, internal: 'Missing or invalid credentials', user: 'Authentication is required.' },
  FORBIDDEN: { status: 403, internal: 'Caller may not act on this resource', user: 'You may not do that.' },
  NOT_FOUND: { status: 404, internal: 'Resource not found', user: 'Not found.' },
  CONFLICT: { status: 409, internal: 'State conflict', user: 'That conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, internal: 'Request body too large', user: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    internal: 'Request body has an unsupported content type or content coding',
    user: 'Send the body as application/json, uncompressed or gzip/deflate.',
  },
  UNPROCESSABLE: { status: 422, internal: 'Request is well-formed but cannot be processed', user: 'The request cannot be processed.' },
  RATE_LIMITED: { status: 429, internal: 'Too many requests', user: 'Too many requests; slow down and retry.' },
  STATE_UNAVAILABLE: {
    status: 503,
    internal: 'State store (Redis) unavailable',
    user: "Sorry, I'm having trouble reaching my memory right now. Please try again in a moment.",
  },
  LOCK_TIMEOUT: {
    status: 503,
    internal: 'Timed out waiting for the conversation lock',
    user: "Sorry, I'm still working on your previous message. Please try again in a moment.",
  },
  TURN_IN_PROGRESS: {
    status: 503,
    internal: 'The same activity is still being processed (dedupe lease held)',
    user: "I'm still working on that message. Please try again in a moment.",
  },
  STALE_STATE: {
    status: 409,
    internal: 'Optimistic concurrency check failed (stale eTag)',
    user: 'Sorry, something changed while I was answering. Please say that again.',
  },
  TURN_FAILED: {
    status: 500,
    internal: 'Unhandled error during a turn',
    user: 'Sorry, something went wrong on my side. Please try again.',
  },
  HANDOFF_NOT_FOUND: {
    status: 404,
    internal: 'No handoff record for this conversation',
    user: 'That conversation is not waiting for or talking to an agent.',
  },
  HANDOFF_CONFLICT: {
    status: 409,
    internal: 'Handoff transition not allowed from the current state',
    user: 'That conversation is not in a state that allows this.',
  },
  HANDOFF_NOT_OWNER: {
    status: 403,
    internal: 'Agent does not hold the current claim (wrong agent or stale fencing token)',
    user: 'Another agent is handling this conversation, or your claim has expired.',
  },
  INTERNAL: { status: 500, internal: 'Unexpected internal error', user: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; internal: string; user: string }>;

export type ErrorCode = keyof typeof errorRegistry;

export class TandemError extends Error {
  readonly status: number;
  readonly userMessage: string;

  constructor(
    readonly code: ErrorCode,
    /** Internal detail for logs; never shown to users. */
    detail?: string,
    /** A user-safe reason that overrides the registry's generic user message (e.g. a validation reason). */
    userReason?: string,
    options?: { cause?: unknown },
  ) {
    const entry = errorRegistry[code];
    super(detail ? `${entry.internal}: ${detail}` : entry.internal, options);
    this.name = 'TandemError';
    this.status = entry.status;
    this.userMessage = userReason ?? entry.user;
  }
}

/** Maps any thrown value to a registry code, so that unknown errors never leak internals. */
export function toTandemError(error: unknown): TandemError {
  if (error instanceof TandemError) return error;
  return new TandemError('INTERNAL', error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

/** True for failures that a later retry of the same request can succeed at (the 503s: Redis, locks, a turn in progress). */
export function isRetryable(error: TandemError): boolean {
  return error.status === 503;
}
