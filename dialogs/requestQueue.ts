import type { DialogContext } from 'botbuilder-dialogs';
import { IntentRole } from '../intents/schema';
import { EntityType, type Entity } from '../src/nlu/types';
import type { ClauseIntent } from './turnSignals';

/** A request put off until the one before it is done. Plain JSON: it is saved with the main dialog. */
export interface QueuedRequest {
  readonly text: string;
  readonly entities: readonly Entity[];
  /** Intent name; the main dialog routes it like any other. */
  readonly intent: string;
  /** How the user will recognise it ("book an appointment (tomorrow)"). */
  readonly title: string;
  /** Answered at once (the knowledge base), so it needs no "next". */
  readonly question: boolean;
}

interface QueueState {
  queued: QueuedRequest[];
  tasksStarted: number;
}

const stateKey = 'requestQueue';

/**
 * The requests of one message that wait their turn. Questions go first, since they are answered at
 * once; tasks follow in the order they were asked. Kept in the state of the dialog that owns `inner`.
 */
export class RequestQueue {
  private constructor(private readonly owner: Record<string, unknown>) {}

  /** The queue of the component whose inner dialog context is `inner` (nothing is stored until a request is added). */
  static of(inner: DialogContext): RequestQueue {
    return new RequestQueue((inner.parent?.activeDialog?.state as Record<string, unknown> | undefined) ?? {});
  }

  private get state(): QueueState {
    return (this.owner[stateKey] ??= { queued: [], tasksStarted: 0 }) as QueueState;
  }

  get isEmpty(): boolean {
    const state = this.owner[stateKey] as QueueState | undefined;
    return !state || state.queued.length === 0;
  }

  /** Queues the requests of a message, questions first. */
  add(requests: readonly ClauseIntent[]): void {
    const isQuestion = (r: ClauseIntent): boolean => r.intent.role === IntentRole.question;
    const ordered = [...requests.filter(isQuestion), ...requests.filter((r) => !isQuestion(r))];
    const sameTitle = new Set(ordered.map((r) => r.intent.label).filter((label, i, all) => all.indexOf(label) !== i));
    this.state.queued.push(
      ...ordered.map((r) => ({
        text: r.text,
        entities: r.entities,
        intent: r.intent.name,
        question: isQuestion(r),
        title: sameTitle.has(r.intent.label) ? `"${r.text.replace(/[.!?]+$/u, '')}"` : titleOf(r),
      })),
    );
  }

  /**
   * Queues a request a running task heard but does not handle itself ("refill my zoloft and lipitor": the second
   * medicine). It comes after the current task, which counts as the first one started, so it is introduced as "Next".
   */
  addAfterCurrent(request: QueuedRequest): void {
    if (this.state.queued.some((r) => r.intent === request.intent && r.text === request.text)) return;
    this.state.tasksStarted = Math.max(this.state.tasksStarted, 1);
    this.state.queued.push(request);
  }

  clear(): void {
    delete this.owner[stateKey];
  }

  take(): QueuedRequest | undefined {
    return this.isEmpty ? undefined : this.state.queued.shift();
  }

  /**
   * What to say before the task `next` begins: which comes next, or, for the first of several tasks,
   * that they will be taken one at a time. Nothing before a question, or before a lone task.
   */
  introduce(next: QueuedRequest): string | undefined {
    if (next.question) return undefined;
    const started = this.state.tasksStarted++;
    if (started > 0) return `Next: ${next.title}.`;
    const after = this.state.queued.filter((r) => !r.question);
    if (after.length === 0) return undefined;
    const then = after.map((r) => `then ${r.title}`).join(', ');
    return `You asked for ${after.length + 1} things, so I'll take them one at a time: first ${next.title}, ${then}.`;
  }
}

/** The intent's label, with the order numbers and dates that set this request apart. */
function titleOf(request: ClauseIntent): string {
  const label = request.intent.label.charAt(0).toLowerCase() + request.intent.label.slice(1);
  const details = request.entities
    .filter((e) => e.type === EntityType.orderNumber || e.type === EntityType.date || e.type === EntityType.dateTime)
    .map((e) => e.text);
  return details.length > 0 ? `${label} (${details.join(', ')})` : label;
}
