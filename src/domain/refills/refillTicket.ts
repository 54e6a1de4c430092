import { z } from 'zod';
import type { RecordStoreSettings } from '../recordStoreSettings';

/**
 * A refill request as the care team receives it: who (the opaque patient reference), what, where to
 * send it, and by when they promised to answer. Nothing else about the conversation is kept.
 */
export const refillRequestSchema = z
  .object({
    /** Opaque patient reference (see dialogs/patientRef.ts), the same one intake and appointments carry. */
    patientRef: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
    medication: z.string().trim().min(1).max(120),
    /** As written on the label ("10 mg"); null when the patient did not know it. */
    strength: z.string().trim().min(1).max(60).nullable(),
    pharmacy: z.string().trim().min(1).max(160),
    /** Where the answer goes back to the patient. */
    conversationId: z.string().min(1).max(300),
    /** The end of the business day the care team promised to answer by (ISO instant). */
    replyBy: z.iso.datetime(),
  })
  .strict();

export type RefillRequest = z.infer<typeof refillRequestSchema>;

export const refillTicketSchema = refillRequestSchema
  .extend({
    id: z.string().regex(/^RX-[A-Z0-9]{10}$/),
    createdAt: z.iso.datetime(),
    /** The ticket is gone after this instant (REFILL_TICKET_TTL_SECONDS after it was filed). */
    expiresAt: z.iso.datetime(),
  })
  .strict();

export type RefillTicket = z.infer<typeof refillTicketSchema>;

/** Reads a stored ticket back; a record that breaks the schema is refused, never half-used. */
export function parseRefillTicket(json: string): RefillTicket {
  return refillTicketSchema.parse(JSON.parse(json));
}

/** A new ticket for a validated request: its id, when it was filed and when it expires (both stores file the same way). */
export function fileRefillTicket(request: RefillRequest, settings: Pick<RecordStoreSettings, 'now' | 'newId' | 'ttlSeconds'>): RefillTicket {
  const valid = refillRequestSchema.parse(request);
  const createdAt = settings.now();
  return {
    ...valid,
    id: settings.newId(),
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + settings.ttlSeconds * 1000).toISOString(),
  };
}
