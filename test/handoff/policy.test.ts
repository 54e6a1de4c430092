import { loadConfig } from '../../src/config';
import { decideHandoff, frustrationThresholdFor, policyConfigFrom, type HandoffPolicyInput } from '../../src/handoff/policy';
import type { IntentPrediction } from '../../src/nlu/types';

const config = policyConfigFrom(loadConfig({}));

const prediction = (intent: string | null, confidence = 0.9, decision: IntentPrediction['decision'] = 'clear'): IntentPrediction => ({
  intent,
  confidence,
  runnerUp: null,
  margin: confidence,
  decision,
  ranking: intent ? [{ intent, confidence }] : [],
});

const calm: HandoffPolicyInput = {
  intent: { prediction: prediction('order.status'), metadata: { escalate: false, priority: 'normal', domain: 'commerce' } },
  emergency: { isEmergency: false, categories: [], matches: [] },
  frustration: { score: 0.1, reasons: [] },
  fallbackStreak: 0,
  fieldFailures: 0,
  explicitRequest: false,
};

const outOfScope: HandoffPolicyInput['intent'] = { prediction: prediction(null, 0.2, 'out_of_scope'), metadata: null };
const clinical: HandoffPolicyInput['intent'] = {
  prediction: prediction('clinical.question'),
  metadata: { escalate: true, priority: 'high', domain: 'healthcare' },
};
const complaint: HandoffPolicyInput['intent'] = {
  prediction: prediction('support.complaint'),
  metadata: { escalate: true, priority: 'normal', domain: 'general' },
};
const emergency: HandoffPolicyInput['emergency'] = { isEmergency: true, categories: ['cardiac'], matches: ['chest pain'] };

interface Case {
  name: string;
  input: Partial<HandoffPolicyInput>;
  expected: { action: string; priority: string; reasonCodes: string[]; sendEmergencyGuidance?: boolean };
}

const cases: Case[] = [
  { name: 'a calm, understood turn needs nobody', input: {}, expected: { action: 'none', priority: 'normal', reasonCodes: [] } },
  {
    name: 'an explicit request hands over at normal priority',
    input: { explicitRequest: true },
    expected: { action: 'handoff', priority: 'normal', reasonCodes: ['user_requested'] },
  },
  {
    name: 'an emergency hands over as urgent with guidance first',
    input: { emergency },
    expected: { action: 'handoff', priority: 'urgent', reasonCodes: ['emergency'], sendEmergencyGuidance: true },
  },
  {
    name: 'frustration at the default threshold hands over as high',
    input: { frustration: { score: 0.7, reasons: ['negative_trend'] } },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['frustration'] },
  },
  {
    name: 'frustration just under the default threshold does not',
    input: { frustration: { score: 0.69, reasons: ['negative_trend'] } },
    expected: { action: 'none', priority: 'normal', reasonCodes: [] },
  },
  {
    name: 'healthcare hands over at a lower frustration score',
    input: {
      intent: { prediction: prediction('appointment.book'), metadata: { escalate: false, priority: 'normal', domain: 'healthcare' } },
      frustration: { score: 0.56, reasons: ['caps'] },
    },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['frustration'] },
  },
  {
    name: 'an out-of-scope message in a healthcare conversation uses the healthcare threshold',
    input: { intent: outOfScope, conversationDomain: 'healthcare', frustration: { score: 0.6, reasons: ['profanity'] } },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['frustration'] },
  },
  {
    name: 'legal uses its own threshold',
    input: {
      intent: { prediction: prediction('legal.status'), metadata: { escalate: false, priority: 'normal', domain: 'legal' } },
      frustration: { score: 0.6, reasons: [] },
    },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['frustration'] },
  },
  {
    name: 'a confident policy intent hands over with the intent priority',
    input: { intent: clinical },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['policy_intent'] },
  },
  {
    name: 'an ambiguous policy intent does not hand over',
    input: { intent: { ...clinical, prediction: prediction('clinical.question', 0.5, 'ambiguous') } },
    expected: { action: 'none', priority: 'normal', reasonCodes: [] },
  },
  {
    name: 'a policy intent below its own minimum confidence does not hand over',
    input: { intent: { ...complaint, metadata: { escalate: true, priority: 'normal', domain: 'general', minConfidence: 0.95 } } },
    expected: { action: 'none', priority: 'normal', reasonCodes: [] },
  },
  { name: 'the first fallback asks to clarify', input: { intent: outOfScope, fallbackStreak: 1 }, expected: { action: 'clarify', priority: 'normal', reasonCodes: [] } },
  { name: 'the second fallback asks to rephrase', input: { intent: outOfScope, fallbackStreak: 2 }, expected: { action: 'rephrase', priority: 'normal', reasonCodes: [] } },
  {
    name: 'the third fallback offers a human',
    input: { intent: outOfScope, fallbackStreak: 3 },
    expected: { action: 'offer_human', priority: 'normal', reasonCodes: ['repeated_fallback'] },
  },
  {
    name: 'later fallbacks keep offering a human',
    input: { intent: outOfScope, fallbackStreak: 7 },
    expected: { action: 'offer_human', priority: 'normal', reasonCodes: ['repeated_fallback'] },
  },
  {
    name: 'the same field failing three times hands over',
    input: { fieldFailures: 3 },
    expected: { action: 'handoff', priority: 'normal', reasonCodes: ['form_failure'] },
  },
  { name: 'two field failures do not', input: { fieldFailures: 2 }, expected: { action: 'none', priority: 'normal', reasonCodes: [] } },
  {
    name: 'reasons accumulate and the highest priority wins',
    input: { intent: complaint, emergency, frustration: { score: 0.9, reasons: ['profanity'] }, explicitRequest: true, fallbackStreak: 3 },
    expected: {
      action: 'handoff',
      priority: 'urgent',
      reasonCodes: ['emergency', 'user_requested', 'policy_intent', 'frustration', 'repeated_fallback'],
      sendEmergencyGuidance: true,
    },
  },
  {
    name: 'a handoff outranks an offer, but the fallback reason is kept',
    input: { intent: outOfScope, fallbackStreak: 4, fieldFailures: 3 },
    expected: { action: 'handoff', priority: 'normal', reasonCodes: ['form_failure', 'repeated_fallback'] },
  },
  {
    name: 'frustration raises a normal policy intent to high',
    input: { intent: complaint, frustration: { score: 0.8, reasons: ['complaint_words'] } },
    expected: { action: 'handoff', priority: 'high', reasonCodes: ['policy_intent', 'frustration'] },
  },
];

