import type { Logger } from '../observability/logger';

function describeRequest(req: unknown): { method?: string; path?: string } {
  const { method, url } = (req ?? {}) as { method?: unknown; url?: unknown };
  return {
    ...(typeof method === 'string' ? { method } : {}),
    ...(typeof url === 'string' ? { path: url.split('?')[0]!.slice(0, 200) } : {}),
  };
}

function describeError(err: unknown): { name?: string; statusCode?: number } {
  if (typeof err !== 'object' || err === null) return {};
  const { name, statusCode } = err as { name?: unknown; statusCode?: unknown };
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof statusCode === 'number' ? { statusCode } : {}) };
}

/**
 * The logger handed to restify for its own messages (formatter failures, discarded handler values,
 * traces). restify logs whole request objects (`{req}`, body and headers included) and raw errors
 * whose messages can quote the body; these serializers keep only the method, the path and the
 * error's name, so nothing a caller sent reaches a log line through restify.
 */
export function restifyLogger(logger: Logger): Logger {
  return logger.child(
    { component: 'restify' },
    {
      serializers: {
        req: describeRequest,
        res: (res: unknown) => ({ statusCode: (res as { statusCode?: unknown } | null)?.statusCode }),
        err: describeError,
        value: (value: unknown) => typeof value,
      },
    },
  );
}
