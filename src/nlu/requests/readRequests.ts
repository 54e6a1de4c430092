import { IntentRole, type IntentMetadata } from '../../../intents/schema';
import type { Entity, IntentPrediction } from '../types';
import { type Clause, splitClauses } from './splitClauses';

/** One request found in a message, understood on its own: its words, its entities and its intent. */
export interface ClauseRequest {
  /** The request's own words (a clause of the message, with any fragment that belongs to it). */
  readonly text: string;
  /** Entities of `text`, with offsets into `text`. */
  readonly entities: readonly Entity[];
  /** A clear prediction for `text`, or one torn between two questions (either is answered from the knowledge base). */
  readonly prediction: IntentPrediction & { readonly intent: string };
}

/** What a message asks for, clause by clause. */
export interface MessageRequests {
  /** The requests, in the order they were written. */
  readonly requests: readonly ClauseRequest[];
  /** How many clauses were pleasantries ("thanks", "hi") and were set aside. */
  readonly setAside: number;
}

/** What reading a clause needs from the NLU engine. */
export type ClauseUnderstander = (text: string) => { readonly text: string; readonly intent: IntentPrediction; readonly entities: readonly Entity[] };

/** A message cut into more clauses than this is prose, not a list of requests. */
const maxClauses = 6;
/** A bare noun phrase or order number that continues the request before it ("…a skin check and a follow-up"). */
const bareObject = /^(?:a|an|the|my|our|another|one more|order\b|TD-)/iu;
/** A clause that opens by refusing or denying ("no, I already registered") answers something; it asks for nothing. */
const denial = /^(?:no|nope|not|never|i (?:do not|don't|didn't|did not|already))\b/iu;
/** A short clause about "it" or "that" ("where is it?", "is that right?") leans on the clause before it. */
const leansBack = /^(?:\S+\s+){0,2}(?:it|that|this|they|them|those|these)\b(?:\s+\S+){0,2}[?.!]*$/iu;
/** Where a request's object starts; what comes before is the verb that a bare object borrows. */
const objectStart = /\b(?:a|an|the|my|our|another|one|order|TD-\d)/iu;

/** A clause put as a question: a question mark, or a question word first. */
const asksSomething = /\?\s*$|^(?:what|whats|when|where|wheres|which|who|whos|hows|whom|whose|why|how|do|does|did|is|are|was|were|can|could|will|would|should|may|am|have|has)\b/iu;

type ClauseKind = 'request' | 'pleasantry' | 'cancel' | 'fragment';

interface ReadClause extends Clause {
  readonly kind: ClauseKind;
  readonly prediction: IntentPrediction;
}

/**
 * Reads a message as a list of requests: cuts it into clauses, classifies each, sets pleasantries
 * aside, and joins a fragment ("zip 78704") to the request it belongs to, so an order number stays
 * with its own request. A bare object after a request ("book a skin check and a follow-up") is a
 * second request of the same kind. Undefined when the message is one clause, is prose, or tells the
 * bot to stop ("never mind…" is about the task at hand, not a list).
 */
