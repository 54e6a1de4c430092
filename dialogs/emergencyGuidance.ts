import { EmergencyCategory } from '../src/nlu/types';

/** Which line helps first: each category declares its own (988, Poison Control, or 911). */
const Line = { crisis: 'crisis', poison: 'poison', emergency: 'emergency' } as const;
type Line = (typeof Line)[keyof typeof Line];

const lineFor: Readonly<Record<EmergencyCategory, Line>> = {
  [EmergencyCategory.selfHarm]: Line.crisis,
  [EmergencyCategory.overdose]: Line.poison,
  [EmergencyCategory.cardiac]: Line.emergency,
  [EmergencyCategory.stroke]: Line.emergency,
  [EmergencyCategory.breathing]: Line.emergency,
  [EmergencyCategory.bleeding]: Line.emergency,
  [EmergencyCategory.anaphylaxis]: Line.emergency,
  [EmergencyCategory.violence]: Line.emergency,
  [EmergencyCategory.pregnancy]: Line.emergency,
  [EmergencyCategory.pediatric]: Line.emergency,
};

const lineText: Readonly<Record<Line, string>> = {
  crisis:
    "You don't have to go through this alone. Please call or text 988 (Suicide & Crisis Lifeline, US) now: it's free, confidential and open day and night. If you are in immediate danger or have hurt yourself, call 911.",
  poison:
    'Call Poison Control now at 1-800-222-1222 (US, free, day and night). If the person has collapsed, is having trouble breathing or a seizure, or will not wake up, call 911 first.',
  emergency:
    'If you or someone with you is in danger or this is a medical emergency, call 911 (or your local emergency number) now. Do not wait for a reply here.',
};

/** A word more for categories where it helps before anything else. */
const extraFor: Partial<Readonly<Record<EmergencyCategory, string>>> = {
  [EmergencyCategory.violence]: 'If it is safe to do so, move away from the danger first.',
};

const lineOrder: readonly Line[] = [Line.crisis, Line.poison, Line.emergency];

/**
 * The guidance sent first, before anything else, whenever emergency or crisis language appears: the
 * line for each category (988 for suicide and self-harm, Poison Control for poisoning and overdose,
 * 911 for the rest; 911 alone when no category is known). It promises nothing about our team: what
 * happens next is said separately, and only what is true.
 */
export function emergencyGuidance(categories: readonly EmergencyCategory[]): string {
  const lines = new Set<Line>(categories.map((c) => lineFor[c]));
  if (lines.size === 0) lines.add(Line.emergency);
  const extra = [...new Set(categories.map((c) => extraFor[c]).filter((s): s is string => s !== undefined))];
  return [...lineOrder.filter((l) => lines.has(l)).map((l) => lineText[l]), ...extra].join('\n');
}
