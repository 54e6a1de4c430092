import { createHmac, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../clock';

/** What a Direct Line token grants: one user in one conversation, until `expiresAt` (epoch seconds). */
export interface TokenClaims {
  readonly conversationId: string;
  readonly userId: string;
  readonly expiresAt: number;
}

export const tokenRejections = ['malformed', 'bad_signature', 'expired'] as const;
export type TokenRejection = (typeof tokenRejections)[number];

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRejection };

export interface DirectLineTokensOptions {
  /** Shared by every process behind one load balancer; at least 32 characters. */
  readonly secret: string;
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  readonly now?: Clock;
}

const issuer = 'tandem-directline';

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Issues and checks Direct Line tokens: HS256 JWTs (so Web Chat can read the `user` claim) scoped
 * to one conversation and one user, with an expiry. The signing key is derived from the secret, so
 * the secret itself never signs anything a client can see.
 */
export class DirectLineTokens {
  readonly ttlSeconds: number;
  /** A KeyObject, not bytes: given bytes, jsonwebtoken first tries (and fails) to parse them as a public key on every call. */
  private readonly signingKey: KeyObject;
  private readonly secret: Buffer;
  private readonly now: Clock;

  constructor(options: DirectLineTokensOptions) {
    if (options.secret.length < 32) throw new Error('DIRECTLINE_SECRET must be at least 32 characters');
    this.secret = Buffer.from(options.secret);
    this.signingKey = createSecretKey(createHmac('sha256', options.secret).update('tandem/directline/token-signing/v1').digest());
    this.ttlSeconds = options.ttlSeconds;
    this.now = options.now ?? Date.now;
  }

  /** A fresh random secret, for a single process when DIRECTLINE_SECRET is unset. */
  static randomSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  /** True when `candidate` is the Direct Line secret (constant time). */
  isSecret(candidate: string): boolean {
    return sameBytes(Buffer.from(candidate), this.secret);
  }

  issue(conversationId: string, userId: string): { token: string; expiresIn: number } {
    const issuedAt = Math.floor(this.now() / 1000);
    const payload = { conv: conversationId, user: userId, iat: issuedAt, exp: issuedAt + this.ttlSeconds };
    return { token: jwt.sign(payload, this.signingKey, { algorithm: 'HS256', issuer }), expiresIn: this.ttlSeconds };
  }

  verify(token: string): TokenCheck {
    let claims: jwt.JwtPayload & { conv?: unknown; user?: unknown };
    try {
      const decoded = jwt.verify(token, this.signingKey, {
        algorithms: ['HS256'],
        issuer,
        clockTimestamp: Math.floor(this.now() / 1000),
      });
      if (typeof decoded === 'string') return { ok: false, reason: 'malformed' };
      claims = decoded;
    } catch (error) {
      return { ok: false, reason: rejectionOf(error) };
    }
    if (typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, claims: { conversationId: claims.conv, userId: claims.user, expiresAt: claims.exp } };
  }
}

function rejectionOf(error: unknown): TokenRejection {
  if (error instanceof jwt.TokenExpiredError) return 'expired';
  if (error instanceof jwt.JsonWebTokenError && error.message === 'invalid signature') return 'bad_signature';
  return 'malformed';
}
