import pino, { type Logger } from 'pino';
import { serializeError } from './errorSerializer';

export type { Logger };

/**
 * Paths whose values are personal or message content. Logs keep the shape (so an operator can see
 * that a text was there) but never the content.
 */
export const redactPaths = [
  'text',
  '*.text',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'entities',
  '*.entities',
  'slots',
  '*.slots',
  'transcript',
  '*.transcript',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'name',
  'contact',
  '*.contact',
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tandem' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything; for tests and tools that build deps without logging. */
export const silentLogger: Logger = pino({ level: 'silent' });
