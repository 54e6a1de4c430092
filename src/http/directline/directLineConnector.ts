import type { Activity, ResourceResponse } from 'botbuilder';
import { ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from 'botframework-connector';
import type {
  ConversationsReplyToActivityResponse,
  ConversationsSendToConversationResponse,
  ConversationsUpdateActivityResponse,
} from 'botframework-connector/lib/connectorApi/models';
// Not re-exported by the package root; 4.23.x is the final SDK release, so the path is stable.
import { Conversations } from 'botframework-connector/lib/connectorApi/operations/conversations';
import { TandemError } from '../../errors';
import type { DirectLineStore } from '../../storage/directline/directLineStore';
import { type Account, botActivitySchema, firstIssue, storedBotActivity, webChatChannelId } from './directLineActivity';
import { isConversationId, jsonBytes } from './directLineChannel';

/**
 * The serviceUrl of every web chat conversation. It is never dialled: the adapter hands it to
 * DirectLineConnectorFactory, so replies (in-turn and proactive, from any process) go straight into the
 * shared Direct Line history. `.invalid` can never resolve, so a stray HTTP client fails at once.
 */
export const directLineServiceUrl = 'https://directline.tandem.invalid/';

export interface DirectLineConnectorDeps {
  readonly store: DirectLineStore;
  readonly bot: Account;
  readonly maxActivityBytes: number;
  readonly now?: () => Date;
}

/**
 * What the Bot Framework connector does for a channel, done in process for web chat: a bot activity
 * is stored as the bot's (never as the customer), events are acknowledged but kept from the page
 * (they are meant for a handoff hub and carry its transcript), and any `replyToId` is accepted because
 * proactive agent replies use synthetic ids.
 */
export class DirectLineConnector {
  private readonly now: () => Date;

  constructor(private readonly deps: DirectLineConnectorDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async send(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    const input = this.check(conversationId, activity);
    if (input.type === 'event') return { id: `${conversationId}|event` };
    this.checkSize(activity);
    const appended = await this.deps.store.append(conversationId, this.stored(conversationId, input));
    if (!appended) throw new TandemError('NOT_FOUND', `web chat conversation ${conversationId} does not exist (it may have expired)`);
    return { id: appended.id };
  }

  async update(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    const input = this.check(conversationId, activity);
    this.checkSize(activity);
    const replaced = await this.deps.store.replace(conversationId, activityId, this.stored(conversationId, input));
    if (!replaced) throw new TandemError('NOT_FOUND', `no activity ${activityId} in web chat conversation ${conversationId}`);
    return { id: activityId };
  }

  private check(conversationId: string, activity: Partial<Activity>) {
    // Only web chat conversations live here: a reference of another channel that names this serviceUrl gets nothing.
    if (!isConversationId(conversationId) || activity.channelId !== webChatChannelId) {
      throw new TandemError('FORBIDDEN', 'only web chat conversations are delivered in process');
    }
    const parsed = botActivitySchema.safeParse(activity);
    if (!parsed.success) throw new TandemError('BAD_ACTIVITY', `invalid bot activity: ${firstIssue(parsed.error)}`);
    return parsed.data;
  }

  /** Only what is kept is bounded: an event (a handoff hub's transcript) never reaches the history. */
  private checkSize(activity: Partial<Activity>): void {
    if (jsonBytes(activity) > this.deps.maxActivityBytes) {
      throw new TandemError('PAYLOAD_TOO_LARGE', `a web chat activity may be at most ${this.deps.maxActivityBytes} bytes`);
    }
  }

  private stored(conversationId: string, input: ReturnType<DirectLineConnector['check']>) {
    return storedBotActivity(input, { conversationId, bot: this.deps.bot, timestamp: this.now().toISOString() });
  }
}

/** The adapter reads only `id` from these responses; the HTTP envelope of a real connector call does not exist here. */
class DirectLineConversations extends Conversations {
  constructor(
    client: ConnectorClient,
    private readonly connector: DirectLineConnector,
  ) {
    super(client);
  }

  override async sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<ConversationsSendToConversationResponse> {
    return (await this.connector.send(conversationId, activity)) as ConversationsSendToConversationResponse;
  }

  override async replyToActivity(conversationId: string, _activityId: string, activity: Partial<Activity>): Promise<ConversationsReplyToActivityResponse> {
    return (await this.connector.send(conversationId, activity)) as ConversationsReplyToActivityResponse;
  }

  override async updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<ConversationsUpdateActivityResponse> {
    return (await this.connector.update(conversationId, activityId, activity)) as ConversationsUpdateActivityResponse;
  }
}

/** Gives CloudAdapter a ConnectorClient whose conversation calls land in the Direct Line history. */
export class DirectLineConnectorFactory extends ConnectorFactory {
  private readonly client: ConnectorClient;

  constructor(connector: DirectLineConnector) {
    super();
    this.client = new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: directLineServiceUrl });
    this.client.conversations = new DirectLineConversations(this.client, connector);
  }

  async create(serviceUrl: string): Promise<ConnectorClient> {
    if (serviceUrl !== directLineServiceUrl) throw new TandemError('FORBIDDEN', 'this connector serves web chat conversations only');
    return this.client;
  }
}
