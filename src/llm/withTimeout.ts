/** Raised when a model call exceeds its budget; the caller falls back. */
export class LlmTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`LLM call exceeded ${timeoutMs} ms`);
    this.name = 'LlmTimeoutError';
  }
}

/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs`, and stops waiting at that moment even
 * if `work` ignores the signal (some model clients do).
 */
export async function withTimeout<T>(timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
