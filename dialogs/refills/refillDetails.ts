import { findMedications } from './medicationNames';
import { findPharmacy } from './pharmacyAnswer';
import { findStrength } from './strengthAnswer';

/** What one message says about a refill: any of the medicine(s), the strength and the pharmacy. */
export interface RefillDetails {
  /** Known medicines named, in order. */
  readonly medications: readonly string[];
  readonly strength?: string;
  readonly pharmacy?: string;
  /** The text left once the strength and pharmacy are taken out, for a name that isn't on the list. */
  readonly rest: string;
}

const negation = /\b(?:not|n't|instead of|rather than|no longer|than)\s+(?:my\s+|the\s+)?$/i;

export function readRefillDetails(text: string): RefillDetails {
  const strength = findStrength(text);
  const pharmacy = findPharmacy(text);
  let rest = text;
  for (const span of [strength, pharmacy].filter((s) => s !== undefined).sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  }
  // "metformin, not lisinopril": a medicine named only to be taken back is not asked for.
  const wanted = findMedications(rest).filter((m) => !negation.test(rest.slice(Math.max(0, m.start - 24), m.start)));
  return {
    medications: wanted.map((m) => m.name),
    ...(strength ? { strength: strength.strength } : {}),
    ...(pharmacy ? { pharmacy: pharmacy.pharmacy } : {}),
    rest: rest.replace(/\s+/g, ' ').trim(),
  };
}

/** Words that say "a medicine" without saying which. */
const generic = new Set([
  'prescription', 'prescriptions', 'script', 'scripts', 'rx', 'meds', 'med', 'medication', 'medications', 'medicine', 'medicines',
  'pills', 'pill', 'tablets', 'tablet', 'refill', 'refills', 'it', 'them', 'stuff', 'drug', 'drugs', 'one', 'my', 'the', 'a',
]);

const fillers =
  /^(?:(?:ok(?:ay)?|so|um+|uh+|well|yes|yeah|sure|please|hi|hello|oh|ah|sorry|actually)\b[\s,.!-]*)*(?:(?:it'?s|its|it is|that'?s|that is|i take|i'm on|im on|i am on|i use|i need|i meant|i mean|the name is|name is|called|for|my|the|a|refill(?: of| on| for)?|some more|more)\b\s*)*/i;

/** A name as the patient typed it where it isn't on the list: fillers ("it's my …") and end punctuation dropped. */
export function typedName(text: string): string {
  return text
    .replace(fillers, '')
    .replace(/\b(?:please|thanks|thank you|refill(?:ed)?|prescription)\b/gi, ' ')
    .replace(/[\s,.;:!?-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that answer nothing ("hmm", "ok", "what"), whatever was asked. */
const nonAnswers = /^(?:h+m+|u+m+|u+h+|e+r+m*|a+h+|o+h+|ok(?:ay)?|k|huh|what|wait|maybe|lol|hi|hello|hey|thanks?|thank you|sure|test|idk|\?+)$/i;

export function isNonAnswer(phrase: string): boolean {
  return nonAnswers.test(phrase.trim().replace(/[.!?]+$/u, ''));
}

/** Words that make a short phrase a medicine described rather than named ("my blood pressure pills", "eye drops"). */
const medicineWords = /\b(?:pills?|meds?|medications?|medicines?|tablets?|capsules?|inhalers?|insulin|drops|cream|ointment|patch(?:es)?|shots?|injections?|spray|syrup|puffer|vitamins?)\b/i;

/** A short phrase that describes a medicine by what it is for or what it looks like. */
export function describesMedicine(phrase: string): boolean {
  return medicineWords.test(phrase) && !isGeneric(phrase) && phrase.split(/\s+/).length <= 6;
}

/** True when every word is generic ("my meds", "the prescription"): it doesn't say which medicine. */
export function isGeneric(phrase: string): boolean {
  const words = phrase.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.every((w) => generic.has(w));
}

const describedPatterns = [
  /\b(?:refill|refills|refilled|renew|renewal|more)\s+(?:of\s+|on\s+|for\s+)?(?:my|the)\s+([a-z][a-z\s-]{1,40}?)(?=\s+(?:prescription|script|refill|please|at|from|to|before|since|because|asap|soon|today)\b|[,.;!?]|$)/i,
  /\b(?:out of|running (?:low|out) (?:on|of)|almost out of|low on|run out of|ran out of|running out of)\s+(?:my\s+|the\s+)?([a-z][a-z\s-]{1,40}?)(?=\s+(?:prescription|script|refill|please|and|at|from|to|before|since|because|asap|soon|today)\b|[,.;!?]|$)/i,
  /\bmy\s+([a-z][a-z\s-]{1,40}?)\s+(?:prescription|script|refill)\b/i,
];

/** What a request says the medicine is when it doesn't name it ("my inhaler", "my blood pressure pills"). */
export function describedMedication(text: string): string | undefined {
  for (const pattern of describedPatterns) {
    const phrase = pattern.exec(text)?.[1]?.trim();
    const sentence = phrase ? /\b(?:prescription|script|refill|needs?|is|are|was|has|have|got)\b/i.test(phrase) : true;
    if (phrase && !sentence && !isGeneric(phrase) && phrase.split(/\s+/).length <= 5) return phrase.toLowerCase();
  }
  return undefined;
}
