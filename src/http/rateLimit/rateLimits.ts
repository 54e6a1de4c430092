import type { AppConfig } from '../../config';
import { unlimited, type RequestLimiter, type RequestLimiterFactory } from './requestLimiter';

/** Every limit Tandem enforces; the keys say what each is counted by. */
export interface RateLimits {
  /** New web chat tokens (POST /chat/token, /v3/directline/tokens/generate), per client address. */
  readonly chatTokensPerAddress: RequestLimiter;
  /** New Direct Line conversations, per client address. */
  readonly conversationsPerAddress: RequestLimiter;
  /** Token refreshes, per conversation. */
  readonly refreshesPerConversation: RequestLimiter;
  /** Activities posted into one conversation (Direct Line and /api/messages), per conversation. */
  readonly activitiesPerConversation: RequestLimiter;
  /** POST /api/messages per client address, while it is anonymous (MICROSOFT_APP_ID unset). */
  readonly messagesPerAddress: RequestLimiter;
  /** Agent API requests per agent, across processes (each process also keeps its own burst bucket). */
  readonly agentRequests: RequestLimiter;
}

export type RateLimitConfig = Pick<
  AppConfig,
  | 'RATE_LIMIT_CHAT_TOKENS_PER_MINUTE'
  | 'RATE_LIMIT_CONVERSATIONS_PER_MINUTE'
  | 'RATE_LIMIT_TOKEN_REFRESHES_PER_MINUTE'
  | 'RATE_LIMIT_ACTIVITIES_PER_MINUTE'
  | 'RATE_LIMIT_MESSAGES_PER_MINUTE'
  | 'AGENT_RATE_LIMIT_PER_SECOND'
  | 'MICROSOFT_APP_ID'
>;

/** Builds the limits of the configuration with one factory (memory or Redis for all of them). */
export function createRateLimits(config: RateLimitConfig, factory: RequestLimiterFactory): RateLimits {
  const perMinute = (name: string, points: number) => factory({ name, points, durationSeconds: 60 });
  return {
    chatTokensPerAddress: perMinute('chat-tokens', config.RATE_LIMIT_CHAT_TOKENS_PER_MINUTE),
    conversationsPerAddress: perMinute('conversations', config.RATE_LIMIT_CONVERSATIONS_PER_MINUTE),
    refreshesPerConversation: perMinute('refreshes', config.RATE_LIMIT_TOKEN_REFRESHES_PER_MINUTE),
    activitiesPerConversation: perMinute('activities', config.RATE_LIMIT_ACTIVITIES_PER_MINUTE),
    // Authenticated traffic comes from the Bot Connector's few addresses: only anonymous callers are counted by address.
    messagesPerAddress: config.MICROSOFT_APP_ID ? unlimited : perMinute('messages', config.RATE_LIMIT_MESSAGES_PER_MINUTE),
    agentRequests: perMinute('agent', Math.max(1, Math.round(config.AGENT_RATE_LIMIT_PER_SECOND * 60))),
  };
}

/** No limits at all (tests of other behaviour that build routes by hand). */
export const noRateLimits: RateLimits = {
  chatTokensPerAddress: unlimited,
  conversationsPerAddress: unlimited,
  refreshesPerConversation: unlimited,
  activitiesPerConversation: unlimited,
  messagesPerAddress: unlimited,
  agentRequests: unlimited,
};
