import type { Logger } from '../observability/logger';
import type { SweepResult } from './queueSweep';

/**
 * Runs `sweep` every `intervalMs` (never two at once in this process; other processes may sweep too,
 * each action still happens once). Returns a stop function that waits for a sweep in progress.
 */
export function startHandoffSweeper(
  service: { sweep(): Promise<SweepResult> },
  intervalMs: number,
  logger?: Logger,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = service
      .sweep()
      .then((result) => {
        const acted = result.requeued.length + result.timedOut.length + result.announced.length;
        if (acted > 0) {
          logger?.info(
            { requeued: result.requeued.length, timedOut: result.timedOut.length, announced: result.announced.length },
            'handoff sweep',
          );
        }
      })
      .catch((err: unknown) => logger?.warn({ err }, 'handoff sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
