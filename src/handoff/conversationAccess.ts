import { rolePermissions, type Agent } from './agents';
import type { HandoffRecord } from './handoffStore';
import { HandoffState } from './vocabulary';

/**
 * How much personal data one view of a conversation shows:
 * - `clear`: everything as the customer wrote it (supervisors, clinicians);
 * - `task`: what the handling agent needs (name, contact, order numbers, appointments), never a card, SSN, member id or birth date;
 * - `redacted`: everything identifying removed, as in logs (an agent looking at the queue before claiming).
 */
export const ViewLevel = { clear: 'clear', task: 'task', redacted: 'redacted' } as const;
export type ViewLevel = (typeof ViewLevel)[keyof typeof ViewLevel];

export type ConversationAccess = { readonly allowed: true; readonly level: ViewLevel } | { readonly allowed: false };

type Viewer = Pick<Agent, 'id' | 'role'>;
type RecordFacts = Pick<HandoffRecord, 'state' | 'assignedAgent' | 'lastAgent' | 'lastAgentLeftAt' | 'callback'>;

/** True while `record` has just left this agent's hands, so the console can show the final state it re-reads. */
function justReleasedBy(viewer: Viewer, record: RecordFacts, now: number, graceMs: number): boolean {
  if (record.state === HandoffState.assigned || record.lastAgent !== viewer.id || record.lastAgentLeftAt === undefined) return false;
  const leftAt = Date.parse(record.lastAgentLeftAt);
  return Number.isFinite(leftAt) && now - leftAt <= graceMs;
}

/** Work that waits for any agent to pick it up: a queued conversation or an open callback ticket. */
function waitingForAnyone(record: RecordFacts): boolean {
  return record.state === HandoffState.queued || (record.state === HandoffState.callback && record.callback?.status === 'open');
}

/**
 * Whether (and at which level) a viewer may read a conversation's context pack: supervisors and
 * clinicians always, in clear; an agent what waits in the queue or for a callback (to decide whether
 * to take it) with the redacted view, and the conversations it holds or released within `graceMs`
 * with the task view.
 */
export function readAccess(viewer: Viewer, record: RecordFacts, now: number, graceMs: number): ConversationAccess {
  const permissions = rolePermissions[viewer.role];
  if (permissions.seeAllConversations) return { allowed: true, level: permissions.seePii ? ViewLevel.clear : ViewLevel.task };
  if (record.state === HandoffState.assigned && record.assignedAgent === viewer.id) return { allowed: true, level: ViewLevel.task };
  if (justReleasedBy(viewer, record, now, graceMs)) return { allowed: true, level: ViewLevel.task };
  if (waitingForAnyone(record)) return { allowed: true, level: ViewLevel.redacted };
  return { allowed: false };
}

/** Notes: supervisors and clinicians on any conversation, an agent only on one it holds. */
export function mayAnnotate(viewer: Viewer, record: RecordFacts): boolean {
  if (rolePermissions[viewer.role].seeAllConversations) return true;
  return record.state === HandoffState.assigned && record.assignedAgent === viewer.id;
}
