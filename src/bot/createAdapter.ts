import {
  type Activity,
  CloudAdapter,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication, ConnectorFactory } from 'botframework-connector';
import type { AppConfig } from '../config';
import { isRetryable, toTandemError } from '../errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { isChannelUnreachable } from './channelUnreachable';
import { InProcessChannels } from './inProcessChannels';
import { turnLogger } from './turnLogger';

/** CloudAdapter whose activity processing we call directly, so validation and error bodies are ours. */
export class TandemAdapter extends CloudAdapter {
  private readonly channels: InProcessChannels;

  constructor(auth: BotFrameworkAuthentication) {
    const channels = new InProcessChannels(auth);
    super(channels);
    this.channels = channels;
  }

  /**
   * Proactive turns of conversations whose serviceUrl is `serviceUrl` reply through `factory`, in this
   * process (web chat), instead of over HTTP.
   */
  serveInProcess(serviceUrl: string, factory: ConnectorFactory): void {
    this.channels.serve(serviceUrl, factory);
  }

  /** Authenticates (when an app id is set) and runs `logic`; rejects with AuthenticationError on a bad JWT. */
  async handleActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * CloudAdapter that is anonymous when no app id is configured (Emulator, tests) and validates
 * Bot Framework JWTs when one is.
 */
export function createAdapter(config: AppConfig, logger: Logger, metrics: Metrics): TandemAdapter {
  const identity = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    identity,
    new ConfigurationServiceClientCredentialFactory(identity),
  );
  const adapter = new TandemAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    if (isChannelUnreachable(error)) {
      // No apology either: it would go to the same unreachable channel.
      metrics.errors.inc({ code: 'CHANNEL_UNREACHABLE' });
      (turnLogger(context) ?? logger).warn({ code: 'CHANNEL_UNREACHABLE', channel: originOf(context.activity.serviceUrl) }, 'reply not delivered: the channel did not answer');
      return;
    }
    const failure = toTandemError(error);
    const code = failure.code === 'INTERNAL' ? 'TURN_FAILED' : failure.code;
    metrics.errors.inc({ code });
    (turnLogger(context) ?? logger).error({ code, err: error }, 'turn failed');
    // A retryable failure before the customer heard anything is refused (503 + Retry-After) rather than
    // apologised for: the channel's retry is then processed, so the message is neither dropped nor doubled.
    if (isRetryable(failure) && !context.responded) throw failure;
    const apology = code === 'TURN_FAILED' ? 'Sorry, something went wrong on my side. Please try again.' : failure.userMessage;
    try {
      await context.sendActivity(apology);
    } catch (sendError) {
      (turnLogger(context) ?? logger).warn({ err: sendError }, 'could not send apology');
    }
  };
  return adapter;
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}
