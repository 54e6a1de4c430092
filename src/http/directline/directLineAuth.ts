import type { Request } from 'restify';
import type { ErrorCode } from '../../errors';
import type { DirectLineTokens, TokenClaims } from './directLineTokens';

export type DirectLineCaller =
  /** A server holding DIRECTLINE_SECRET: may act on any conversation. */
  | { kind: 'secret' }
  /** A page holding a token: may act only on the token's conversation, as the token's user. */
  | { kind: 'token'; claims: TokenClaims; token: string };

export type AuthOutcome = { ok: true; caller: DirectLineCaller } | { ok: false; code: ErrorCode; reason: string };

const rejectionReasons = {
  malformed: 'The Direct Line token is not valid.',
  bad_signature: 'The Direct Line token is not valid.',
  expired: 'The Direct Line token has expired; refresh it before it expires or start a new conversation.',
} as const;

function bearer(req: Request): string | undefined {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Who is calling: the secret, or a valid token. With `conversationId`, a token for any other
 * conversation is refused (403), as are expired and forged tokens; a missing header is 401.
 */
export function authenticate(req: Request, tokens: DirectLineTokens, conversationId?: string): AuthOutcome {
  const credential = bearer(req);
  if (credential === undefined) {
    return { ok: false, code: 'UNAUTHORIZED', reason: 'Send "Authorization: Bearer <Direct Line token or secret>".' };
  }
  if (tokens.isSecret(credential)) return { ok: true, caller: { kind: 'secret' } };
  const checked = tokens.verify(credential);
  if (!checked.ok) return { ok: false, code: 'FORBIDDEN', reason: rejectionReasons[checked.reason] };
  if (conversationId !== undefined && checked.claims.conversationId !== conversationId) {
    return { ok: false, code: 'FORBIDDEN', reason: 'The Direct Line token belongs to another conversation.' };
  }
  return { ok: true, caller: { kind: 'token', claims: checked.claims, token: credential } };
}
