import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/**
 * The app's Bot Framework authentication, except that a proactive turn (`continueConversationAsync`)
 * whose serviceUrl belongs to a channel served by this process gets that channel's connector instead
 * of an HTTP client. Inbound requests keep the real connector: `authenticateRequest` is untouched, so
 * an activity on /api/messages that names such a serviceUrl is never answered in process.
 */
export class InProcessChannels extends BotFrameworkAuthentication {
  private readonly channels = new Map<string, ConnectorFactory>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** Proactive replies to conversations whose serviceUrl is exactly `serviceUrl` go through `factory`. */
  serve(serviceUrl: string, factory: ConnectorFactory): void {
    this.channels.set(serviceUrl, factory);
  }

  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateRequest(activity, authHeader);
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new RoutingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.channels);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

class RoutingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly real: ConnectorFactory,
    private readonly channels: ReadonlyMap<string, ConnectorFactory>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return (this.channels.get(serviceUrl) ?? this.real).create(serviceUrl, audience);
  }
}
