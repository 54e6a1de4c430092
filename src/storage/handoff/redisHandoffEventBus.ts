import type { RedisConnection } from '../redis/redisConnection';
import { deliverToListeners, handoffEventSchema, type HandoffEvent, type HandoffEventBus, type HandoffListener } from '../../handoff/events';
import type { Logger } from '../../observability/logger';
import { runRedis } from '../redis/runRedis';

/**
 * Handoff events over Redis pub/sub, so an agent console connected to one process sees what happens
 * in every other. Publishing uses the command connection; receiving needs its own subscriber
 * connection. Each received payload is parsed and validated; invalid ones are dropped and logged.
 */
export class RedisHandoffEventBus implements HandoffEventBus {
  private readonly listeners = new Set<HandoffListener>();
  private subscribed: Promise<void> | null = null;
  private readonly onMessage = (channel: string, payload: string) => {
    if (channel !== this.channel) return;
    let event: HandoffEvent;
    try {
      event = handoffEventSchema.parse(JSON.parse(payload));
    } catch (error) {
      this.logger?.warn({ err: error, channel }, 'dropped an invalid handoff event');
      return;
    }
    deliverToListeners([...this.listeners], event, (err) => this.logger?.error({ err }, 'handoff event listener failed'));
  };

  constructor(
    private readonly publisher: RedisConnection,
    private readonly subscriber: RedisConnection,
    private readonly channel: string,
    private readonly logger?: Logger,
  ) {}

  async publish(event: HandoffEvent): Promise<void> {
    const payload = JSON.stringify(handoffEventSchema.parse(event));
    await runRedis(this.publisher, () => this.publisher.publish(this.channel, payload));
  }

  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    void this.ready().catch((err: unknown) => this.logger?.error({ err }, 'handoff event subscription failed'));
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once the subscriber connection listens on the channel (events published before are missed). */
  ready(): Promise<void> {
    if (!this.subscribed) {
      this.subscriber.on('message', this.onMessage);
      this.subscribed = this.subscriber.subscribe(this.channel).then(() => undefined);
      this.subscribed.catch(() => {
        this.subscribed = null;
      });
    }
    return this.subscribed;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.off('message', this.onMessage);
    if (this.subscribed) {
      await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
      this.subscribed = null;
    }
  }
}
