/** Who said a transcript line. */
export const transcriptSpeakers = ['user', 'bot', 'agent'] as const;
export type TranscriptSpeaker = (typeof transcriptSpeakers)[number];

/**
 * One message of a conversation, oldest first, as the agent's context pack and the handoff summary read it.
 * Read from the transcript store (`src/storage/transcriptLines.ts`), which keeps it PII-redacted.
 */
export interface TranscriptLine {
  readonly from: TranscriptSpeaker;
  /** As stored for every audience: redacted. */
  readonly text: string;
  /** ISO 8601 time of the message. */
  readonly at: string;
  /** The human agent's display name, when `from` is 'agent'. */
  readonly agentName?: string;
  /** The words as written, when they differ from `text` and could be recovered (decrypted) for this view. */
  readonly clearText?: string;
  /** NLU intent of a user line, when known (e.g. `order.check_status`). */
  readonly intent?: string;
}
