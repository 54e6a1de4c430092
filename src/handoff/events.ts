import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { EmergencyCategory } from '../nlu/types';
import { CallbackReason, Disposition, HandoffReason, HandoffState, Priority, valuesOf } from './vocabulary';

const priority = z.enum(valuesOf(Priority));
const reason = z.enum(valuesOf(HandoffReason));

const envelope = { conversationId: z.string().min(1), at: z.string().min(1) };

/** Every event the handoff machinery publishes, one schema per type; payloads are validated on receipt. */
export const handoffEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('queued'),
    ...envelope,
    data: z.object({ priority, reason, reasonCodes: z.array(reason), position: z.number().int().min(1), channelId: z.string() }),
  }),
  z.object({ type: z.literal('claimed'), ...envelope, data: z.object({ agentId: z.string(), fencingToken: z.number().int() }) }),
  z.object({
    type: z.literal('message'),
    ...envelope,
    data: z.object({
      from: z.enum(['user', 'agent']),
      text: z.string(),
      agentId: z.string().optional(),
      agentName: z.string().optional(),
      messageId: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('released'),
    ...envelope,
    data: z.object({ agentId: z.string(), disposition: z.enum(valuesOf(Disposition)), note: z.string().optional() }),
  }),
  z.object({
    type: z.literal('cancelled'),
    ...envelope,
    data: z.object({ by: z.literal('user'), previousState: z.enum(valuesOf(HandoffState)), previousAgent: z.string().optional() }),
  }),
  z.object({ type: z.literal('note'), ...envelope, data: z.object({ agentId: z.string(), text: z.string() }) }),
  z.object({
    type: z.literal('requeued'),
    ...envelope,
    data: z.object({
      cause: z.enum(['lease_expired', 'agent_requeue', 'hub_failed']),
      previousAgent: z.string().optional(),
      position: z.number().int().min(1).nullable(),
    }),
  }),
  z.object({
    type: z.literal('callback'),
    ...envelope,
    data: z.object({ ticketId: z.string(), reason: z.enum(valuesOf(CallbackReason)), priority }),
  }),
  z.object({
    type: z.literal('alert'),
    ...envelope,
    // Categories only: the customer's words travel in the `message` event, redacted per viewer.
    data: z.object({
      kind: z.literal('emergency'),
      categories: z.array(z.enum(valuesOf(EmergencyCategory))),
      state: z.enum([HandoffState.queued, HandoffState.assigned]),
      priority,
      previousPriority: priority,
      position: z.number().int().min(1).nullable(),
      assignedAgent: z.string().optional(),
    }),
  }),
]);

export type HandoffEvent = z.infer<typeof handoffEventSchema>;
export type HandoffEventOf<T extends HandoffEvent['type']> = Extract<HandoffEvent, { type: T }>;
export type HandoffListener = (event: HandoffEvent) => void;

/** Carries handoff events to every subscriber, in this process and (for Redis) in every other one. */
export interface HandoffEventBus {
  publish(event: HandoffEvent): Promise<void>;
  /** Returns the function that unsubscribes. A throwing listener never stops the others. */
  subscribe(listener: HandoffListener): () => void;
  /** Resolves once events published from now on will reach this bus's subscribers. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Calls each listener, isolating failures; `onError` learns about them. */
export function deliverToListeners(listeners: Iterable<HandoffListener>, event: HandoffEvent, onError: (error: unknown) => void): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      onError(error);
    }
  }
}

/** In-process event bus (one process, development and tests). */
export class MemoryHandoffEventBus implements HandoffEventBus {
  private readonly emitter = new EventEmitter();
  private readonly listeners = new Set<HandoffListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {
    this.emitter.on('event', (event: HandoffEvent) => deliverToListeners([...this.listeners], event, this.onListenerError));
  }

  async publish(event: HandoffEvent): Promise<void> {
    // Validate like the Redis bus does, so a bad event fails the same way in both.
    const parsed = handoffEventSchema.parse(event);
    this.emitter.emit('event', parsed);
  }

  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners.clear();
    this.emitter.removeAllListeners();
  }
}
