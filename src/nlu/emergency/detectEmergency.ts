import { CrisisCategory, EmergencyCategory, type EmergencyResult } from '../types';
import { findExplicitCrisis } from './explicitCrisis';
import { RiskModel, riskModelFileSchema } from './riskModel';
import riskModelJson from './riskModel.json';
import { riskSegments } from './riskText';
import { scoreRisk } from './scoreRisk';

/** A category is reported beside the first when the model gives it at least this share. */
const SECOND_CATEGORY_SHARE = 0.3;
const CHILD_WORDS = new Set(['baby', 'babies', 'infant', 'newborn', 'toddler', 'child', 'kid', 'kids', 'son', 'daughter', 'yo', 'boy', 'girl']);
const MEDICAL: ReadonlySet<CrisisCategory> = new Set<CrisisCategory>([
  CrisisCategory.cardiac,
  CrisisCategory.stroke,
  CrisisCategory.breathing,
  CrisisCategory.bleeding,
  CrisisCategory.overdose,
  CrisisCategory.anaphylaxis,
  CrisisCategory.seizure,
]);

/**
 * Detects crisis language: a model trained on intents/safety/corpus scores every sentence (and windows of long
 * ones) and the riskiest one decides; explicit statements ("call 911", "kill myself") outside a negation, history,
 * topic or idiom frame raise the alarm whatever the model says. Build once and reuse.
 */
export class EmergencyDetector {
  constructor(private readonly model: RiskModel = sharedModel()) {}

  /**
   * `matches` holds the sentence that raised the alarm (for audit; never logged in clear); `score` is its crisis
   * probability and `threshold` the calibrated alarm level.
   */
  detect(text: string): EmergencyResult {
    const risk = scoreRisk(this.model, text);
    const score = Number(risk.probability.toFixed(4));
    if (risk.probability < this.model.threshold) return this.explicit(text, score);
    const isEmergency = true;
    const ranked = this.model.rankCategories(risk.ids);
    const top = ranked[0]!;
    const categories: EmergencyCategory[] = ranked
      .filter((r, i) => i === 0 || r.probability >= SECOND_CATEGORY_SHARE * top.probability)
      .slice(0, 2)
      .map((r) => r.category);
    // A second crisis stated outright in the message ("… and I can't breathe") is named too.
    for (const words of riskSegments(text)) {
      const hit = findExplicitCrisis(words);
      if (hit?.category && !categories.includes(hit.category)) categories.push(hit.category);
    }
    if (categories.some((c) => MEDICAL.has(c as CrisisCategory)) && risk.words.some((w) => CHILD_WORDS.has(w))) {
      categories.push(EmergencyCategory.pediatric);
    }
    return { isEmergency, categories, matches: [risk.words.join(' ')], score };
  }

  /** The rule layer: an explicit, unframed crisis statement raises the alarm even when the model scores it low. */
  private explicit(text: string, score: number): EmergencyResult {
    for (const words of riskSegments(text)) {
      const hit = findExplicitCrisis(words);
      if (hit) return { isEmergency: true, categories: hit.category ? [hit.category] : [], matches: [words.join(' ')], score };
    }
    return { isEmergency: false, categories: [], matches: [], score };
  }
}

let model: RiskModel | undefined;
function sharedModel(): RiskModel {
  model ??= new RiskModel(riskModelFileSchema.parse(riskModelJson));
  return model;
}

// The model is immutable, so one shared detector is safe; it is built on first use.
let shared: EmergencyDetector | undefined;

/** Detects emergency and crisis language with a shared EmergencyDetector. */
export function detectEmergency(text: string): EmergencyResult {
  shared ??= new EmergencyDetector();
  return shared.detect(text);
}
