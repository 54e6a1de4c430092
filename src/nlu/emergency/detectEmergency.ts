import { tokenize } from '../language/tokenize';
import { EmergencyCategory, type EmergencyResult } from '../types';
import { PhraseMatcher } from './phraseMatcher';
import { CHILD_WORDS, EMERGENCY_RULES, type RuleCategory } from './rules';

/** Categories that become pediatric as well when the message is about a child. */
const MEDICAL: ReadonlySet<RuleCategory> = new Set<RuleCategory>([
  EmergencyCategory.cardiac,
  EmergencyCategory.stroke,
  EmergencyCategory.breathing,
  EmergencyCategory.bleeding,
  EmergencyCategory.overdose,
  EmergencyCategory.anaphylaxis,
  'general',
]);

/** Detects emergency and crisis language; build once and reuse (rules compile in the constructor). */
export class EmergencyDetector {
  private readonly rules = new PhraseMatcher<RuleCategory>(EMERGENCY_RULES);
  private readonly child = new PhraseMatcher<'child'>([{ id: 'child', category: 'child', slots: [CHILD_WORDS] }]);

  /**
   * Matches phrases over tokens and stems (never raw substrings), with short gaps, typo tolerance on key
   * words, vetoes for look-alikes ("chest of drawers") and negation only where it directly governs a symptom.
   * `categories` may be empty on an emergency with no specific category ("call an ambulance").
   */
  detect(text: string): EmergencyResult {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { isEmergency: false, categories: [], matches: [] };
    const hits = this.rules.match(tokens).filter((m) => !m.negated);
    if (hits.length === 0) return { isEmergency: false, categories: [], matches: [] };
    const categories = new Set<RuleCategory>(hits.map((m) => m.rule.category));
    if ([...categories].some((c) => MEDICAL.has(c)) && this.child.match(tokens).length > 0) {
      categories.add(EmergencyCategory.pediatric);
    }
    const matches = hits.map((m) => text.slice(tokens[m.startToken]!.start, tokens[m.endToken - 1]!.end));
    const specific = [...categories].filter((c): c is EmergencyCategory => c !== 'general');
    return { isEmergency: true, categories: specific, matches: [...new Set(matches)] };
  }
}

// The compiled rules are immutable, so one shared detector is safe; it is built on first use.
let shared: EmergencyDetector | undefined;

/** Detects emergency and crisis language with a shared EmergencyDetector. */
export function detectEmergency(text: string): EmergencyResult {
  shared ??= new EmergencyDetector();
  return shared.detect(text);
}
