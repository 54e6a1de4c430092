import { ConversationState, UserState } from 'botbuilder';
import type { Server } from 'restify';
import { createDialogModules } from '../dialogs/createDialogModules';
import { MainDialog } from '../dialogs/mainDialog';
import { loadCorpus } from '../intents/loadCorpus';
import type { IntentMetadata } from '../intents/schema';
import { createAdapter, type TandemAdapter } from './bot/createAdapter';
import { ConversationLockMiddleware } from './bot/middleware/conversationLockMiddleware';
import { DedupeMiddleware } from './bot/middleware/dedupeMiddleware';
import { TranscriptMiddleware } from './bot/middleware/transcriptMiddleware';
import { TurnLoggerMiddleware } from './bot/middleware/turnLoggerMiddleware';
import { preemptionFromPolicy } from './bot/preemption';
import { TandemBot } from './bot/tandemBot';
import type { AppConfig } from './config';
import { createServer, type RouteModule } from './http/createServer';
import { InflightTracker } from './http/inflight';
import { policyConfigFrom } from './handoff/policy';
import { createNluEngine, initialFrustrationState, loadOrTrainCorpusClassifier, updateFrustration } from './nlu';
import type { Logger } from './observability/logger';
import { createMetrics, type Metrics } from './observability/metrics';
import { createStateBackend } from './storage/createStateBackend';
import type { StateBackend } from './storage/ports';

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly adapter: TandemAdapter;
  readonly bot: TandemBot;
  readonly backend: StateBackend;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  /** Stops timers and closes connections; the HTTP server is closed by the caller. */
  close(): Promise<void>;
}

export interface BuildOptions {
  readonly logger: Logger;
  /** Where the trained intent model is cached; defaults to .cache/nlu. */
  readonly nluCacheDir?: string;
  readonly collectDefaultMetrics?: boolean;
}

/** The composition root: every dependency is built here and injected, nothing constructs its own. */
export function buildApp(config: AppConfig, options: BuildOptions): App {
  const { logger } = options;
  const metrics = createMetrics({ collectDefaults: options.collectDefaultMetrics ?? false });
  const backend = createStateBackend({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });

  const corpus = loadCorpus();
  const intents = new Map<string, IntentMetadata>(corpus.intents.map(({ utterances: _u, tests: _t, ...meta }) => [meta.name, meta]));
  const classifier = loadOrTrainCorpusClassifier(corpus, options.nluCacheDir);
  const nlu = createNluEngine({ classifier, maxChars: config.MAX_MESSAGE_CHARS });

  let main: MainDialog | undefined;
  const modules = createDialogModules({ handoff: handoffGateway, capabilities: () => main?.capabilities() ?? '' });
  main = new MainDialog(modules, intents);

  const bot = new TandemBot({
    conversationState: new ConversationState(backend.storage),
    userState: new UserState(backend.storage),
    mainDialog: main,
    nlu,
    intents,
    frustration: { initial: initialFrustrationState, update: updateFrustration },
    preemption: preemptionFromPolicy(policyConfigFrom(config)),
    defaultTimezone: config.DEFAULT_TIMEZONE,
  });

  const adapter = createAdapter(config, logger, metrics);
  adapter.use(new TurnLoggerMiddleware(logger));
  adapter.use(new DedupeMiddleware(backend.dedupe, config.DEDUPE_TTL_SECONDS));
  adapter.use(
    new ConversationLockMiddleware(backend.locks, {
      ttlMs: config.CONVERSATION_LOCK_TTL_MS,
      waitMs: config.CONVERSATION_LOCK_WAIT_MS,
    }),
  );
  adapter.use(new TranscriptMiddleware(backend.transcripts));

  const inflight = new InflightTracker();
  const routes: RouteModule[] = [];
  const server = createServer({
    adapter,
    bot,
    logger,
    metrics,
    inflight,
    maxBodyBytes: config.MAX_BODY_BYTES,
    ready: () => backend.ping(),
    routes,
  });

  return {
    config,
    server,
    adapter,
    bot,
    backend,
    metrics,
    inflight,
    close: () => backend.close(),
  };
}
