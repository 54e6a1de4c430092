import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { setTurnLogger } from '../bot/turnLogger';
import { toTandemError } from '../errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { InflightTracker } from './inflight';

/** What every entry point that runs a bot turn shares. */
export interface TurnDeps {
  readonly bot: { run(context: TurnContext): Promise<void> };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
}

/** Hands the bot's turn logic to the adapter (`processActivity`, `processActivityDirect`, ...). */
export type TurnProcessor<T> = (logic: (context: TurnContext) => Promise<void>) => Promise<T>;

/**
 * Runs one bot turn with the plumbing every entry point needs: a child logger on the turn, the latency
 * timer, in-flight tracking for graceful shutdown, turn and error metrics. Resolves with what `process`
 * returns; rejects with the AuthenticationError of a bad JWT as is, and with a TandemError otherwise.
 */
export async function runTurn<T>(
  deps: TurnDeps,
  activity: Partial<Activity>,
  process: TurnProcessor<T>,
  prepare?: (context: TurnContext) => void,
): Promise<T> {
  const type = activity.type ?? 'unknown';
  const log = deps.logger.child({ conversationId: activity.conversation?.id, activityId: activity.id, channelId: activity.channelId });
  const stopTimer = deps.metrics.turnLatency.startTimer();
  try {
    const result = await deps.inflight.track(() =>
      process(async (context) => {
        setTurnLogger(context, log);
        prepare?.(context);
        await deps.bot.run(context);
      }),
    );
    deps.metrics.turns.inc({ type, outcome: 'ok' });
    return result;
  } catch (error) {
    if (error instanceof AuthenticationError) {
      deps.metrics.turns.inc({ type, outcome: 'unauthorized' });
      throw error;
    }
    const failure = toTandemError(error);
    deps.metrics.turns.inc({ type, outcome: 'error' });
    deps.metrics.errors.inc({ code: failure.code });
    log.error({ code: failure.code, err: error }, 'turn failed');
    throw failure;
  } finally {
    stopTimer();
  }
}
