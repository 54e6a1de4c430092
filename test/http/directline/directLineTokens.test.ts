import { DirectLineTokens } from '../../../src/http/directline/directLineTokens';

const secret = 'unit-test-secret-unit-test-secret-123';

describe('DirectLineTokens', () => {
  let now = Date.parse('2025-06-01T12:00:00Z');
  const tokens = new DirectLineTokens({ secret, ttlSeconds: 1800, now: () => now });

  it('issues a token that verifies to its conversation, user and expiry until it expires', () => {
    const { token, expiresIn } = tokens.issue('conv1', 'dl_u1');
    expect(expiresIn).toBe(1800);
    expect(tokens.verify(token)).toEqual({ ok: true, claims: { conversationId: 'conv1', userId: 'dl_u1', expiresAt: now / 1000 + 1800 } });
    now += 1799_000;
    expect(tokens.verify(token).ok).toBe(true);
    now += 1000;
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects tampered, foreign and malformed tokens with a reason', () => {
    const { token } = tokens.issue('conv1', 'dl_u1');
    const [head, payload, signature] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ iss: 'tandem-directline', conv: 'conv2', user: 'dl_u1', iat: 0, exp: 4e9 })).toString('base64url');
    const foreign = new DirectLineTokens({ secret: `${secret}-other`, ttlSeconds: 1800 }).issue('conv1', 'dl_u1').token;
    expect(tokens.verify(`${head}.${otherPayload}.${signature}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(tokens.verify(foreign)).toEqual({ ok: false, reason: 'bad_signature' });
    const noneAlg = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const bad of ['', 'abc', `${head}.${payload}`, `${noneAlg}.${payload}.`, `${head}.${payload}.${signature}.x`, `${head}.${payload}.${signature}=`]) {
      expect(tokens.verify(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('recognises the secret in constant time, and never accepts a token as the secret', () => {
    expect(tokens.isSecret(secret)).toBe(true);
    expect(tokens.isSecret(`${secret}x`)).toBe(false);
    expect(tokens.isSecret(tokens.issue('c', 'u').token)).toBe(false);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => new DirectLineTokens({ secret: 'short', ttlSeconds: 1800 })).toThrow(/DIRECTLINE_SECRET/);
  });
});
