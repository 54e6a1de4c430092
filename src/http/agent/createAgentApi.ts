import type { TranscriptStore } from 'botbuilder';
import type { AppConfig } from '../../config';
import type { AgentDirectory } from '../../handoff/agents';
import type { HandoffEventBus } from '../../handoff/events';
import type { AgentDesk } from '../../handoff/agentDesk';
import type { HandoffStore } from '../../handoff/handoffStore';
import type { ViewAuditLog } from '../../handoff/viewAudit';
import type { TextSealer } from '../../privacy/textSealer';
import type { Logger } from '../../observability/logger';
import type { RouteModule } from '../createServer';
import { AgentEventStreams } from './agentEventStreams';
import { registerAgentRoutes, type CustomerFollowUp } from './agentRoutes';
import { TokenBucketLimiter } from './rateLimiter';
import { unlimited, type RequestLimiter } from '../rateLimit/requestLimiter';
import type { Clock } from '../../clock';

export interface AgentApiDeps {
  readonly config: Pick<
    AppConfig,
    'AGENT_RATE_LIMIT_PER_SECOND' | 'AGENT_RATE_LIMIT_BURST' | 'AGENT_SSE_HEARTBEAT_SECONDS' | 'AGENT_PRESENCE_TTL_SECONDS' | 'AGENT_READ_AFTER_RELEASE_SECONDS'
  >;
  readonly desk: AgentDesk;
  readonly agents: Pick<AgentDirectory, 'authenticate'>;
  readonly records: Pick<HandoffStore, 'getRecord' | 'listCallbacks'>;
  readonly transcripts: TranscriptStore;
  readonly audit: ViewAuditLog;
  /** Opens the sealed words as written of transcripts; without it every view shows them redacted. */
  readonly sealer?: TextSealer;
  readonly bus: Pick<HandoffEventBus, 'subscribe' | 'ready'>;
  readonly followUps: CustomerFollowUp;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** The per-agent budget shared by every process (createRateLimits); none when omitted. */
  readonly sharedLimiter?: RequestLimiter;
}

export interface AgentApi {
  readonly routes: RouteModule[];
  readonly streams: AgentEventStreams;
  readonly limiter: TokenBucketLimiter;
  /** Ends open event streams (shutdown), so the HTTP server can close. */
  close(): void;
}

/** The agent API for the composition root: routes, the SSE streams it keeps, and its rate limiter. */
export function createAgentApi(deps: AgentApiDeps): AgentApi {
  const { config } = deps;
  const limiter = new TokenBucketLimiter({
    perSecond: config.AGENT_RATE_LIMIT_PER_SECOND,
    burst: config.AGENT_RATE_LIMIT_BURST,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const keepAliveMs = config.AGENT_SSE_HEARTBEAT_SECONDS * 1000;
  const streams = new AgentEventStreams(
    { bus: deps.bus, heartbeat: (agent) => deps.desk.heartbeat(agent), logger: deps.logger },
    // Presence must be renewed well within its TTL even when keep-alives are rare.
    { keepAliveMs, presenceMs: Math.min(keepAliveMs, (config.AGENT_PRESENCE_TTL_SECONDS * 1000) / 3) },
  );
  const routes: RouteModule[] = [
    (server) =>
      registerAgentRoutes(server, {
        desk: deps.desk,
        agents: deps.agents,
        records: deps.records,
        transcripts: deps.transcripts,
        audit: deps.audit,
        ...(deps.sealer ? { sealer: deps.sealer } : {}),
        followUps: deps.followUps,
        streams,
        limiter,
        sharedLimiter: deps.sharedLimiter ?? unlimited,
        logger: deps.logger,
        readAfterReleaseMs: config.AGENT_READ_AFTER_RELEASE_SECONDS * 1000,
        clock: deps.clock ?? Date.now,
      }),
  ];
  return { routes, streams, limiter, close: () => streams.closeAll() };
}
