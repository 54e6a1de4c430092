/** The development agent that exists while no agents are configured (see .env.example, AGENTS_JSON). */
export const devAgentToken = 'dev-agent-token';

/**
 * The moment conversation tests happen at by default: a Wednesday, 10:00 AM in New York, so "tomorrow", "monday"
 * and "the 15th" mean the same days on every run.
 */
export const defaultConversationClockStart = new Date('2026-06-10T14:00:00Z');
