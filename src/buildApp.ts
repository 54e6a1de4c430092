import type { Server } from 'restify';
import { createAdapter, type TandemAdapter } from './bot/createAdapter';
import { createTandemBot } from './bot/createTandemBot';
import { HandoffStatusHandler } from './bot/handoff/handoffStatusHandler';
import { CustomerFollowUps } from './bot/handoff/customerFollowUps';
import { ServiceHandoffGateway } from './bot/handoff/serviceHandoffGateway';
import { ServiceHumanSide } from './bot/handoff/serviceHumanSide';
import { cancelReader } from './bot/cancelReader';
import { installMiddleware } from './bot/installMiddleware';
import type { TandemBot } from './bot/tandemBot';
import type { AppConfig } from './config';
import { createAgentApi, type AgentApi } from './http/agent/createAgentApi';
import { createServer, type RouteModule } from './http/createServer';
import { webChatChannelId } from './http/directline/directLineActivity';
import { isConversationId } from './http/directline/directLineChannel';
import { InflightTracker, trackRequests } from './http/inflight';
import { createRateLimits } from './http/rateLimit/rateLimits';
import { AgentDirectory } from './handoff/agents';
import { BusinessCalendar } from './handoff/businessCalendar';
import { createHandoffServices, type HandoffServices } from './handoff/createHandoffServices';
import { handoffConfigFrom } from './handoff/handoffCore';
import type { SweepResult } from './handoff/queueSweep';
import { policyConfigFrom } from './handoff/policy';
import { startHandoffSweeper } from './handoff/sweeper';
import { createCorpusUnderstanding } from './nlu/corpusUnderstanding';
import type { Logger } from './observability/logger';
import { createMetrics, type Metrics } from './observability/metrics';
import { createStatePorts, redisTargetOf, type ChosenStatePorts } from './storage/createStatePorts';
import type { HandoffPorts } from './storage/statePorts';
import { agentPageRoutes } from './web/agentPageRoutes';
import { createWebChat } from './web/createWebChat';
import type { DirectLineStore } from './storage/directline/directLineStore';
import { createDomainServices } from './domain/createDomainServices';
import { createLlmServices } from './llm/createLlmServices';
import { createTranscriptSealer } from './privacy/createTranscriptSealer';
import { type Clock, dateClockOf } from './clock';

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly adapter: TandemAdapter;
  readonly bot: TandemBot;
  /** Every stateful port, memory or Redis (one server or a cluster), from `createStatePorts`. */
  readonly backend: ChosenStatePorts;
  readonly handoff: HandoffServices;
  readonly handoffPorts: HandoffPorts;
  readonly agents: AgentDirectory;
  /** Where every customer follow-up of the handoff starts (notices, the bot's part of a release). */
  readonly followUps: CustomerFollowUps;
  /** One sweep of the handoff queue, its notices delivered (the sweeper timer runs it too). */
  sweepHandoffs(now?: number): Promise<SweepResult>;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  readonly agentApi: AgentApi;
  /** Web chat conversations and their history (memory or Redis, like every other store). */
  readonly directLineStore: DirectLineStore;
  /** Stops timers and closes connections; the HTTP server is closed by the caller. */
  close(): Promise<void>;
}

export interface BuildOptions {
  readonly logger: Logger;
  /** Where the trained intent model is cached; defaults to .cache/nlu. */
  readonly nluCacheDir?: string;
  readonly collectDefaultMetrics?: boolean;
  /** Injected clock (tests): handoff timing, business hours, NLU dates, dialogs and domain services all read it. */
  readonly clock?: Clock;
}

