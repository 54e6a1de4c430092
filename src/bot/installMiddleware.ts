import type { BotAdapter } from 'botbuilder';
import type { Logger } from '../observability/logger';
import type { StateBackend } from '../storage/ports';
import type { CancelReader } from './cancelReader';
import type { HumanSide } from './humanSide';
import { ConversationLockMiddleware } from './middleware/conversationLockMiddleware';
import { type DedupeOptions, DedupeMiddleware } from './middleware/dedupeMiddleware';
import { OutboundGuardMiddleware } from './middleware/outboundGuardMiddleware';
import { OwnershipGateMiddleware } from './middleware/ownershipGateMiddleware';
import { SafetyMiddleware, type SafetyScreen } from './middleware/safetyMiddleware';
import { TranscriptMiddleware } from './middleware/transcriptMiddleware';
import { TurnLoggerMiddleware } from './middleware/turnLoggerMiddleware';
import { TypingMiddleware } from './middleware/typingMiddleware';
import { TeamsEventFilterMiddleware } from './teams/teamsEventFilterMiddleware';
import { TeamsInboundMiddleware } from './teams/teamsInboundMiddleware';

export interface MiddlewareOptions {
  readonly dedupe: DedupeOptions;
  readonly lock: { ttlMs: number; waitMs: number };
}

/**
 * The turn pipeline of DESIGN §3, in order. The outbound guard is installed before the transcript
 * so that suppressed bot output is never recorded as said; Teams mentions are stripped before the
 * transcript and NLU see the text.
 */
export function installMiddleware(
  adapter: BotAdapter,
  deps: { logger: Logger; backend: StateBackend; humans: HumanSide; screen: SafetyScreen; readsAsCancel?: CancelReader },
  options: MiddlewareOptions,
): void {
  adapter
    .use(new TurnLoggerMiddleware(deps.logger))
    .use(new DedupeMiddleware(deps.backend.dedupe, options.dedupe))
    .use(new ConversationLockMiddleware(deps.backend.locks, options.lock))
    .use(new TeamsEventFilterMiddleware())
    .use(new OutboundGuardMiddleware(deps.humans))
    .use(new TeamsInboundMiddleware())
    .use(new TranscriptMiddleware(deps.backend.transcripts))
    .use(new SafetyMiddleware(deps.humans, deps.screen))
    .use(new OwnershipGateMiddleware(deps.humans, deps.readsAsCancel))
    .use(new TypingMiddleware(deps.humans));
}
