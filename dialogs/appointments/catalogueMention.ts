import type { AppointmentType, Provider } from '../../src/domain/scheduling/calendar';

/** Extra words people use for each appointment type, beyond its name. Data, keyed by type id. */
const typeSynonyms: Readonly<Record<string, readonly string[]>> = {
  'new-patient': ['new patient', 'first visit', 'first appointment'],
  'annual-physical': ['physical', 'annual', 'check up', 'checkup', 'wellness'],
  'follow-up': ['follow up', 'followup'],
  'skin-check': ['skin', 'mole', 'rash', 'dermatology', 'dermatologist'],
  'cardiology-consult': ['cardiology', 'cardiologist', 'heart'],
  'pt-session': ['physical therapy', 'physiotherapy', 'physio', 'pt session', 'therapy session', 'rehab'],
};

const words = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** A provider's family name: "Dr. Amara Okafor" → "okafor", "Linh Nguyen, NP" → "nguyen". */
export function familyName(provider: Provider): string {
  const beforeTitle = provider.name.split(',')[0] ?? provider.name;
  const parts = beforeTitle.trim().split(/\s+/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/**
 * Which appointment type and which provider a message names, if any. The longest matching phrase
 * wins, so "physical therapy" is a therapy session rather than an annual physical.
 */
export function findMention(
  text: string,
  types: readonly AppointmentType[],
  providers: readonly Provider[],
): { typeId?: string; providerId?: string } {
  const haystack = words(text);
  let best: { typeId: string; length: number } | undefined;
  for (const type of types) {
    for (const phrase of [type.name, ...(typeSynonyms[type.id] ?? [])]) {
      const needle = words(phrase);
      if (haystack.includes(needle) && (!best || needle.length > best.length)) best = { typeId: type.id, length: needle.length };
    }
  }
  const provider = providers.find((p) => haystack.includes(words(familyName(p))) || haystack.includes(words(p.name)));
  return { ...(best ? { typeId: best.typeId } : {}), ...(provider ? { providerId: provider.id } : {}) };
}
