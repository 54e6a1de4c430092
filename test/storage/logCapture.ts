import { createLogger, type Logger } from '../../src/observability/logger';

/** A real pino logger whose JSON lines are kept in memory, so tests can assert on what was logged. */
export function captureLogs(): { logger: Logger; lines: () => Array<Record<string, unknown>>; raw: () => string } {
  const chunks: string[] = [];
  const logger = createLogger('info', { write: (chunk: string) => chunks.push(chunk) });
  const raw = () => chunks.join('');
  const lines = () =>
    raw()
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, raw };
}
