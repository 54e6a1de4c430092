import type { TurnContext } from 'botbuilder';
import type { TandemAdapter } from '../../bot/createAdapter';
import type { Server } from 'restify';
import type { AppConfig } from '../../config';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { DirectLineStore } from '../../storage/directline/directLineStore';
import type { RouteModule } from '../createServer';
import type { InflightTracker } from '../inflight';
import { noRateLimits, type RateLimits } from '../rateLimit/rateLimits';
import type { Account } from './directLineActivity';
import { DirectLineBotBridge } from './directLineBotBridge';
import type { DirectLineChannel } from './directLineChannel';
import { newConversationId, newUserId } from './directLineChannel';
import { DirectLineConnector, DirectLineConnectorFactory, directLineServiceUrl } from './directLineConnector';
import { registerDirectLineRoutes } from './directLineRoutes';
import { DirectLineStream, type DirectLineStreamDeps } from './directLineStream';
import { DirectLineTokens } from './directLineTokens';
import { type DirectLineSignal, MemoryDirectLineSignal } from '../../storage/directline/directLineSignal';
import { SignalingDirectLineStore } from '../../storage/directline/signalingDirectLineStore';

export type DirectLineConfig = Pick<
  AppConfig,
  | 'DIRECTLINE_SECRET'
  | 'DIRECTLINE_TOKEN_TTL_SECONDS'
  | 'DIRECTLINE_MAX_ACTIVITY_BYTES'
  | 'MICROSOFT_APP_ID'
>;

export interface DirectLineDeps {
  readonly config: DirectLineConfig;
  /** Replies to web chat conversations, proactive ones included, are routed in process through it. */
  readonly adapter: Pick<TandemAdapter, 'processActivityDirect' | 'serveInProcess'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
  /** From the state ports (`createStatePorts`): Redis when REDIS_URL or REDIS_CLUSTER_NODES is set. */
  readonly store: DirectLineStore;
  /** Wakes the WebSocket streams when a history grows; Redis pub/sub with many processes, in memory by default. */
  readonly signal?: DirectLineSignal;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  /** Longest a post waits for the bot's turn before answering; default 15 s (Direct Line's own limit). */
  readonly turnWaitMs?: number;
  /** Stream bounds and keep-alive period; DirectLineStream's defaults when omitted. */
  readonly streamOptions?: Pick<DirectLineStreamDeps, 'maxSocketsPerConversation' | 'maxSockets' | 'keepAliveMs'>;
  /** From createRateLimits; none when omitted (tests of other behaviour). */
  readonly limits?: RateLimits;
}

export interface ChatSession {
  readonly conversationId: string;
  readonly userId: string;
  readonly token: string;
  readonly expiresIn: number;
}

export interface DirectLine {
  /** The client side (`/v3/directline/...`). */
  readonly routes: RouteModule[];
  readonly tokens: DirectLineTokens;
  /** The history, signalling the streams on every append: write through this one. */
  readonly store: DirectLineStore;
  readonly stream: DirectLineStream;
  /** A token for a new conversation and a new anonymous user (what the chat page asks for). */
  newChatSession(): ChatSession;
  /** Closes the streams and the signal (shutdown). */
  close(): Promise<void>;
}

/** Builds Tandem's Direct Line 3.0 subset for the web chat page; bot replies reach its history in process. */
export function createDirectLine(deps: DirectLineDeps): DirectLine {
  const { config } = deps;
  if (config.DIRECTLINE_SECRET === undefined) {
    deps.logger.warn(
      'DIRECTLINE_SECRET is unset: using a random secret for this process. Web chat tokens die with a restart and other processes refuse them; set DIRECTLINE_SECRET when running more than one process.',
    );
  }
  const tokens = new DirectLineTokens({
    secret: config.DIRECTLINE_SECRET ?? DirectLineTokens.randomSecret(),
    ttlSeconds: config.DIRECTLINE_TOKEN_TTL_SECONDS,
  });
  const signal = deps.signal ?? new MemoryDirectLineSignal();
  const store = new SignalingDirectLineStore(deps.store, signal);
  const stream = new DirectLineStream({ ...deps.streamOptions, tokens, store, signal, logger: deps.logger });
  const bot: Account = { id: config.MICROSOFT_APP_ID || 'tandem', name: 'Tandem', role: 'bot' };
  const connectorFactory = new DirectLineConnectorFactory(
    new DirectLineConnector({ store, bot, maxActivityBytes: config.DIRECTLINE_MAX_ACTIVITY_BYTES }),
  );
  deps.adapter.serveInProcess(directLineServiceUrl, connectorFactory);
  const channel: DirectLineChannel = {
    tokens,
    store,
    bridge: new DirectLineBotBridge({
      adapter: deps.adapter,
      bot: deps.bot,
      logger: deps.logger,
      metrics: deps.metrics,
      inflight: deps.inflight,
      connectorFactory,
      botAppId: config.MICROSOFT_APP_ID,
    }),
    bot,
    logger: deps.logger,
    maxActivityBytes: config.DIRECTLINE_MAX_ACTIVITY_BYTES,
    turnWaitMs: deps.turnWaitMs ?? 15_000,
    limits: deps.limits ?? noRateLimits,
  };
  return {
    routes: [
      (server: Server) => {
        registerDirectLineRoutes(server, channel);
        stream.attach(server.server);
      },
    ],
    tokens,
    store,
    stream,
    newChatSession() {
      const conversationId = newConversationId();
      const userId = newUserId();
      const { token, expiresIn } = tokens.issue(conversationId, userId);
      return { conversationId, userId, token, expiresIn };
    },
    close: async () => {
      stream.close();
      await signal.close();
    },
  };
}
