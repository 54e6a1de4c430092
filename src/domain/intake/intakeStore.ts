import type { IntakeKind, IntakeRecord, StoredIntakeRecord } from './intakeRecord';

export interface ListIntakeOptions {
  readonly kind?: IntakeKind;
  /** Default 50, at most 500. */
  readonly limit?: number;
}

/**
 * Completed intake forms, for staff to review. Records hold personal and health data: stores keep
 * them as given and never log them.
 */
export interface IntakeStore {
  /** Stores a new record and returns its id (records are never overwritten). */
  save(record: IntakeRecord): Promise<{ id: string }>;
  get(id: string): Promise<StoredIntakeRecord | undefined>;
  /** Newest first. */
  list(options?: ListIntakeOptions): Promise<StoredIntakeRecord[]>;
}

export const defaultIntakeListLimit = 50;
export const maxIntakeListLimit = 500;

export function clampIntakeLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? defaultIntakeListLimit), 1), maxIntakeListLimit);
}
