import { CrisisCategory } from '../types';
import { findFrames, Frame, saysResolved } from './riskFrames';

/**
 * Statements that are a crisis in any wording around them ("I'm going to take my own life", "call 911"), caught
 * even when the model scores them low, unless the sentence frames them as something else: a negation, the past
 * only, a topic (an essay, a policy, a film), an idiom or an all-clear. Normalised words, as riskText writes them.
 */
const EXPLICIT: readonly (readonly [string, CrisisCategory | null])[] = [
  ['kill myself', CrisisCategory.selfHarm], ['killing myself', CrisisCategory.selfHarm], ['take my own life', CrisisCategory.selfHarm],
  ['take my life', CrisisCategory.selfHarm], ['end my life', CrisisCategory.selfHarm], ['ending my life', CrisisCategory.selfHarm],
  ['end it all', CrisisCategory.selfHarm], ['want to die', CrisisCategory.selfHarm], ['wanna die', CrisisCategory.selfHarm],
  ['kms', CrisisCategory.selfHarm], ['suicidal', CrisisCategory.selfHarm], ['commit suicide', CrisisCategory.selfHarm],
  ['hang myself', CrisisCategory.selfHarm], ['let me die', CrisisCategory.selfHarm], ['better off dead', CrisisCategory.selfHarm],
  ['overdosed', CrisisCategory.overdose], ['overdosing', CrisisCategory.overdose], ['took too many', CrisisCategory.overdose],
  ['not breathing', CrisisCategory.breathing], ['isnt breathing', CrisisCategory.breathing], ['stopped breathing', CrisisCategory.breathing],
  ['cant breathe', CrisisCategory.breathing], ['cannot breathe', CrisisCategory.breathing], ['having a heart attack', CrisisCategory.cardiac],
  ['having a stroke', CrisisCategory.stroke], ['having a seizure', CrisisCategory.seizure], ['call 911', null], ['call 999', null],
  ['call an ambulance', null], ['need an ambulance', null], ['send help', null], ['call emergency services', null],
  ['emergency services', null], ['medical emergency', null], ['send an ambulance', null],
];
const BLOCKING: readonly Frame[] = [Frame.negation, Frame.topic, Frame.idiom];

/** The explicit statement in the segment, when one stands unframed; `category` is null for "call 911"-like pleas. */
export function findExplicitCrisis(words: readonly string[]): { phrase: string; category: CrisisCategory | null } | null {
  const joined = ` ${words.join(' ')} `;
  const hit = EXPLICIT.find(([phrase]) => joined.includes(` ${phrase} `));
  if (!hit) return null;
  const frames = findFrames(words);
  if (BLOCKING.some((frame) => frames.has(frame))) return null;
  if (frames.has(Frame.history) && !frames.has(Frame.present)) return null;
  if (saysResolved(words, frames)) return null;
  return { phrase: hit[0], category: hit[1] };
}
