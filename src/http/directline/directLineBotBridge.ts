import type { Activity, CloudAdapter } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, ClaimsIdentity, type ConnectorFactory } from 'botframework-connector';
import { runTurn, type TurnDeps } from '../runTurn';

export interface DirectLineBotBridgeDeps extends TurnDeps {
  /** TandemAdapter in the app; any CloudAdapter works. */
  readonly adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  /** Where the turn's replies go: DirectLineConnectorFactory (straight into the history, in process). */
  readonly connectorFactory: ConnectorFactory;
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
      connectorFactory: deps.connectorFactory,
    };
  }

  /** Resolves when the turn has ended; rejects only when the turn could not run at all. */
  async run(activity: Partial<Activity>): Promise<void> {
    await runTurn(this.deps, activity, (logic) => this.deps.adapter.processActivityDirect(this.auth, activity as Activity, logic));
  }
}
