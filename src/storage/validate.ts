import { TandemError } from '../errors';

/** Throws BAD_REQUEST unless `value` is a non-empty string. */
export function requireId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TandemError('BAD_REQUEST', `${what} must be a non-empty string`);
  return value;
}

/** Throws BAD_REQUEST unless `value` is a finite number within [min, max]. */
export function requireNumber(value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TandemError('BAD_REQUEST', `${what} must be a number from ${min} to ${max}`);
  }
  return value;
}
