import { TandemError } from '../errors';
import { ViewLevel } from './conversationAccess';
import type { HandoffNote, HandoffRecord } from './handoffStore';
import type { ConversationInsights, FormProgress, IntentPoint, LookupRecord, SentimentPoint, SlotValue } from './insights';
import type { HandoffReason, HandoffState, Priority } from './vocabulary';
import type { TranscriptLine } from './transcriptLine';
import { textForView } from './viewText';

export interface TranscriptPage {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** The next (older) page, or null on the oldest one. */
  readonly nextPage: number | null;
}

/** What an agent sees about a conversation (DESIGN §5), with PII redacted unless the role allows it. */
export interface ContextPack {
  readonly conversationId: string;
  readonly channelId: string;
  readonly state: HandoffState;
  readonly priority: Priority;
  readonly reason: HandoffReason;
  readonly reasonCodes: readonly HandoffReason[];
  readonly summary: string;
  readonly intents: readonly IntentPoint[];
  readonly sentiment: readonly SentimentPoint[];
  readonly frustrationReasons: readonly string[];
  readonly slots: Readonly<Record<string, SlotValue>>;
  readonly form: FormProgress | null;
  readonly lookups: readonly LookupRecord[];
  /** One page of the transcript, oldest first within the page; page 1 is the most recent. */
  readonly transcript: readonly TranscriptLine[];
  readonly transcriptPage: TranscriptPage;
  readonly notes: readonly HandoffNote[];
  readonly waitingSince: string | null;
  readonly assignedAgent: string | null;
  readonly handledTimes: number;
  /** False when personal data was redacted for this viewer. */
  readonly piiVisible: boolean;
  /** How much personal data this view shows (`clear`, `task` or `redacted`). */
  readonly viewLevel: ViewLevel;
}

export interface ContextPackInput {
  readonly record: HandoffRecord;
  readonly insights: ConversationInsights;
  /** The whole transcript, oldest first. */
  readonly transcript: readonly TranscriptLine[];
  readonly level: ViewLevel;
  readonly page?: number;
  readonly pageSize?: number;
}

export const defaultTranscriptPageSize = 50;
export const maxTranscriptPageSize = 200;

/** Slots whose names say they hold personal data are masked whole: a bare name has no pattern to find. */
const personalSlot = /name|birth|dob|email|phone|mobile|address|street|city|zip|postal|member|ssn|social|insurance|policy|card|account|contact/i;

const redactedSlot = '[redacted]';

function pageOf(transcript: readonly TranscriptLine[], page: number, pageSize: number) {
  if (!Number.isInteger(page) || page < 1) {
    throw new TandemError('UNPROCESSABLE', `page ${page}`, 'page must be a whole number from 1.');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxTranscriptPageSize) {
    throw new TandemError('UNPROCESSABLE', `pageSize ${pageSize}`, `pageSize must be a whole number from 1 to ${maxTranscriptPageSize}.`);
  }
  const total = transcript.length;
  const end = Math.max(0, total - (page - 1) * pageSize);
  const start = Math.max(0, end - pageSize);
  return { items: transcript.slice(start, end), nextPage: start > 0 ? page + 1 : null, total };
}

/** Builds the context pack at one view level; pure apart from the redaction it delegates to textForView. */
export function buildContextPack(input: ContextPackInput): ContextPack {
  const { record, insights } = input;
  const pageSize = input.pageSize ?? defaultTranscriptPageSize;
  const page = input.page ?? 1;
  const { items, nextPage, total } = pageOf(input.transcript, page, pageSize);
  const { level } = input;
  const piiVisible = level === ViewLevel.clear;
  const text = (t: string) => textForView(level, t);
  const slots = piiVisible
    ? { ...insights.slots }
    : Object.fromEntries(
        Object.entries(insights.slots).map(([k, v]) => [k, typeof v !== 'string' ? v : personalSlot.test(k) ? redactedSlot : text(v)]),
      );
  return {
    conversationId: record.conversationId,
    channelId: record.channelId,
    state: record.state,
    priority: record.priority,
    reason: record.reason,
    reasonCodes: [...record.reasonCodes],
    summary: text(record.summary),
    intents: [...insights.intents],
    sentiment: [...insights.sentiment],
    frustrationReasons: [...insights.frustrationReasons],
    slots,
    form: insights.form,
    lookups: insights.lookups.map((l) => ({ ...l, summary: text(l.summary) })),
    transcript: items.map(({ clearText, ...line }) => ({ ...line, text: text(clearText ?? line.text) })),
    transcriptPage: { page, pageSize, total, nextPage },
    notes: record.notes.map((n) => ({ ...n, text: text(n.text) })),
    waitingSince: record.waitingSince ?? null,
    assignedAgent: record.assignedAgent ?? null,
    handledTimes: record.handledTimes,
    piiVisible,
    viewLevel: level,
  };
}
