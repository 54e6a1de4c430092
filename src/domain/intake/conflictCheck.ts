import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import { z } from 'zod';
import rawDirectory from '../data/conflictDirectory.json';

export const partyRoles = ['client', 'former_client', 'adverse_party', 'related_party'] as const;
export type PartyRole = (typeof partyRoles)[number];

export interface DirectoryEntry {
  readonly name: string;
  readonly role: PartyRole;
  readonly matterRef: string;
  readonly aliases: readonly string[];
}

export interface ConflictMatch {
  /** The name as the prospective client gave it. */
  readonly party: string;
  /** The directory name it matched (the entry's main name, even when an alias matched). */
  readonly matchedName: string;
  readonly role: PartyRole;
  readonly matterRef: string;
  /** `exact`: same name after normalisation; `similar`: close spelling, a person should confirm. */
  readonly matchType: 'exact' | 'similar';
  /** 1 for exact; Jaro-Winkler similarity otherwise. */
  readonly similarity: number;
}

const directorySchema = z.object({
  entries: z.array(
    z.object({ name: z.string().min(2), role: z.enum(partyRoles), matterRef: z.string().min(1), aliases: z.array(z.string()) }),
  ),
});

/** The shipped demo directory (src/domain/data/conflictDirectory.json). */
export function loadConflictDirectory(): DirectoryEntry[] {
  return directorySchema.parse(rawDirectory).entries;
}

const corporateSuffixes = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc', 'lp', 'llp', 'the']);

/** Lower-case, no accents or punctuation, no corporate suffixes, words sorted: "Fabrikam, Inc." → "fabrikam". */
export function normalizePartyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !corporateSuffixes.has(word))
    .sort()
    .join(' ');
}

/** Similar (not exact) names at or above this Jaro-Winkler similarity are reported. */
export const similarNameThreshold = 0.92;

/**
 * Checks the parties a prospective client names against existing clients and adverse parties.
 * Returns one match per (party, directory entry), exact matches first. A match is a prompt for a
 * person to review, not a decision.
 */
export function checkConflicts(parties: readonly string[], directory: readonly DirectoryEntry[] = loadConflictDirectory()): ConflictMatch[] {
  const matches: ConflictMatch[] = [];
  for (const party of parties) {
    const wanted = normalizePartyName(party);
    if (wanted.length < 2) continue;
    for (const entry of directory) {
      let best = 0;
      for (const name of [entry.name, ...entry.aliases]) {
        const candidate = normalizePartyName(name);
        best = Math.max(best, candidate === wanted ? 1 : JaroWinklerDistance(wanted, candidate));
      }
      if (best === 1 || best >= similarNameThreshold) {
        matches.push({
          party,
          matchedName: entry.name,
          role: entry.role,
          matterRef: entry.matterRef,
          matchType: best === 1 ? 'exact' : 'similar',
          similarity: Math.round(best * 1000) / 1000,
        });
      }
    }
  }
  return matches.sort((a, b) => b.similarity - a.similarity);
}
