import type { Entity } from '../types';

/** An entity proposed by one extractor; `priority` settles overlaps (lower wins). */
export interface Candidate extends Entity {
  readonly priority: number;
}

/** Overlap priorities: structured identifiers beat free-form dates. */
export const Priority = { email: 0, orderNumber: 1, memberId: 2, dateOfBirth: 3, phone: 4, date: 5 } as const;

/** Keeps the best non-overlapping candidates (priority, then longer span), sorted by start. */
export function resolveOverlaps(candidates: readonly Candidate[]): Entity[] {
  const ranked = [...candidates].sort(
    (a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ type, text, start, end, value }) => ({ type, text, start, end, value }));
}

/** Text within `chars` before `start`, lower-cased, for context-word checks. */
export function textBefore(text: string, start: number, chars: number): string {
  return text.slice(Math.max(0, start - chars), start).toLowerCase();
}
