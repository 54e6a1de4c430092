import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import { toTandemError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { validateInboundActivity } from '../../bot/activitySchema';
import type { TandemAdapter } from '../../bot/createAdapter';
import { markHubCaller } from '../../bot/handoff/hubCaller';
import { setTurnLogger } from '../../bot/turnLogger';
import { HandoffProtocol } from '../../handoff/vocabulary';
import { webChatChannelId } from '../directline/directLineActivity';
import type { InflightTracker } from '../inflight';
import type { RateLimits } from '../rateLimit/rateLimits';
import { clientAddress, withinLimit } from '../rateLimit/requestLimiter';
import { sendError } from '../sendError';
import { authenticatedAsHub, redirectsReplies, sentHubToken, type ChannelTrust } from './channelTrust';

export interface MessagesRouteDeps {
  readonly adapter: TandemAdapter;
  readonly bot: { run(context: TurnContext): Promise<void> };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  readonly channelTrust: ChannelTrust;
  readonly limits: Pick<RateLimits, 'messagesPerAddress' | 'activitiesPerConversation'>;
}

/**
 * `POST /api/messages`: validate, check that the conversation belongs to the channel the activity
 * claims (a web chat conversation takes activities only through Direct Line), then hand the
 * activity to CloudAdapter (which checks the JWT). `handoff.status` needs an authenticated hub.
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!(await withinLimit(deps.limits.messagesPerAddress, clientAddress(req), res))) return;
    const checked = validateInboundActivity(req.body);
    if (!checked.ok) {
      deps.metrics.errors.inc({ code: 'BAD_ACTIVITY' });
      return sendError(res, 'BAD_ACTIVITY', `Invalid activity: ${checked.reason}`);
    }
    const activity = checked.activity as unknown as Activity;
    if (!(await withinLimit(deps.limits.activitiesPerConversation, `${activity.channelId}:${activity.conversation.id}`, res))) return;
    // Tandem handles no invoke: the SDK would run the turn (transcript, dedupe) and then answer 501, a 5xx anyone
    // could cause at will. Refused before anything runs instead.
    if (activity.type === 'invoke') {
      return sendError(res, 'BAD_ACTIVITY', `Invalid activity: invoke "${String(activity.name ?? '').slice(0, 64)}" is not supported.`);
    }
    const trust = deps.channelTrust;
    if (activity.channelId === webChatChannelId) {
      return sendError(res, 'FORBIDDEN', 'Web chat conversations take activities only through Direct Line.');
    }
    let owner: string | undefined;
    let redirects = false;
    try {
      owner = await trust.channelOf(activity.conversation.id);
      redirects = await redirectsReplies(trust, activity.conversation.id, activity.serviceUrl);
    } catch (error) {
      // State unreachable: a retryable refusal, before anything ran (never a 500).
      const failure = toTandemError(error);
      if (failure.status >= 500) res.setHeader('retry-after', '1');
      return sendError(res, failure.code === 'INTERNAL' ? 'STATE_UNAVAILABLE' : failure.code, failure.userMessage);
    }
    if (owner !== undefined && owner !== activity.channelId) {
      return sendError(res, 'FORBIDDEN', 'This conversation belongs to another channel.');
    }
    if (redirects) {
      return sendError(res, 'FORBIDDEN', "This conversation's replies go to another serviceUrl.");
    }
    const hubByToken = sentHubToken(req, trust.hubToken);
    const isHandoffStatus = activity.type === 'event' && activity.name === HandoffProtocol.statusEvent;
    if (isHandoffStatus && !hubByToken && trust.hubAppIds.length === 0) {
      return sendError(res, 'FORBIDDEN', 'handoff.status is accepted only from a configured hub (HANDOFF_HUB_TOKEN or HANDOFF_HUB_APP_IDS).');
    }
    const log = deps.logger.child({ conversationId: activity.conversation.id, activityId: activity.id, channelId: activity.channelId });
    const stopTimer = deps.metrics.turnLatency.startTimer();
    await deps.inflight.track(async () => {
      try {
        const authorization = req.header('authorization') ?? '';
        const invokeResponse = await deps.adapter.handleActivity(authorization, activity, async (context) => {
          setTurnLogger(context, log);
          if (hubByToken || authenticatedAsHub(context, trust.hubAppIds, deps.adapter.BotIdentityKey)) markHubCaller(context);
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
        log.error({ code: failure.code, err: error }, 'activity processing failed');
        sendError(res, failure.code);
      } finally {
        stopTimer();
      }
    });
  });
}
