import type { EmergencyCategory } from '../src/nlu/types';

const general =
  'If you or someone with you is in danger or this is a medical emergency, call 911 (or your local emergency number) now. Do not wait for a reply here.';

/** Extra guidance for categories where a specific line helps more than the general one. */
const specific: Partial<Record<EmergencyCategory, string>> = {
  suicide_self_harm:
    'You are not alone. In the US you can call or text 988 (Suicide & Crisis Lifeline) any time, day or night.',
  overdose_poisoning: 'For poisoning or an overdose you can also call Poison Control at 1-800-222-1222 (US).',
  violence_threat: 'If it is safe to do so, move away from the danger before anything else.',
};

/** The guidance that is sent first, before any handoff message, whenever emergency language appears. */
export function emergencyGuidance(categories: readonly EmergencyCategory[]): string {
  const extra = [...new Set(categories.map((c) => specific[c]).filter((s): s is string => s !== undefined))];
  return [general, ...extra, "I'm connecting you with a person on our team right now."].join('\n');
}
