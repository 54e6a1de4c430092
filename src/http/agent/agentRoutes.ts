import type { TranscriptStore } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { TandemError, toTandemError } from '../../errors';
import { canSeePii, rolePermissions, type Agent, type AgentDirectory } from '../../handoff/agents';
import { mayAnnotate, readAccess, ViewLevel } from '../../handoff/conversationAccess';
import type { AgentDesk } from '../../handoff/agentDesk';
import type { CustomerNotice } from '../../handoff/handoffCore';
import type { CallbackTicket, HandoffStore } from '../../handoff/handoffStore';
import { ViewedItem, type ViewAuditLog } from '../../handoff/viewAudit';
import type { Disposition } from '../../handoff/vocabulary';
import type { Logger } from '../../observability/logger';
import { textForView } from '../../handoff/viewText';
import type { TextSealer } from '../../privacy/textSealer';
import { readTranscriptLines } from '../../storage/transcriptLines';
import { sendError } from '../sendError';
import type { AgentEventStreams } from './agentEventStreams';
import {
  auditQuerySchema,
  callbacksQuerySchema,
  contextPackQuerySchema,
  conversationIdSchema,
  firstIssue,
  heartbeatBodySchema,
  idempotencyKeySchema,
  messageBodySchema,
  noteBodySchema,
  releaseBodySchema,
} from './agentSchemas';
import type { TokenBucketLimiter } from './rateLimiter';
import { withinLimit, type RequestLimiter } from '../rateLimit/requestLimiter';
import type { Clock } from '../../clock';

/** What the customer hears after the desk acted, on their own channel (the bot layer's follow-ups). */
export interface CustomerFollowUp {
  /** Best effort: a notice that cannot be delivered is logged. */
  deliver(notices: readonly CustomerNotice[]): Promise<void>;
  /** Throws when the notice cannot be delivered. */
  deliverOne(notice: CustomerNotice): Promise<void>;
  /** The customer-facing half of a release (CSAT or the bot resuming), run after the state change. */
  afterRelease(released: { conversationId: string; disposition: Disposition; note?: string; agentName?: string }): Promise<void>;
}

export interface AgentRoutesDeps {
  readonly desk: AgentDesk;
  readonly agents: Pick<AgentDirectory, 'authenticate'>;
  readonly records: Pick<HandoffStore, 'getRecord' | 'listCallbacks'>;
  readonly transcripts: TranscriptStore;
  /** Every context-pack view is recorded here before it is served. */
  readonly audit: ViewAuditLog;
  /** Opens the sealed words as written for views above `redacted`. */
  readonly sealer?: TextSealer;
  readonly followUps: CustomerFollowUp;
  readonly streams: AgentEventStreams;
  readonly limiter: TokenBucketLimiter;
  /** Shared by every process: the per-process bucket alone would multiply an agent's budget by the process count. */
  readonly sharedLimiter: RequestLimiter;
  readonly logger: Logger;
  /** How long an agent may still read a conversation after it left their hands (AGENT_READ_AFTER_RELEASE_SECONDS). */
  readonly readAfterReleaseMs: number;
  readonly clock: Clock;
}

const prefix = '/api/agent';

type AgentHandler = (req: Request, res: Response, agent: Agent) => Promise<void>;

/** Error codes that are the caller's doing; anything else is logged as ours. */
const clientCodes = new Set(['HANDOFF_NOT_FOUND', 'HANDOFF_CONFLICT', 'HANDOFF_NOT_OWNER', 'UNPROCESSABLE', 'NOT_FOUND', 'BAD_REQUEST', 'FORBIDDEN', 'CONFLICT']);

function unprocessable(reason: string): TandemError {
  return new TandemError('UNPROCESSABLE', reason, reason);
}

/** Parses a JSON body (absent = `{}`); 400 when it is not an object, 422 with the first problem otherwise. */
function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const value = body === undefined || body === null || body === '' ? {} : body;
  if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) {
    throw new TandemError('BAD_REQUEST', 'agent API body is not a JSON object', 'The request body must be a JSON object.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unprocessable(firstIssue(parsed.error));
  return parsed.data as z.infer<T>;
}

function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw unprocessable(firstIssue(parsed.error));
  return parsed.data as z.infer<T>;
}

function conversationIdOf(req: Request): string {
  const parsed = conversationIdSchema.safeParse(req.params?.id);
  if (!parsed.success) throw new TandemError('HANDOFF_NOT_FOUND', 'malformed conversation id', 'No such conversation.');
  return parsed.data;
}

