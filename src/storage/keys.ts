/**
 * The one registry of Redis key names. Every key is `<prefix>:v<version>:…`; keys that belong to one
 * conversation carry the hash tag `{conv:<id>}` so multi-key scripts also run on Redis Cluster.
 * Bump `keyVersion` when a stored shape changes incompatibly.
 */
export const keyVersion = 1;

export function createKeyRegistry(prefix: string) {
  const root = `${prefix}:v${keyVersion}`;
  const conv = (conversationId: string) => `${root}:{conv:${conversationId}}`;
  return {
    root,
    /** Prefix for scanning/cleaning everything this registry owns. */
    pattern: `${root}:*`,
    conversation: conv,
    // Bot state (botbuilder Storage). Storage keys are opaque strings chosen by botbuilder.
    botState: (storageKey: string) => `${root}:state:${storageKey}`,
    transcript: (channelId: string, conversationId: string) => `${conv(conversationId)}:transcript:${channelId}`,
    // Sequence counter of a transcript list (same slot as the list): continuation tokens are sequence numbers.
    transcriptSeq: (channelId: string, conversationId: string) => `${conv(conversationId)}:transcriptseq:${channelId}`,
    // Ids of the inbound activities in a transcript list (same slot), so a channel's retry is logged once.
    transcriptIds: (channelId: string, conversationId: string) => `${conv(conversationId)}:transcriptids:${channelId}`,
    transcriptIndex: (channelId: string) => `${root}:transcripts:${channelId}`,
    conversationReference: (conversationId: string) => `${conv(conversationId)}:ref`,
    dedupe: (key: string) => `${root}:dedupe:${key}`,
    // Rate limits (rate-limiter-flexible appends the limited key itself; each of its keys has a TTL).
    rateLimit: (limit: string) => `${root}:ratelimit:${limit}`,
    lock: (conversationId: string) => `${conv(conversationId)}:lock`,
    // Human handoff. A transition touches one conversation's record AND the global queue, so every
    // handoff key shares the hash tag {handoff}: one slot, so the Lua transitions also run on Cluster.
    handoffRecord: (conversationId: string) => `${root}:{handoff}:rec:${conversationId}`,
    handoffNotes: (conversationId: string) => `${root}:{handoff}:notes:${conversationId}`,
    handoffCallback: (ticketId: string) => `${root}:{handoff}:callback:${ticketId}`,
    handoffQueue: `${root}:{handoff}:queue`,
    handoffLeases: `${root}:{handoff}:leases`,
    handoffSeq: `${root}:{handoff}:seq`,
    handoffCallbacks: `${root}:{handoff}:callbacks`,
    handoffHandleTimes: `${root}:{handoff}:handle_ms`,
    handoffEvents: `${root}:handoff:events`,
    // Agent presence: one TTL key per agent plus an index, in one slot so `online()` is one script.
    agentPresence: (agentId: string) => `${root}:{presence}:agent:${agentId}`,
    agentPresenceIndex: `${root}:{presence}:index`,
    // Per-conversation handoff data that never joins a queue transition.
    insights: (conversationId: string, part: string) => `${conv(conversationId)}:insights:${part}`,
    agentMessage: (conversationId: string, idempotencyKey: string) => `${conv(conversationId)}:agentmsg:${idempotencyKey}`,
    // Who viewed a conversation's data: a sorted set by sequence number and its counter, in the conversation's slot.
    viewAudit: (conversationId: string) => `${conv(conversationId)}:audit:views`,
    viewAuditSeq: (conversationId: string) => `${conv(conversationId)}:audit:seq`,
    // Direct Line web conversations: a hash (user, created, sequence) and the activity log (sorted set by watermark).
    directLineMeta: (conversationId: string) => `${conv(conversationId)}:dl:meta`,
    directLineLog: (conversationId: string) => `${conv(conversationId)}:dl:log`,
    // Client activity id → seq, so a Web Chat re-post of the same message is kept (and answered) once.
    directLineClientIds: (conversationId: string) => `${conv(conversationId)}:dl:client`,
    // Pub/sub channel: the id of a web chat conversation whose history grew (wakes its streams in every process).
    directLineAppended: `${root}:dl:appended`,
    // Scheduling: every booking key shares {sched}, so one Lua script claims slot units, writes the record and
    // updates both indexes atomically, also on Cluster. Patient keys carry a hash of the patient ref, not the ref.
    bookingUnit: (providerId: string, unitStartIso: string) => `${root}:{sched}:unit:${providerId}:${unitStartIso}`,
    booking: (appointmentId: string) => `${root}:{sched}:appt:${appointmentId}`,
    bookingsByProvider: (providerId: string) => `${root}:{sched}:provider:${providerId}`,
    bookingsByPatient: (patientHash: string) => `${root}:{sched}:patient:${patientHash}`,
    // Intake records (JSON) and newest-first indexes (overall and per kind), in one slot for MULTI.
    intakeRecord: (id: string) => `${root}:{intake}:rec:${id}`,
    intakeIndex: (kind: string) => `${root}:{intake}:index:${kind}`,
    // Refill tickets for the care team (JSON) and their oldest-first worklist, in one slot for MULTI.
    refillTicket: (id: string) => `${root}:{refill}:ticket:${id}`,
    refillWorklist: `${root}:{refill}:worklist`,
  };
}

export type KeyRegistry = ReturnType<typeof createKeyRegistry>;
