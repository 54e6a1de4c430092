import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, type AppConfig } from '../config';
import { AgentRole, valuesOf } from './vocabulary';

/** What each role may do; every role declares its own answer. */
export interface RolePermissions {
  /** Sees personal data in clear in the context pack; otherwise it is redacted. */
  readonly seePii: boolean;
  /** Reads and annotates every conversation; otherwise only the queue, its own claims and what it just released. */
  readonly seeAllConversations: boolean;
  /** Reads the record of who viewed which conversation (GET /api/agent/audit). */
  readonly readViewAudit: boolean;
}

export const rolePermissions: Readonly<Record<AgentRole, RolePermissions>> = {
  agent: { seePii: false, seeAllConversations: false, readViewAudit: false },
  supervisor: { seePii: true, seeAllConversations: true, readViewAudit: true },
  clinician: { seePii: true, seeAllConversations: true, readViewAudit: false },
};

export function canSeePii(role: AgentRole): boolean {
  return rolePermissions[role].seePii;
}

const agentEntrySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1-64 letters, digits, . _ @ or -'),
    name: z.string().trim().min(1).max(100),
    role: z.enum(valuesOf(AgentRole)),
    tokenSha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the hex SHA-256 of the bearer token (64 hex characters)')
      .transform((h) => h.toLowerCase()),
    skills: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

const directorySchema = z
  .array(agentEntrySchema)
  .min(1, 'must list at least one agent')
  .superRefine((agents, ctx) => {
    const ids = new Set<string>();
    const hashes = new Set<string>();
    agents.forEach((agent, i) => {
      if (ids.has(agent.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate agent id "${agent.id}"` });
      if (hashes.has(agent.tokenSha256)) ctx.addIssue({ code: 'custom', path: [i, 'tokenSha256'], message: 'two agents share a token' });
      ids.add(agent.id);
      hashes.add(agent.tokenSha256);
    });
  });

export type AgentEntry = z.input<typeof agentEntrySchema>;

/** An authenticated agent, as the rest of the code sees it (no token material). */
export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly skills: readonly string[];
}

/** SHA-256 of a bearer token, hex; what AGENTS_JSON stores instead of the token. */
export function hashAgentToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Local-development agents, used only when no directory is configured and MICROSOFT_APP_ID is empty.
 * Their bearer tokens are public: "dev-agent-token", "dev-supervisor-token", "dev-clinician-token".
 */
export const devAgentEntries: readonly AgentEntry[] = [
  { id: 'dev-agent', name: 'Dev Agent', role: 'agent', tokenSha256: hashAgentToken('dev-agent-token') },
  { id: 'dev-supervisor', name: 'Dev Supervisor', role: 'supervisor', tokenSha256: hashAgentToken('dev-supervisor-token') },
  { id: 'dev-clinician', name: 'Dev Clinician', role: 'clinician', tokenSha256: hashAgentToken('dev-clinician-token'), skills: ['clinical'] },
];

export type AgentDirectorySource = 'AGENTS_JSON' | 'AGENTS_FILE' | 'dev-defaults';

/** The agents allowed to use the agent API, each with a hashed bearer token. */
export class AgentDirectory {
  private readonly entries: readonly { agent: Agent; hash: Buffer }[];

  constructor(
    entries: readonly AgentEntry[],
    /** Where the list came from, so start-up can warn about dev defaults. */
    readonly source: AgentDirectorySource = 'AGENTS_JSON',
  ) {
    const parsed = directorySchema.parse(entries);
    this.entries = parsed.map((e) => ({
      agent: Object.freeze({ id: e.id, name: e.name, role: e.role, skills: Object.freeze([...e.skills]) }),
      hash: Buffer.from(e.tokenSha256, 'hex'),
    }));
  }

  /**
   * Loads AGENTS_JSON or AGENTS_FILE (not both). With neither, dev defaults, unless
   * MICROSOFT_APP_ID is set (a real deployment), which is refused. Errors name the key to fix.
   */
  static fromConfig(
    config: Pick<AppConfig, 'AGENTS_JSON' | 'AGENTS_FILE' | 'MICROSOFT_APP_ID'>,
    readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  ): AgentDirectory {
    if (config.AGENTS_JSON && config.AGENTS_FILE) {
      throw new ConfigError([{ key: 'AGENTS_JSON', problem: 'set AGENTS_JSON or AGENTS_FILE, not both' }]);
    }
    if (!config.AGENTS_JSON && !config.AGENTS_FILE) {
      if (config.MICROSOFT_APP_ID) {
        throw new ConfigError([
          { key: 'AGENTS_JSON', problem: 'set AGENTS_JSON or AGENTS_FILE: the dev agents are refused when MICROSOFT_APP_ID is set' },
        ]);
      }
      return new AgentDirectory(devAgentEntries, 'dev-defaults');
    }
    const key: AgentDirectorySource = config.AGENTS_JSON ? 'AGENTS_JSON' : 'AGENTS_FILE';
    let text: string;
    try {
      text = config.AGENTS_JSON ?? readFile(config.AGENTS_FILE ?? '');
    } catch (error) {
      throw new ConfigError([{ key, problem: `cannot read ${config.AGENTS_FILE}: ${(error as Error).message}` }]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConfigError([{ key, problem: 'is not valid JSON (expected an array of agents)' }]);
    }
    const parsed = directorySchema.safeParse(json);
    if (!parsed.success) {
      throw new ConfigError(
        parsed.error.issues.map((issue) => ({ key: `${key}${issue.path.map((p) => `[${String(p)}]`).join('')}`, problem: issue.message })),
      );
    }
    return new AgentDirectory(parsed.data, key);
  }

  /**
   * The agent whose token this is, or null. Accepts an `Authorization` header value ("Bearer …") or a
   * bare token. Compares SHA-256 digests in constant time and always checks every agent.
   */
  authenticate(authorization: string | undefined | null): Agent | null {
    if (!authorization) return null;
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match ? match[1] : authorization.trim();
    if (!token || /\s/.test(token)) return null;
    const presented = Buffer.from(hashAgentToken(token), 'hex');
    let found: Agent | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.hash) && found === null) found = entry.agent;
    }
    return found;
  }

  get(agentId: string): Agent | undefined {
    return this.entries.find((e) => e.agent.id === agentId)?.agent;
  }

  list(): Agent[] {
    return this.entries.map((e) => e.agent);
  }
}
