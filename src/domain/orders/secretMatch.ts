import { createHash, timingSafeEqual } from 'node:crypto';

/** Lower-case and drop whitespace, so " Ann.Lee@Example.COM " and "ann.lee@example.com" compare equal. */
export function normalizeSecret(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const digest = (value: string): Buffer => createHash('sha256').update(normalizeSecret(value)).digest();

/**
 * Compares two secrets in time independent of where they differ: both sides are hashed to equal-length
 * digests before `timingSafeEqual`, so neither length nor content leaks through timing.
 */
export function secretsMatch(supplied: string, expected: string): boolean {
  return timingSafeEqual(digest(supplied), digest(expected));
}
