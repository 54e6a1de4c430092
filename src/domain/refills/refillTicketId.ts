import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "RX-" + 10 random base-32 characters: short enough to read out on the phone, too many to guess. */
export function newRefillTicketId(): string {
  return `RX-${Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}