const notYours = () =>
  new TandemError('FORBIDDEN', "conversation outside the agent's view", 'You may open only queued conversations, the ones you hold and the ones you just released.');

/** Whoever calls back needs the contact: agents get the task view of a ticket, supervisors and clinicians all of it. */
function ticketForViewer(ticket: CallbackTicket, agent: Agent): CallbackTicket {
  if (canSeePii(agent.role)) return ticket;
  const text = (t: string) => textForView(ViewLevel.task, t);
  return {
    ...ticket,
    summary: text(ticket.summary),
    contact: ticket.contact ? { kind: ticket.contact.kind, value: text(ticket.contact.value) } : null,
  };
}

/**
 * The agent API of DESIGN §5 (plus heartbeat, requeue and callbacks). Every route needs an agent's
 * bearer token; the event stream also takes `?access_token=` because browsers' EventSource cannot
 * set headers. Each agent has a request budget per process (429 beyond it).
 */
export function registerAgentRoutes(server: Server, deps: AgentRoutesDeps): void {
  const { desk, logger } = deps;

  const route = (handler: AgentHandler, options: { queryToken?: boolean } = {}) =>
    async (req: Request, res: Response): Promise<void> => {
      res.setHeader('cache-control', 'no-store');
      const queryToken = options.queryToken ? (req.query as Record<string, unknown> | undefined)?.access_token : undefined;
      const credential = req.header('authorization') || (typeof queryToken === 'string' ? queryToken : undefined);
      const agent = deps.agents.authenticate(credential);
      if (!agent) {
        res.setHeader('www-authenticate', 'Bearer realm="tandem-agent"');
        return sendError(res, 'UNAUTHORIZED', 'Send Authorization: Bearer <agent token>.');
      }
      const budget = deps.limiter.take(agent.id);
      if (!budget.allowed) {
        res.setHeader('retry-after', String(budget.retryAfterSeconds));
        return sendError(res, 'RATE_LIMITED');
      }
      if (!(await withinLimit(deps.sharedLimiter, agent.id, res))) return;
      try {
        await handler(req, res, agent);
      } catch (error) {
        const failure = toTandemError(error);
        if (!clientCodes.has(failure.code)) {
          logger.error({ code: failure.code, err: error, route: req.getRoute?.()?.path, agentId: agent.id }, 'agent API request failed');
        }
        if (res.headersSent) return;
        sendError(res, failure.code, failure.userMessage);
      }
    };

  server.get(`${prefix}/queue`, route(async (_req, res, agent) => {
    res.json({ items: await desk.queue(agent) });
  }));

  server.get(`${prefix}/conversations/:id`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    const paging = parseQuery(contextPackQuerySchema, req.query);
    const record = await deps.records.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', 'no handoff record', 'No such conversation.');
    const access = readAccess(agent, record, deps.clock(), deps.readAfterReleaseMs);
    if (!access.allowed) throw notYours();
    // Recorded before it is served: a view that cannot be recorded is not given.
    await deps.audit.record({
      conversationId,
      agentId: agent.id,
      role: agent.role,
      at: new Date(deps.clock()).toISOString(),
      item: ViewedItem.contextPack,
      level: access.level,
    });
    const { sealer } = deps;
    const open = sealer && access.level !== ViewLevel.redacted ? (sealed: string) => sealer.open(sealed, conversationId) : undefined;
    const transcript = await readTranscriptLines(deps.transcripts, record.channelId, conversationId, open);
    res.json(await desk.contextPack(conversationId, access.level, transcript, {
      ...(paging.page !== undefined ? { page: paging.page } : {}),
      ...(paging.pageSize !== undefined ? { pageSize: paging.pageSize } : {}),
    }));
  }));

  server.post(`${prefix}/conversations/:id/claim`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    // A retried claim by the agent who already holds it is answered like the first one (idempotent), so a
    // console whose first answer was lost recovers its token; `reclaimed` tells the two apart.
    const { record, fencingToken, reclaimed, notices } = await desk.claim(conversationId, agent);
    await deps.followUps.deliver(notices);
    res.json({ conversationId, state: record.state, assignedAgent: record.assignedAgent ?? agent.id, fencingToken, leaseExpiresAt: record.leaseExpiresAt ?? null, reclaimed });
  }));

  server.post(`${prefix}/conversations/:id/messages`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    const body = parseBody(messageBodySchema, req.body);
    const header = req.header('idempotency-key');
    if (header) {
      const parsed = idempotencyKeySchema.safeParse(header);
      if (!parsed.success) throw unprocessable('Idempotency-Key must be 1-128 letters, digits, . _ : or -');
      if (body.idempotencyKey !== undefined && body.idempotencyKey !== header) {
        throw unprocessable('The Idempotency-Key header and body.idempotencyKey differ.');
      }
    }
    const idempotencyKey = body.idempotencyKey ?? (header || undefined);
    const result = await desk.sendAgentMessage(
      conversationId,
      agent,
      {
        text: body.text,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
        ...(body.fencingToken !== undefined ? { fencingToken: body.fencingToken } : {}),
      },
      (notice) => deps.followUps.deliverOne(notice),
    );
    res.status(202);
    res.json({ conversationId, delivered: result.delivered, duplicate: result.duplicate });
  }));

  server.post(`${prefix}/conversations/:id/notes`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    const body = parseBody(noteBodySchema, req.body);
    const record = await deps.records.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', 'no handoff record', 'No such conversation.');
    if (!mayAnnotate(agent, record)) throw new TandemError('FORBIDDEN', "note outside the agent's claims", 'You may add notes only to conversations you hold.');
    const note = await desk.addNote(conversationId, agent, body.text);
    res.status(201);
    res.json({ conversationId, note });
  }));

  server.post(`${prefix}/conversations/:id/release`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    const body = parseBody(releaseBodySchema, req.body);
    const note = body.note === undefined || body.note === '' ? undefined : body.note;
    const { record } = await desk.release(conversationId, agent, {
      disposition: body.disposition,
      ...(note !== undefined ? { note } : {}),
      ...(body.fencingToken !== undefined ? { fencingToken: body.fencingToken } : {}),
    });
    let handback: 'delivered' | 'failed' = 'delivered';
    try {
      await deps.followUps.afterRelease({ conversationId, disposition: body.disposition, agentName: agent.name, ...(note !== undefined ? { note } : {}) });
    } catch (error) {
      // The release stands; the customer simply hears from the bot on their next message.
      handback = 'failed';
      logger.warn({ err: error, disposition: body.disposition }, 'handback turn failed');
    }
    res.json({ conversationId, state: record.state, disposition: body.disposition, handback });
  }));

  server.post(`${prefix}/conversations/:id/requeue`, route(async (req, res, agent) => {
    const conversationId = conversationIdOf(req);
    const { record, notices } = await desk.requeue(conversationId, agent);
    await deps.followUps.deliver(notices);
    res.json({ conversationId, state: record.state });
  }));

  server.post(`${prefix}/heartbeat`, route(async (req, res, agent) => {
    const body = parseBody(heartbeatBodySchema, req.body);
    await desk.heartbeat(agent);
    const leases = [];
    for (const lease of body.leases ?? []) {
      try {
        const record = await desk.renewLease(lease.conversationId, agent, lease.fencingToken);
        leases.push({ conversationId: lease.conversationId, ok: true, leaseExpiresAt: record.leaseExpiresAt ?? null });
      } catch (error) {
        const failure = toTandemError(error);
        if (!clientCodes.has(failure.code)) throw error;
        leases.push({ conversationId: lease.conversationId, ok: false, error: { code: failure.code, message: failure.userMessage } });
      }
    }
    res.json({ agentId: agent.id, online: true, leases });
  }));

  server.get(`${prefix}/audit`, route(async (req, res, agent) => {
    if (!rolePermissions[agent.role].readViewAudit) {
      throw new TandemError('FORBIDDEN', 'view audit read by a role without readViewAudit', 'Only supervisors may read who viewed a conversation.');
    }
    const query = parseQuery(auditQuerySchema, req.query);
    const page = await deps.audit.list(query.conversationId, {
      limit: query.limit ?? 50,
      ...(query.before !== undefined ? { before: query.before } : {}),
    });
    res.json({ conversationId: query.conversationId, items: page.items, nextBefore: page.nextBefore });
  }));

  server.get(`${prefix}/callbacks`, route(async (req, res, agent) => {
    const query = parseQuery(callbacksQuerySchema, req.query);
    const tickets = await deps.records.listCallbacks(query.status !== undefined ? { status: query.status } : {});
    res.json({ items: tickets.map((ticket) => ticketForViewer(ticket, agent)) });
  }));

  server.get(`${prefix}/events`, route(async (_req, res, agent) => {
    await deps.streams.serve(res, agent);
  }, { queryToken: true }));
}
