import type { CloudAdapter, TurnContext } from 'botbuilder';
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
import { registerDirectLineConnectorRoutes } from './directLineConnectorRoutes';
import { registerDirectLineRoutes } from './directLineRoutes';
import { DirectLineTokens } from './directLineTokens';

export type DirectLineConfig = Pick<
  AppConfig,
  | 'DIRECTLINE_SECRET'
  | 'DIRECTLINE_TOKEN_TTL_SECONDS'
  | 'DIRECTLINE_MAX_ACTIVITY_BYTES'
  | 'DIRECTLINE_SERVICE_URL'
  | 'MICROSOFT_APP_ID'
>;

export interface DirectLineDeps {
  readonly config: DirectLineConfig;
  readonly adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
  /** From the state ports (`createStatePorts`): Redis when REDIS_URL or REDIS_CLUSTER_NODES is set. */
  readonly store: DirectLineStore;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  /** Longest a post waits for the bot's turn before answering; default 15 s (Direct Line's own limit). */
  readonly turnWaitMs?: number;
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
  /** Client side (`/v3/directline/...`) and connector side (`/connector/:key/v3/conversations/...`). */
  readonly routes: RouteModule[];
  readonly tokens: DirectLineTokens;
  /** A token for a new conversation and a new anonymous user (what the chat page asks for). */
  newChatSession(): ChatSession;
}

/** Builds Tandem's Direct Line 3.0 subset (polling only) for the web chat page. */
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
  const bot: Account = { id: config.MICROSOFT_APP_ID || 'tandem', name: 'Tandem', role: 'bot' };
  const channel: DirectLineChannel = {
    tokens,
    store: deps.store,
    bridge: new DirectLineBotBridge({
      adapter: deps.adapter,
      bot: deps.bot,
      logger: deps.logger,
      metrics: deps.metrics,
      inflight: deps.inflight,
      botAppId: config.MICROSOFT_APP_ID,
    }),
    bot,
    logger: deps.logger,
    maxActivityBytes: config.DIRECTLINE_MAX_ACTIVITY_BYTES,
    turnWaitMs: deps.turnWaitMs ?? 15_000,
    limits: deps.limits ?? noRateLimits,
    ...(config.DIRECTLINE_SERVICE_URL !== undefined ? { serviceUrlBase: config.DIRECTLINE_SERVICE_URL } : {}),
  };
  return {
    routes: [(server: Server) => registerDirectLineRoutes(server, channel), (server: Server) => registerDirectLineConnectorRoutes(server, channel)],
    tokens,
    newChatSession() {
      const conversationId = newConversationId();
      const userId = newUserId();
      const { token, expiresIn } = tokens.issue(conversationId, userId);
      return { conversationId, userId, token, expiresIn };
    },
  };
}