export function readRequests(
  message: string,
  understand: ClauseUnderstander,
  intentOf: (intent: string) => Pick<IntentMetadata, 'role' | 'dialog'> | undefined,
): MessageRequests | undefined {
  const roleOf = (intent: string): IntentRole | undefined => intentOf(intent)?.role;
  const clauses = splitClauses(message);
  if (clauses.length < 2 || clauses.length > maxClauses) return undefined;
  const read: ReadClause[] = clauses.map((clause) => {
    const prediction = understand(clause.text).intent;
    const kind = kindOf(prediction, roleOf);
    // A single word ("insurence, do u take aetna") names a topic and a denial answers something: neither asks for anything.
    const asksNothing = denial.test(clause.text) || leansBack.test(clause.text) || clause.text.split(/\s+/u).length < 2;
    return { ...clause, prediction, kind: kind === 'request' && asksNothing ? 'fragment' : kind };
  });
  // A statement on a question's topic before a question ("I'm uninsured, how much is a visit?") is that question's context.
  read.forEach((clause, i) => {
    const next = read[i + 1];
    const role = clause.prediction.intent ? roleOf(clause.prediction.intent) : undefined;
    if (clause.kind === 'request' && role === IntentRole.question && !asksSomething.test(clause.text) && next && asksSomething.test(next.text)) {
      read[i] = { ...clause, kind: 'fragment' };
    }
  });
  if (read.some((c) => c.kind === 'cancel') || !read.some((c) => c.kind === 'request')) return undefined;

  const requests: Draft[] = [];
  const waiting: ReadClause[] = [];
  for (const clause of read) {
    const previous = requests.at(-1);
    if (clause.kind === 'pleasantry') continue;
    if (clause.kind === 'request') {
      requests.push({ start: Math.min(clause.start, ...waiting.map((w) => w.start)), end: clause.end, prediction: clause.prediction });
      waiting.length = 0;
    } else if (!previous) {
      waiting.push(clause);
    } else {
      const again = previous.text === undefined ? sameRequestAgain(message.slice(previous.start, previous.end), clause.text, previous.prediction, understand) : undefined;
      const previousRole = previous.prediction.intent ? roleOf(previous.prediction.intent) : undefined;
      if (again) requests.push({ start: clause.start, end: clause.end, prediction: again.intent, text: again.text });
      // A question the classifier can't place, after a question ("…and whats your phone number"), is one more
      // question for whoever answers the first.
      else if (clause.kind === 'fragment' && previousRole === IntentRole.question && asksSomething.test(clause.text) && clause.text.split(/\s+/u).length >= 3)
        requests.push({ start: clause.start, end: clause.end, prediction: previous.prediction });
      else previous.end = clause.end;
    }
  }
  return {
    setAside: read.filter((c) => c.kind === 'pleasantry').length,
    requests: joinDetails(requests, message, understand, intentOf).map((r) => {
      const understood = understand(r.text ?? message.slice(r.start, r.end));
      return { text: understood.text, entities: understood.entities, prediction: r.prediction as ClauseRequest['prediction'] };
    }),
  };
}

interface Draft {
  start: number;
  end: number;
  prediction: IntentPrediction;
  /** Words of a request put together from the clause before it ("book" + "a follow-up"); else the message's own span. */
  text?: string;
}

/**
 * Two neighbouring requests for the same task of which only one names anything ("where's my package?
 * order TD-100004") are one request told in two pieces.
 */
function joinDetails(
  drafts: readonly Draft[],
  message: string,
  understand: ClauseUnderstander,
  intentOf: (intent: string) => Pick<IntentMetadata, 'role' | 'dialog'> | undefined,
): Draft[] {
  const named = (d: Draft): boolean => understand(d.text ?? message.slice(d.start, d.end)).entities.length > 0;
  // Questions are answered one by one, whatever they name.
  const dialogOf = (d: Draft): string | undefined => {
    const intent = d.prediction.intent ? intentOf(d.prediction.intent) : undefined;
    return intent?.role === IntentRole.task ? intent.dialog : undefined;
  };
  const joined: Draft[] = [];
  for (const draft of drafts) {
    const previous = joined.at(-1);
    const task = previous ? dialogOf(previous) : undefined;
    if (previous && task !== undefined && task === dialogOf(draft) && named(previous) !== named(draft)) {
      joined[joined.length - 1] = { start: previous.start, end: draft.end, prediction: named(previous) ? previous.prediction : draft.prediction };
    } else {
      joined.push({ ...draft });
    }
  }
  return joined;
}

function kindOf(prediction: IntentPrediction, roleOf: (intent: string) => IntentRole | undefined): ClauseKind {
  // Torn between two questions ("do you take cigna": billing or insurance?), it is a question all the same.
  const questions =
    prediction.decision === 'ambiguous' && prediction.intent && prediction.runnerUp &&
    roleOf(prediction.intent) === IntentRole.question && roleOf(prediction.runnerUp.intent) === IntentRole.question;
  const role = (prediction.decision === 'clear' || questions) && prediction.intent ? roleOf(prediction.intent) : undefined;
  switch (role) {
    // "I need help" beside a request only says that the user wants something.
    case IntentRole.social:
    case IntentRole.help:
      return 'pleasantry';
    case IntentRole.cancel:
      return 'cancel';
    case undefined:
      return 'fragment';
    default:
      return 'request';
  }
}

/** "a follow-up" after "book a skin check" reads as "book a follow-up": a second request when it classifies the same. */
function sameRequestAgain(
  previous: string,
  fragment: string,
  prediction: IntentPrediction,
  understand: ClauseUnderstander,
): { text: string; intent: IntentPrediction } | undefined {
  if (!bareObject.test(fragment)) return undefined;
  const verb = previous.slice(0, objectStart.exec(previous)?.index ?? 0).trim();
  if (!verb) return undefined;
  const understood = understand(`${verb} ${fragment}`);
  return understood.intent.decision === 'clear' && understood.intent.intent === prediction.intent ? { text: understood.text, intent: understood.intent } : undefined;
}
