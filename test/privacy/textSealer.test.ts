import { randomBytes } from 'node:crypto';
import { AesGcmSealer } from '../../src/privacy/textSealer';

describe('AesGcmSealer', () => {
  const sealer = new AesGcmSealer(randomBytes(32));
  const said = 'My SSN is 123-45-6789 and my card 4111 1111 1111 1111 — ünïcødé too';

  it('gives the text back to the same key and context, and never keeps it readable', () => {
    const sealed = sealer.seal(said, 'conv-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('6789');
    expect(Buffer.from(sealed.slice(3), 'base64').toString('latin1')).not.toContain('6789');
    expect(sealer.open(sealed, 'conv-1')).toBe(said);
  });

  it('seals the same text differently each time (random IV)', () => {
    expect(sealer.seal(said, 'conv-1')).not.toBe(sealer.seal(said, 'conv-1'));
  });

  it('opens nothing for another conversation, another key, an altered value or a foreign format', () => {
    const sealed = sealer.seal(said, 'conv-1');
    expect(sealer.open(sealed, 'conv-2')).toBeUndefined();
    expect(new AesGcmSealer(randomBytes(32)).open(sealed, 'conv-1')).toBeUndefined();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(sealer.open(`v1.${raw.toString('base64')}`, 'conv-1')).toBeUndefined();
    expect(sealer.open('v1.AAAA', 'conv-1')).toBeUndefined();
    expect(sealer.open('plain text', 'conv-1')).toBeUndefined();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new AesGcmSealer(randomBytes(16))).toThrow(/32-byte key/);
  });
});
