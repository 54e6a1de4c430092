/** A strength as a label writes it ("10 mg", "90 mcg", "5/325 mg"), where it stands in the text. */
export interface StrengthMention {
  readonly strength: string;
  readonly start: number;
  readonly end: number;
}

const units: ReadonlyMap<string, string> = new Map([
  ['mg', 'mg'], ['mgs', 'mg'], ['milligram', 'mg'], ['milligrams', 'mg'],
  ['mcg', 'mcg'], ['ug', 'mcg'], ['µg', 'mcg'], ['microgram', 'mcg'], ['micrograms', 'mcg'],
  ['g', 'g'], ['gram', 'g'], ['grams', 'g'],
  ['ml', 'mL'], ['milliliter', 'mL'], ['milliliters', 'mL'],
  ['unit', 'units'], ['units', 'units'], ['iu', 'IU'], ['%', '%'],
  ['mg/ml', 'mg/mL'], ['mg/5ml', 'mg/5 mL'],
]);

const strengthPattern =
  /(\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?)\s*(mg\/5\s?ml|mg\/ml|milligrams?|micrograms?|grams?|milliliters?|mgs?|mcg|ug|µg|ml|units?|iu|g|%)(?![a-z])/i;

/** The strength a message gives, with its unit normalised ("10MG" → "10 mg"). */
export function findStrength(text: string): StrengthMention | undefined {
  const match = strengthPattern.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = match[1].replace(/\s+/g, '').replace(',', '.');
  const unit = units.get(match[2].toLowerCase().replace(/\s+/g, '')) ?? match[2].toLowerCase();
  return { strength: unit === '%' ? `${amount}%` : `${amount} ${unit}`, start: match.index, end: match.index + match[0].length };
}

const unknownPattern =
  /\b(?:i\s*(?:do\s*n[o']?t|dont|don't|dnt|do not)\s*(?:know|remember|recall)|idk|dunno|not\s+(?:sure|certain)|unsure|no\s+(?:idea|clue)|(?:can'?t|cannot|can not|don'?t)\s+(?:remember|recall|find it|see it|read it)|forgot|same\s+(?:as\s+(?:before|last\s+time|always)|one|dose)|the\s+usual)\b/i;

/** "I don't know the dose", "not sure", "same as last time": the patient can't say, and that is an answer. */
export function saysUnknown(text: string): boolean {
  return unknownPattern.test(text);
}

/** A bare number where a strength was asked ("10", "0.5"): kept as typed, the care team reads it with the label. */
export function bareAmount(text: string): string | undefined {
  const match = /^\s*(?:it'?s\s+|its\s+|it\s+is\s+)?(\d+(?:[.,]\d+)?(?:\s*\/\s*\d+)?)\s*[.!]?\s*$/i.exec(text);
  return match?.[1]?.replace(/\s+/g, '');
}
