import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Keeps a text unreadable at rest and gives it back to whoever holds the key. */
export interface TextSealer {
  /** `context` (e.g. the conversation id) is bound to the result: it opens only with the same context. */
  seal(text: string, context: string): string;
  /** The text, or undefined when `sealed` was not sealed with this key and context (or was altered). */
  open(sealed: string, context: string): string | undefined;
}

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

/** AES-256-GCM with a random 96-bit IV per text; the result is `v1.<base64 of iv | tag | ciphertext>`. */
export class AesGcmSealer implements TextSealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  }

  /** A key that lives and dies with this process. */
  static ephemeral(): AesGcmSealer {
    return new AesGcmSealer(randomBytes(32));
  }

  seal(text: string, context: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string, context: string): string | undefined {
    if (!sealed.startsWith(`${version}.`)) return undefined;
    const raw = Buffer.from(sealed.slice(version.length + 1), 'base64');
    if (raw.length < ivBytes + tagBytes) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, ivBytes));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
    } catch {
      // Another key (rotated or from another deployment) or an altered value: nothing to show in clear.
      return undefined;
    }
  }
}
