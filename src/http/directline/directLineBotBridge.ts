import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import { setTurnLogger } from '../../bot/turnLogger';
import { toTandemError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { InflightTracker } from '../inflight';

/** Replies travel to our own connector routes, which need no Bot Framework credentials. */
class OwnChannelConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  }
}

export interface DirectLineBotBridgeDeps {
  /** TandemAdapter in the app; any CloudAdapter works. */
  readonly adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  /** MICROSOFT_APP_ID (may be empty). */
  readonly botAppId: string;
}

/**
 * Runs one bot turn for an activity that arrived on our own Direct Line channel. The channel is
 * first-party (this process authenticated the caller with a Direct Line token), so the turn is run
 * with a trusted identity instead of a Bot Framework JWT. That keeps web chat working when
 * MICROSOFT_APP_ID is set for Teams, where no JWT for our own channel could exist.
 */
export class DirectLineBotBridge {
  private readonly auth: AuthenticateRequestResult;

  constructor(private readonly deps: DirectLineBotBridgeDeps) {
    this.auth = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: deps.botAppId },
          { type: AuthenticationConstants.AppIdClaim, value: deps.botAppId },
        ],
        true,
      ),
      connectorFactory: new OwnChannelConnectorFactory(),
    };
  }

  /** Resolves when the turn has ended; rejects only when the turn could not run at all. */
  async run(activity: Partial<Activity>): Promise<void> {
    const type = activity.type ?? 'unknown';
    const log = this.deps.logger.child({ conversationId: activity.conversation?.id, activityId: activity.id, channelId: activity.channelId });
    const stopTimer = this.deps.metrics.turnLatency.startTimer();
    try {
      await this.deps.inflight.track(() =>
        this.deps.adapter.processActivityDirect(this.auth, activity as Activity, async (context) => {
          setTurnLogger(context, log);
          await this.deps.bot.run(context);
        }),
      );
      this.deps.metrics.turns.inc({ type, outcome: 'ok' });
    } catch (error) {
      const failure = toTandemError(error);
      this.deps.metrics.turns.inc({ type, outcome: 'error' });
      this.deps.metrics.errors.inc({ code: failure.code });
      log.error({ code: failure.code, err: error }, 'direct line turn failed');
      throw failure;
    } finally {
      stopTimer();
    }
  }
}
