import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import { toTandemError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { validateInboundActivity } from '../../bot/activitySchema';
import type { TandemAdapter } from '../../bot/createAdapter';
import { setTurnLogger } from '../../bot/turnLogger';
import type { InflightTracker } from '../inflight';
import { sendError } from '../sendError';

export interface MessagesRouteDeps {
  readonly adapter: TandemAdapter;
  readonly bot: { run(context: TurnContext): Promise<void> };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
}

/** `POST /api/messages`: validate, then hand the activity to CloudAdapter (which checks the JWT). */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const checked = validateInboundActivity(req.body);
    if (!checked.ok) {
      deps.metrics.errors.inc({ code: 'BAD_ACTIVITY' });
      return sendError(res, 'BAD_ACTIVITY', `Invalid activity: ${checked.reason}`);
    }
    const activity = checked.activity as unknown as Activity;
    const log = deps.logger.child({ conversationId: activity.conversation.id, activityId: activity.id, channelId: activity.channelId });
    const stopTimer = deps.metrics.turnLatency.startTimer();
    await deps.inflight.track(async () => {
      try {
        const authorization = req.header('authorization') ?? '';
        const invokeResponse = await deps.adapter.handleActivity(authorization, activity, async (context) => {
          setTurnLogger(context, log);
          await deps.bot.run(context);
        });
        deps.metrics.turns.inc({ type: activity.type, outcome: 'ok' });
        res.status(invokeResponse?.status ?? 200);
        if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
        else res.end();
      } catch (error) {
        if (error instanceof AuthenticationError) {
          deps.metrics.turns.inc({ type: activity.type, outcome: 'unauthorized' });
          return sendError(res, 'UNAUTHORIZED');
        }
        const failure = toTandemError(error);
        deps.metrics.turns.inc({ type: activity.type, outcome: 'error' });
        deps.metrics.errors.inc({ code: failure.code });
        log.error({ code: failure.code, err: { message: failure.message } }, 'activity processing failed');
        sendError(res, failure.code);
      } finally {
        stopTimer();
      }
    });
  });
}
