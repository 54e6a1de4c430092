import { randomBytes } from 'node:crypto';

/** "INT-" + 12 random base-32 characters: unguessable, so an id alone does not expose a neighbour's record. */
export function newIntakeId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `INT-${Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}
