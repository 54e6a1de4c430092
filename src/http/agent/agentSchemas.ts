import { z } from 'zod';
import { Disposition, valuesOf } from '../../handoff/vocabulary';

/** Longest agent message, note or release note, in characters (after trimming). */
export const maxAgentTextChars = 4000;

/** Conversation ids as channels send them (Teams ids carry `:`, `@`, `;` …); only length and control characters are checked. */
export const conversationIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(512, 'must be at most 512 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

const text = (field: string) =>
  z
    .string({ message: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(maxAgentTextChars, `${field} must be at most ${maxAgentTextChars} characters`);

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'idempotencyKey must be 1-128 letters, digits, . _ : or -');

const fencingToken = z.number().int().min(0).optional();

export const messageBodySchema = z.object({
  text: text('text'),
  idempotencyKey: idempotencyKeySchema.optional(),
  fencingToken,
});

export const noteBodySchema = z.object({ text: text('text') });

export const releaseBodySchema = z.object({
  disposition: z.enum(valuesOf(Disposition), { message: 'disposition must be "resolved" or "return_to_bot"' }),
  note: z.string({ message: 'note must be a string' }).trim().max(maxAgentTextChars, `note must be at most ${maxAgentTextChars} characters`).optional(),
  fencingToken,
});

export const heartbeatBodySchema = z.object({
  /** Claims the console is still working on; each lease is renewed. */
  leases: z
    .array(z.object({ conversationId: conversationIdSchema, fencingToken: z.number().int().min(0) }))
    .max(100, 'at most 100 leases per heartbeat')
    .optional(),
});

const pageNumber = (field: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${field} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${field} must be from 1 to ${max}`)
    .optional();

export const contextPackQuerySchema = z.object({ page: pageNumber('page', 1_000_000), pageSize: pageNumber('pageSize', 200) });

export const maxAuditPageSize = 200;

export const auditQuerySchema = z.object({
  conversationId: z.string({ message: 'conversationId is required' }).pipe(conversationIdSchema),
  limit: pageNumber('limit', maxAuditPageSize),
  before: z.string().regex(/^[1-9]\d{0,14}$/, 'before must be a whole number from 1').transform(Number).optional(),
});

export const callbacksQuerySchema = z.object({ status: z.enum(['open', 'done'], { message: 'status must be "open" or "done"' }).optional() });

/** The first problem, as one line an API client can act on. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.map(String).join('.');
  return issue.message.startsWith(path) || path === '' ? issue.message : `${path}: ${issue.message}`;
}
