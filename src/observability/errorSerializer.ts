/** What a log line keeps of an error: its type, message, stack, code and cause chain. */
export interface SerializedError {
  type: string;
  message?: string;
  stack?: string;
  code?: string | number;
  statusCode?: number;
  cause?: SerializedError;
  errors?: SerializedError[];
}

/**
 * Messages that quote their input. JSON.parse quotes the text it failed on (a request body, a stored
 * transcript) and Node's argument checks quote the value they refused, so both lose the quote.
 */
const quotedInput: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON/g, '<input> is not valid JSON'],
  [/\. Received [^\n]*/g, '. Received <value>'],
];

function withoutQuotedInput(text: string): string {
  return quotedInput.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

const maxDepth = 8;

function serialize(value: unknown, depth: number, seen: Set<unknown>): SerializedError {
  if (!(value instanceof Error)) return { type: value === null ? 'null' : typeof value };
  if (seen.has(value) || depth > maxDepth) return { type: value.name, message: '[cause chain cut]' };
  seen.add(value);
  const { code, statusCode } = value as { code?: unknown; statusCode?: unknown };
  return {
    type: value.constructor?.name && value.constructor.name !== 'Error' ? value.constructor.name : value.name,
    message: withoutQuotedInput(value.message),
    ...(value.stack ? { stack: withoutQuotedInput(value.stack) } : {}),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(value.cause !== undefined ? { cause: serialize(value.cause, depth + 1, seen) } : {}),
    ...(value instanceof AggregateError ? { errors: value.errors.map((inner) => serialize(inner, depth + 1, seen)) } : {}),
  };
}

/**
 * pino's `err` serializer for Tandem. Unlike pino's own, it copies no other properties of the error:
 * ioredis errors carry the command's arguments (stored transcripts) and HTTP client errors the
 * request and response bodies, and neither belongs in a log.
 */
export function serializeError(value: unknown): SerializedError {
  return serialize(value, 0, new Set());
}
