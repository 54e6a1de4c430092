const saysNotAnEmergency = [
  /\b(not|isn'?t|wasn'?t|no|never) (an? |really an? )?(emergency|urgent)\b/,
  /\bfalse alarm\b/,
  /\b(i'?m|i am|we'?re|we are|(every|no) ?(one|body)'?s?( is)?|all) (totally |completely |perfectly |just )?(fine|ok|okay|safe|alright|all right|good)\b/,
  /\b(no ?(one|body)|nobody)('?s| is| was) (hurt|injured|in danger)\b/,
  /\bi (only |just )?(meant|mean|was (talking|asking) about)\b/,
  /\b(just |only )?(kidding|joking)\b/,
  /\b(wrong (word|words|thing)|typo|misunderstood|misunderstanding|bad choice of words)\b/,
];

/**
 * True when the customer says the alarm was false: "no I'm fine, I meant the product", "not an
 * emergency", "false alarm". Only asked right after emergency language raised the alarm, and never of a
 * message that itself reads as an emergency (the caller checks the turn's screening).
 */
export function readsAsFalseAlarm(text: string): boolean {
  const normalized = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return saysNotAnEmergency.some((pattern) => pattern.test(normalized));
}
