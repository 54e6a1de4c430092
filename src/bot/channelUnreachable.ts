/** Network failures that mean the channel at the activity's `serviceUrl` could not be reached. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);

/**
 * True when a turn failed only because its reply could not reach the caller's channel. That is the
 * caller's problem (an anonymous caller may name any serviceUrl), so it is a warning, not an internal
 * error. The SDK wraps the network error (DialogContextError keeps it in `error`), so the chain is walked.
 */
export function isChannelUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unreachableCodes.has(code)) return true;
    current = (current as { error?: unknown }).error ?? current.cause;
  }
  return false;
}
