import type { RedisConnection } from '../redis/redisConnection';
import type { Logger } from '../../observability/logger';
import { type DirectLineSignal, SignalListeners } from './directLineSignal';

/**
 * The cross-process twin: one pub/sub channel for every web chat conversation (the payload is the
 * conversation id), so a reply appended by any process reaches the process that holds the page's stream.
 * Publishing uses the command connection; receiving needs its own subscriber connection.
 */
export class RedisDirectLineSignal implements DirectLineSignal {
  private readonly listeners = new SignalListeners();
  private subscribed: Promise<unknown> | null = null;
  private readonly onMessage = (channel: string, conversationId: string) => {
    if (channel === this.channel && this.listeners.has(conversationId)) this.listeners.fire(conversationId);
  };

  constructor(
    private readonly publisher: RedisConnection,
    private readonly subscriber: RedisConnection,
    private readonly channel: string,
    private readonly logger?: Logger,
  ) {}

  notify(conversationId: string): void {
    this.publisher.publish(this.channel, conversationId).catch((err: unknown) => this.logger?.warn({ err }, 'web chat signal not published'));
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    void this.ready();
    return this.listeners.add(conversationId, listener);
  }

  /** Resolves once the subscriber connection listens (signals published before are missed; streams catch up on their tick). */
  ready(): Promise<unknown> {
    if (!this.subscribed) {
      this.subscriber.on('message', this.onMessage);
      this.subscribed = this.subscriber.subscribe(this.channel).catch((err: unknown) => {
        this.subscribed = null;
        this.logger?.error({ err }, 'web chat signal subscription failed');
      });
    }
    return this.subscribed;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.off('message', this.onMessage);
    if (this.subscribed) {
      this.subscribed = null;
      await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
    }
  }
}
