import { loadRiskModel, type RiskModel } from '../../../intents/safety/model';
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

/** The model's categories in the bot's vocabulary; a seizure takes the stroke (911) path, a person in danger none. */
const MODEL_CATEGORY: ReadonlyMap<string, RuleCategory> = new Map<string, RuleCategory>([
  ['suicide_self_harm', EmergencyCategory.selfHarm],
  ['overdose_poisoning', EmergencyCategory.overdose],
  ['cardiac', EmergencyCategory.cardiac],
  ['stroke', EmergencyCategory.stroke],
  ['seizure', EmergencyCategory.stroke],
  ['anaphylaxis', EmergencyCategory.anaphylaxis],
  ['breathing', EmergencyCategory.breathing],
  ['bleeding', EmergencyCategory.bleeding],
  ['pregnancy', EmergencyCategory.pregnancy],
  ['violence_threat', EmergencyCategory.violence],
  ['person_in_danger', 'general'],
  ['general', 'general'],
]);

/** Share of the threshold at which a phrase rule firing on the flagged sentences is enough. */
const RULE_SUPPORT = 1 / 3;

/** The model's category is added only when it is this sure of it; the rules' categories are always kept. */
const CATEGORY_CONFIDENCE = 0.6;

const NONE: EmergencyResult = { isEmergency: false, categories: [], matches: [] };

// The committed model is immutable once loaded, so one copy serves every detector; it is read on first use.
let sharedModel: RiskModel | undefined;
function defaultModel(): RiskModel {
  sharedModel ??= loadRiskModel();
  return sharedModel;
}

/** Options of an EmergencyDetector; the defaults are the committed model and its calibrated threshold. */
export interface EmergencyDetectorOptions {
  readonly model?: RiskModel;
  /** Overrides the model's threshold (evals and tests only). */
  readonly threshold?: number;
}

/**
 * Detects emergency and crisis language; build once and reuse. A trained model (intents/safety: logistic
 * regression over words, character n-grams and context frames, scored per sentence window) decides whether a
 * message is a crisis; the phrase rules name the category where they fire, and the model names it otherwise.
 */
export class EmergencyDetector {
  private readonly rules = new PhraseMatcher<RuleCategory>(EMERGENCY_RULES);
  private readonly decisiveRules = new PhraseMatcher<RuleCategory>(EMERGENCY_RULES.filter((rule) => rule.decisive === true));
  private readonly child = new PhraseMatcher<'child'>([{ id: 'child', category: 'child', slots: [CHILD_WORDS] }]);
  private readonly model: RiskModel;
  private readonly threshold: number;

  constructor(options: EmergencyDetectorOptions = {}) {
    this.model = options.model ?? defaultModel();
    this.threshold = options.threshold ?? this.model.threshold;
  }

  /**
   * `categories` may be empty on an emergency with no specific category ("call an ambulance"); `matches` are the
   * rule phrases that fired, as written, or the words of the window the model flagged.
   */
  detect(text: string): EmergencyResult {
    if (!/[\p{L}\p{N}]/u.test(text)) return NONE;
    const risk = this.model.score(text);
    if (risk.score < this.threshold * RULE_SUPPORT) return this.decisive(text);
    // The rules only read the sentences the model flagged: bounded cost, and no category from elsewhere in a long message.
    const flagged = risk.sentences.join('\n');
    const tokens = tokenize(flagged);
    const hits = this.rules.match(tokens).filter((m) => !m.negated);
    // Below the threshold, a crisis phrase the rules read as not negated ("I don't know what to do, I have chest
    // pain") still raises the alarm when the model leans that way.
    if (risk.score < this.threshold && hits.length === 0) return NONE;
    const categories = new Set<RuleCategory>(hits.map((m) => m.rule.category));
    const modelCategory = MODEL_CATEGORY.get(risk.category);
    if (modelCategory && risk.categoryProbability >= CATEGORY_CONFIDENCE) categories.add(modelCategory);
    if ([...categories].some((c) => MEDICAL.has(c)) && this.child.match(tokens).length > 0) categories.add(EmergencyCategory.pediatric);
    const matches = hits.map((m) => flagged.slice(tokens[m.startToken]!.start, tokens[m.endToken - 1]!.end));
    const specific = [...categories].filter((c): c is EmergencyCategory => c !== 'general');
    return { isEmergency: true, categories: specific, matches: [...new Set(matches)] };
  }

  /** The few decisive rules over the whole message, for what the model reads as safe. */
  private decisive(text: string): EmergencyResult {
    const tokens = tokenize(text);
    const hits = this.decisiveRules.match(tokens).filter((m) => !m.negated);
    if (hits.length === 0) return NONE;
    const categories = new Set<RuleCategory>(hits.map((m) => m.rule.category));
    if ([...categories].some((c) => MEDICAL.has(c)) && this.child.match(tokens).length > 0) categories.add(EmergencyCategory.pediatric);
    const matches = hits.map((m) => text.slice(tokens[m.startToken]!.start, tokens[m.endToken - 1]!.end));
    return { isEmergency: true, categories: [...categories].filter((c): c is EmergencyCategory => c !== 'general'), matches: [...new Set(matches)] };
  }

  /** The model's crisis score of a message (0..1) and the threshold it is held to, for evals. */
  score(text: string): { score: number; threshold: number } {
    return { score: this.model.score(text).score, threshold: this.threshold };
  }
}

// One shared detector, built on first use.
let shared: EmergencyDetector | undefined;

/** Detects emergency and crisis language with a shared EmergencyDetector. */
export function detectEmergency(text: string): EmergencyResult {
  shared ??= new EmergencyDetector();
  return shared.detect(text);
}