describe('decideHandoff', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const decision = decideHandoff({ ...calm, ...input }, config);
    expect(decision).toEqual({ sendEmergencyGuidance: false, ...expected });
  });

  it('asks for a crisis-trained person after suicide or self-harm language, and for nobody in particular otherwise', () => {
    const selfHarm = { isEmergency: true, categories: ['suicide_self_harm', 'overdose_poisoning'], matches: [] } as const;
    expect(decideHandoff({ ...calm, emergency: selfHarm }, config)).toMatchObject({ action: 'handoff', priority: 'urgent', skill: 'crisis' });
    expect(decideHandoff({ ...calm, emergency }, config).skill).toBeUndefined();
  });

  it('honours a configured offer stage: with 4 fallbacks before the offer, the 3rd still asks to rephrase', () => {
    const strict = { ...config, fallbacksBeforeOffer: 4 };
    const actions = [1, 2, 3, 4].map((n) => decideHandoff({ ...calm, intent: outOfScope, fallbackStreak: n }, strict).action);
    expect(actions).toEqual(['clarify', 'rephrase', 'rephrase', 'offer_human']);
  });

  it('reads its thresholds from the environment', () => {
    const custom = policyConfigFrom(
      loadConfig({ HANDOFF_FRUSTRATION_THRESHOLD: '0.8', HANDOFF_FRUSTRATION_THRESHOLD_HEALTHCARE: '0.4', HANDOFF_FIELD_FAILURES: '2' }),
    );
    expect(frustrationThresholdFor(custom, 'commerce')).toBe(0.8);
    expect(frustrationThresholdFor(custom, 'healthcare')).toBe(0.4);
    expect(frustrationThresholdFor(custom, 'legal')).toBe(0.6);
    expect(decideHandoff({ ...calm, fieldFailures: 2 }, custom).action).toBe('handoff');
  });

  it('rejects a threshold outside 0..1 naming the key', () => {
    expect(() => loadConfig({ HANDOFF_FRUSTRATION_THRESHOLD_LEGAL: '1.5' })).toThrow(/HANDOFF_FRUSTRATION_THRESHOLD_LEGAL/);
  });
});
