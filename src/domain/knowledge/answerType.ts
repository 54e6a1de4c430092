/**
 * What kind of fact a question asks for, read from its question words ("how much" wants an amount,
 * "where" a place, "who is" a person), and whether a passage states such a fact. A passage that holds the kind of fact
 * asked for answers better than one that only shares its words.
 */
export const AnswerType = {
  amount: 'amount',
  duration: 'duration',
  clockTime: 'clockTime',
  address: 'address',
  contact: 'contact',
  person: 'person',
} as const;
export type AnswerType = (typeof AnswerType)[keyof typeof AnswerType];

const asks: readonly (readonly [AnswerType, RegExp])[] = [
  [AnswerType.amount, /\b(?:how much|what(?:'s| is| does)? (?:the )?(?:cost|price|fee|charge)|(?:cost|costs|price|prices|fee|fees|charge)\b.*\?|(?:cost|price|fee)s? (?:of|for)\b)/iu],
  [AnswerType.duration, /\b(?:how long|how soon|how early|how fast|how many (?:days|hours|weeks|minutes|months)|how quickly|(?:return|refund|cancellation) (?:window|period|deadline)|time limit)\b/iu],
  [AnswerType.clockTime, /\b(?:hours|what time|what days?|which days?|when (?:do|does|are|is) (?:you|it|the \w+(?: \w+)?) (?:open|close)|open(?:ing)?|clos(?:e|ed|ing))\b/iu],
  [AnswerType.address, /\b(?:where|address|located|location|locations|directions|how (?:do|can) i get (?:to|there))\b/iu],
  [AnswerType.contact, /\b(?:who (?:do|should|can) i (?:email|e-mail|call|contact|write|talk|speak|complain)|where (?:do|should|can) i (?:send|email|e-mail|write|mail|complain)|what(?:'s|s| is)? (?:your|ur|the) (?:email|e-mail|phone|number)|(?:email|e-mail) address|phone number|what number|number (?:to|do i) call|how (?:do|can) i (?:contact|reach|email|call))\b/iu],
  [AnswerType.person, /\b(?:who(?:'s| is| are)|which (?:doctors?|providers?))\b/iu],
];

/** The kinds of fact the question asks for (several when it asks two things at once); empty when it doesn't say. */
export function answerTypesAsked(question: string): AnswerType[] {
  return asks.filter(([, pattern]) => pattern.test(question)).map(([type]) => type);
}

const states: Readonly<Record<AnswerType, RegExp>> = {
  amount: /\$\s?\d|\b\d+(?:\.\d+)?\s?(?:dollars|percent|%)/iu,
  duration: /\b\d+(?:\s?(?:to|-|–)\s?\d+)?\s+(?:business\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b|\b(?:same day|next business day|immediately|straight away|within (?:a|one) (?:day|week|business day))\b/iu,
  clockTime: /\b\d{1,2}(?::\d\d)?\s?(?:AM|PM)\b|\b24 hours a day\b/iu,
  address: /\b\d{2,5}\s+(?:[A-Z0-9][\w.]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Way|Lane|Place)\b/u,
  contact: /[\w.+-]+@[\w-]+\.[\w.]+|\+?1?[\s-]?\(?\d{3}\)?[\s-]\d{3}-\d{4}/u,
  person: /\bDr\.\s+\p{Lu}|,\s*(?:NP|DPT|MD|PA)\b/u,
};

/** True when `text` states a fact of kind `type` (an amount, a length of time, a clock time, a street address, an email or phone). */
export function statesAnswerType(text: string, type: AnswerType): boolean {
  return states[type].test(text);
}
