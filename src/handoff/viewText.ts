import { redactPii, type PiiKind } from '../privacy/redactPii';
import { ViewLevel } from './conversationAccess';

/**
 * What the handling agent needs to do the job: who the customer is and how to reach them. Card
 * numbers and SSNs are never kept by redactPii; member ids and dates of birth stay masked here.
 */
export const taskViewKeeps: readonly PiiKind[] = ['name', 'email', 'phone', 'address', 'postcode'];

const byLevel: Readonly<Record<ViewLevel, (text: string) => string>> = {
  clear: (text) => text,
  task: (text) => redactPii(text, { keep: taskViewKeeps }),
  redacted: (text) => redactPii(text),
};

/** A text as one view level shows it. */
export function textForView(level: ViewLevel, text: string): string {
  return byLevel[level](text);
}
