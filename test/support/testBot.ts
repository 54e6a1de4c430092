import { type Activity, TestAdapter, type TurnContext } from 'botbuilder';
import type { HandoffGateway, HandoffOutcome } from '../../dialogs/handoffGateway';
import type { CallbackContact } from '../../src/handoff/callbackContact';
import type { HumanSide } from '../../src/bot/humanSide';
import type { ConversationRecorder, TandemBot } from '../../src/bot/tandemBot';
import type { TurnInsight } from '../../src/handoff/insights';
import { cancelReader } from '../../src/bot/cancelReader';
import { createTandemBot, type BotWiring } from '../../src/bot/createTandemBot';
import { installMiddleware } from '../../src/bot/installMiddleware';
import { loadConfig } from '../../src/config';
import { createDomainServices } from '../../src/domain/createDomainServices';
import { policyConfigFrom } from '../../src/handoff/policy';
import type { HandoffDecision } from '../../src/handoff/policy';
import { createCorpusUnderstanding, type CorpusUnderstanding } from '../../src/nlu/corpusUnderstanding';
import { silentLogger } from '../../src/observability/logger';
import { createStatePorts } from '../../src/storage/createStatePorts';
import type { StateBackend } from '../../src/storage/ports';
import { TestClock } from './testClock';

let shared: CorpusUnderstanding | undefined;

/** The corpus engine is trained once per test file (it is deterministic and read-only). */
export function testUnderstanding(): CorpusUnderstanding {
  shared ??= createCorpusUnderstanding({ maxChars: 4000, cacheDir: '.cache/nlu' });
  return shared;
}

/** A HandoffGateway that records what the dialogs asked for and answers like a queue with room. */
export class RecordingHandoffGateway implements HandoffGateway {
  readonly requests: { conversationId: string; decision: HandoffDecision }[] = [];
  readonly callbacks: CallbackContact[] = [];

  constructor(private readonly outcome: HandoffOutcome['outcome'] = 'queued') {}

  async request(context: TurnContext, decision: HandoffDecision): Promise<HandoffOutcome> {
    this.requests.push({ conversationId: context.activity.conversation.id, decision });
    if (this.outcome === 'queued') await context.sendActivity("You're number 1 in the queue.");
    return {
      outcome: this.outcome,
      needsContact: this.outcome === 'callback',
      customerMessage: this.outcome === 'queued' ? "You're number 1 in the queue." : 'Nobody is available right now.',
    };
  }

  async scheduleCallback(_context: TurnContext, contact: CallbackContact): Promise<string> {
    this.callbacks.push(contact);
    return "We'll contact you within one business day.";
  }
}

/** A HumanSide where no human ever owns the conversation. */
export const botOnly: HumanSide = {
  isHumanOwned: async () => false,
  ownerOf: async () => 'bot',
  raiseEmergency: async () => undefined,
  withdrawEmergency: async () => undefined,
  forwardUserMessage: async () => undefined,
  queueStatus: async () => '',
  cancelWaiting: async () => '',
};

/** Keeps what the bot recorded, so tests can assert on insights and CSAT. */
export class RecordingRecorder implements ConversationRecorder {
  readonly insights: { conversationId: string; insight: TurnInsight }[] = [];
  readonly csat: { conversationId: string; score: number }[] = [];

  async appendInsight(conversationId: string, insight: TurnInsight): Promise<void> {
    this.insights.push({ conversationId, insight });
  }

  async recordCsat(conversationId: string, score: number): Promise<void> {
    this.csat.push({ conversationId, score });
  }
}

export interface TestBot {
  readonly adapter: TestAdapter;
  readonly bot: TandemBot;
  readonly backend: StateBackend;
  readonly handoff: HandoffGateway;
  readonly recorder: RecordingRecorder;
}

/**
 * The real TandemBot, the real NLU and the real middleware on botbuilder's TestAdapter, with
 * in-memory state. Pass your own ports to test handoff paths.
 */
export function createTestBot(
  options: {
    handoff?: HandoffGateway;
    humans?: HumanSide;
    backend?: StateBackend;
    recorder?: RecordingRecorder | undefined;
    adapterClass?: typeof TestAdapter;
    dialogDeps?: Partial<BotWiring['dialogDeps']>;
    env?: NodeJS.ProcessEnv;
    /** The one clock of NLU, dialogs and (default) domain services. Default: fixed at `testNow`. */
    now?: () => Date;
  } = {},
): TestBot {
  const config = loadConfig(options.env ?? {});
  const backend = options.backend ?? createStatePorts(config, { logger: silentLogger });
  const handoff = options.handoff ?? new RecordingHandoffGateway();
  const recorder = options.recorder ?? new RecordingRecorder();
  const now = options.now ?? new TestClock().now;
  const bot = createTandemBot({
    storage: backend.storage,
    understanding: testUnderstanding(),
    dialogDeps: { handoff, domain: createDomainServices({ now }), ...options.dialogDeps } as BotWiring['dialogDeps'],
    policy: policyConfigFrom(config),
    recorder,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    now,
  });
  const AdapterClass = options.adapterClass ?? TestAdapter;
  const conversation = { id: `conv-${Math.random().toString(36).slice(2)}` } as Activity['conversation'];
  const adapter = new AdapterClass(async (context) => bot.run(context), { channelId: 'test', conversation });
  adapter.conversation.conversation = conversation;
  adapter.conversation.channelId = 'test';
  installMiddleware(
    adapter,
    {
      logger: silentLogger,
      backend,
      humans: options.humans ?? botOnly,
      screen: (text) => testUnderstanding().nlu.screen(text),
      readsAsCancel: cancelReader(testUnderstanding().nlu, testUnderstanding().intents, config.DEFAULT_TIMEZONE),
    },
    { dedupe: { ttlSeconds: 60, leaseMs: 10_000 }, lock: { ttlMs: 5000, waitMs: 5000 } },
  );
  return { adapter, bot, backend, handoff, recorder };
}