/** The composition root: every dependency is built here and injected, nothing constructs its own. */
export function buildApp(config: AppConfig, options: BuildOptions): App {
  const { logger } = options;
  const metrics = createMetrics({ collectDefaults: options.collectDefaultMetrics ?? false });
  const sealer = createTranscriptSealer(config, { shared: redisTargetOf(config) !== undefined }, logger);
  const clock = options.clock;
  const backend = createStatePorts(config, { logger, ...(clock ? { clock } : {}), ...(sealer ? { sealer } : {}) });
  const understanding = createCorpusUnderstanding({
    maxChars: config.MAX_MESSAGE_CHARS,
    ...(options.nluCacheDir ? { cacheDir: options.nluCacheDir } : {}),
  });
  const agents = AgentDirectory.fromConfig(config);
  const adapter = createAdapter(config, logger, metrics);

  const now = clock ? dateClockOf(clock) : undefined;
  const domain = createDomainServices({ stores: backend.domainStores, ...(now ? { now } : {}) });
  const calendar = BusinessCalendar.fromConfig(config);
  // Without LLM_PROVIDER the null client answers from the knowledge base and summarises extractively.
  const llm = createLlmServices(config, domain.knowledge);
  const handoffPorts = backend.handoff;
  const handoff = createHandoffServices({
    ...handoffPorts,
    calendar,
    config: handoffConfigFrom(config),
    agentName: (id) => agents.get(id)?.name,
    metrics,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  const bot = createTandemBot({
    storage: backend.storage,
    understanding,
    dialogDeps: {
      handoff: new ServiceHandoffGateway({
        service: handoff.customer,
        references: backend.references,
        transcripts: backend.transcripts,
        summarize: async (lines) => (await llm.summarizer.summarize(lines)).text,
      }),
      domain,
      defaultTimeZone: config.DEFAULT_TIMEZONE,
      maxFieldFailures: config.HANDOFF_FIELD_FAILURES,
      businessCalendar: calendar,
      refillReplyBusinessDays: config.REFILL_REPLY_BUSINESS_DAYS,
      // FAQ answers go through the grounded answerer only when a model is configured.
      ...(config.LLM_PROVIDER === 'none' ? {} : { answerer: llm.answerer }),
    },
    policy: policyConfigFrom(config),
    recorder: {
      appendInsight: (conversationId, insight) => handoffPorts.insights.append(conversationId, insight),
      recordCsat: async (conversationId, score) => {
        await handoff.customer.recordCsat(conversationId, score);
      },
    },
    defaultTimezone: config.DEFAULT_TIMEZONE,
    ...(now ? { now } : {}),
    onHandoffStatus: (context, target) => handoffStatus.handle(context, target),
  });
  const followUps = new CustomerFollowUps({ adapter, references: backend.references, appId: config.MICROSOFT_APP_ID, bot, logger });
  const handoffStatus = new HandoffStatusHandler({
    hub: handoff.hub,
    customer: handoff.customer,
    followUps,
    records: handoffPorts.store,
    agentsOnline: async () => (await handoffPorts.presence.online()).length,
    untrustedChannels: [webChatChannelId],
    logger,
  });

  installMiddleware(
    adapter,
    {
      logger,
      backend,
      humans: new ServiceHumanSide(handoff.customer),
      screen: (text) => understanding.nlu.screen(text),
      readsAsCancel: cancelReader(understanding.nlu, understanding.intents, config.DEFAULT_TIMEZONE),
    },
    {
      dedupe: { ttlSeconds: config.DEDUPE_TTL_SECONDS, leaseMs: config.DEDUPE_LEASE_MS },
      lock: { ttlMs: config.CONVERSATION_LOCK_TTL_MS, waitMs: config.CONVERSATION_LOCK_WAIT_MS },
    },
  );

  const inflight = new InflightTracker();
  const limits = createRateLimits(config, backend.requestLimiters);
  const webChat = createWebChat({ config, store: backend.directLine, signal: backend.directLineSignal, adapter, bot, logger, metrics, inflight, limits });
  const agentApi = createAgentApi({
    config,
    sharedLimiter: limits.agentRequests,
    desk: handoff.desk,
    agents,
    records: handoffPorts.store,
    transcripts: backend.transcripts,
    audit: handoffPorts.viewAudit,
    ...(sealer ? { sealer } : {}),
    bus: handoffPorts.bus,
    followUps,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const routes: RouteModule[] = [...webChat.routes, ...agentApi.routes, agentPageRoutes()];
  const server = createServer({
    adapter,
    bot,
    logger,
    metrics,
    inflight,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxJsonDepth: config.MAX_JSON_DEPTH,
    idleSocketTimeoutMs: config.HTTP_IDLE_SOCKET_TIMEOUT_SECONDS * 1000,
    limits,
    channelTrust: {
      ...(config.HANDOFF_HUB_TOKEN !== undefined ? { hubToken: config.HANDOFF_HUB_TOKEN } : {}),
      hubAppIds: config.HANDOFF_HUB_APP_IDS,
      channelOf: async (conversationId) => {
        if (isConversationId(conversationId) && (await webChat.store.get(conversationId))) return webChatChannelId;
        return handoffPorts.store.channelOf(conversationId);
      },
      // Anonymous (no MICROSOFT_APP_ID): nobody vouches for an activity's serviceUrl, so it may not move a known conversation.
      ...(config.MICROSOFT_APP_ID === '' ? { serviceUrlOf: async (conversationId: string) => (await backend.references.get(conversationId))?.serviceUrl } : {}),
    },
    ready: () => backend.ping(),
    routes,
  });

  // Agent API calls in flight finish at SIGTERM like turns do; the event stream is long-lived and closed instead.
  trackRequests(server.server, inflight, (_method, url) => url.startsWith('/api/agent/') && !url.startsWith('/api/agent/events'));

  const sweepHandoffs = async (now?: number): Promise<SweepResult> => {
    const result = await handoff.sweep.sweep(now);
    await followUps.deliver(result.notices);
    return result;
  };
  const stopSweeper = startHandoffSweeper({ sweep: () => sweepHandoffs() }, config.HANDOFF_SWEEP_INTERVAL_SECONDS * 1000, logger);

  return {
    config,
    server,
    adapter,
    bot,
    backend,
    handoff,
    handoffPorts,
    agents,
    followUps,
    sweepHandoffs,
    metrics,
    inflight,
    agentApi,
    directLineStore: webChat.store,
    close: async () => {
      agentApi.close();
      await webChat.directLine.close();
      await stopSweeper();
      await backend.close();
    },
  };
}
