import type { Middleware, TurnContext } from 'botbuilder';
import { TandemError } from '../../errors';
import { DedupeStatus, type DedupeStore } from '../../storage/ports';
import { turnLogger } from '../turnLogger';

export interface DedupeOptions {
  /** How long a completed activity is remembered (DEDUPE_TTL_SECONDS). */
  readonly ttlSeconds: number;
  /** How long a running turn holds its activity before a retry may take over (DEDUPE_LEASE_MS); renewed while it runs. */
  readonly leaseMs: number;
}

/**
 * The dedupe key of an activity: channel, conversation and activity id, each escaped so that no
 * separator inside one part can make two different activities share a key.
 */
export function dedupeKey(channelId: string, conversationId: string, activityId: string): string {
  return [channelId, conversationId, activityId].map((part) => encodeURIComponent(part)).join(':');
}

/**
 * Exactly-once turns (DESIGN §3 step 2). The activity is leased while its turn runs and marked done
 * only when the turn completed: a channel's retry after a crash is processed once the lease runs
 * out, a retry of a finished turn is ignored, and a retry that arrives while the turn still runs is
 * refused as retryable (TURN_IN_PROGRESS, 503) rather than answered twice or dropped.
 */
export class DedupeMiddleware implements Middleware {
  constructor(
    private readonly dedupe: DedupeStore,
    private readonly options: DedupeOptions,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (!id) return next();
    const key = dedupeKey(channelId ?? '', conversation?.id ?? '', id);
    const begun = await this.dedupe.begin(key, this.options.leaseMs);
    if (begun.status === DedupeStatus.done) {
      turnLogger(context)?.info('duplicate activity ignored');
      return;
    }
    if (begun.status === DedupeStatus.inProgress) {
      turnLogger(context)?.info('duplicate of an activity still in progress refused');
      throw new TandemError('TURN_IN_PROGRESS', 'the same activity is being processed by another turn');
    }
    const stopRenewing = this.keepLeased(context, key, begun.token);
    try {
      await next();
    } catch (error) {
      stopRenewing();
      // Once the customer has heard something, a retry would say it twice: the turn counts as done.
      if (context.responded) await this.markDone(context, key);
      else await this.dedupe.abandon(key, begun.token).catch(() => undefined);
      throw error;
    }
    stopRenewing();
    await this.markDone(context, key);
  }

  private keepLeased(context: TurnContext, key: string, token: string): () => void {
    const timer = setInterval(() => {
      this.dedupe.renew(key, token, this.options.leaseMs).catch((error: unknown) => {
        turnLogger(context)?.warn({ err: error }, 'could not renew the dedupe lease');
      });
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    timer.unref();
    return () => clearInterval(timer);
  }

  private async markDone(context: TurnContext, key: string): Promise<void> {
    try {
      await this.dedupe.complete(key, this.options.ttlSeconds);
    } catch (error) {
      // The turn's work is done and answered; failing it now would only add an apology. The lease
      // runs out and a retry, if the channel sends one, is processed again (at least once beats never).
      turnLogger(context)?.warn({ err: error }, 'could not mark the activity done');
    }
  }
}
