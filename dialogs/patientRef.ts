import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/**
 * The opaque patient reference for a channel user: a hash of channel and user id, so stores and FHIR
 * resources never carry an email, a name or a raw channel id (see Appointment.patientRef).
 */
export function patientRefOf(channelId: string, userId: string): string {
  const digest = createHash('sha256').update(`${channelId}\u0000${userId}`).digest('hex');
  return `pt-${digest.slice(0, 24)}`;
}

/** The patient reference of whoever sent this turn's activity. */
export function patientRefFor(context: TurnContext): string {
  return patientRefOf(context.activity.channelId ?? '', context.activity.from?.id ?? '');
}
