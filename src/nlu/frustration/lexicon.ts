/** Complaint words; matched by whole token or by Porter stem, so "frustrating" and "frustrated" both count. */
export const COMPLAINT_WORDS: readonly string[] = [
  'complain', 'complaint', 'useless', 'ridiculous', 'unacceptable', 'terrible', 'horrible', 'awful', 'worst',
  'pathetic', 'incompetent', 'disappointed', 'disappointing', 'frustrated', 'frustrating', 'annoyed', 'annoying',
  'angry', 'furious', 'upset', 'scam', 'rude', 'garbage', 'nonsense', 'unhelpful', 'liar', 'lied', 'disgusting',
  'disgraceful', 'shameful', 'absurd', 'clueless', 'unreliable', 'outrageous', 'appalling', 'horrendous',
  'nightmare', 'ripoff', 'overcharged', 'sucks', 'hate', 'livid', 'infuriating', 'unbelievable', 'ugh', 'smh',
];

/** Complaint phrases over lower-case tokens joined by single spaces. */
export const COMPLAINT_PHRASES: readonly RegExp[] = [
  /\b(?:fed up|sick of|sick and tired|had enough|rip off|waste of (?:my )?(?:time|money))\b/,
  /\b(?:this|that|you|it) (?:is|are|'s|is such) (?:a )?joke\b/, /\bwhat a joke\b/,
  /\b(?:not|never) (?:acceptable|happy|helpful|ok|okay|good enough)\b/,
  /\b(?:doesn't|does not|didn't|did not|don't|do not|never|not|nothing) (?:work|works|working|help|helps|helped)\b/,
  /\bstopped working\b/, /\bthanks for nothing\b/, /\bcharged (?:me )?twice\b/, /\bdouble charged\b/,
  /\b(?:manager|supervisor)\b/, /\bworst (?:experience|service|company|bot)\b/, /\bwhat the (?:hell|heck|fuck)\b/,
  /\bno one (?:is )?(?:helping|helps|cares|answers)\b/, /\bnobody (?:helps|cares|answers)\b/,
];

/** Profane tokens (exact), and prefixes that are profane in any form ("fucking", "shitty"). */
export const PROFANITY: ReadonlySet<string> = new Set([
  'damn', 'damned', 'dammit', 'damnit', 'goddamn', 'goddamnit', 'crap', 'crappy', 'hell', 'ass', 'asses', 'arse',
  'asshole', 'assholes', 'bastard', 'bastards', 'bitch', 'bitches', 'bullshit', 'bs', 'wtf', 'ffs', 'stfu', 'piss',
  'pissed', 'freaking', 'frickin', 'fricking', 'effing', 'bloody', 'dick', 'dicks', 'prick', 'screw', 'screwed', 'sucks',
]);
/** Prefixes that are profane in every word they start. */
export const PROFANE_PREFIXES: readonly string[] = ['fuck', 'fck', 'motherf', 'bullsh'];
/** "shit" and its forms, but not "shitake". */
export const PROFANE_FORMS = /^(?:shit|shits|shitty|shitting|shitted|shithead|shithole|shitshow|horseshit|apeshit)$/;
/** Masked profanity such as "f***", "sh*t", "f#cking". */
export const MASKED_PROFANITY = /(?<![\p{L}\p{N}])(?:f[*#@$%]{1,3}(?:k|ck|cking|king|ing)?|sh[*#@$%]t\w*|s[*#@$%]{2}t|f[*#@$%]ck\w*)(?![\p{L}\p{N}])/iu;

/** Claims that the user is repeating themselves. */
export const REPETITION_CLAIMS: readonly RegExp[] = [
  /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th|umpteenth|hundredth|last) time\b/,
  /\bhow many (?:more )?times\b/, /\b(?:i|i've|i have|i've already) (?:already )?(?:told|said|gave|given|explained|provided|sent|asked)\b/,
  /\balready (?:told|said|gave|given|explained|provided|sent|asked|answered)\b/,
  /\b(?:as|like) i (?:said|told you|mentioned|explained)\b/, /\btold you\b/, /\bkeep (?:asking|saying|telling|repeating)\b/,
  /\bkeeps (?:asking|saying|telling|repeating)\b/, /\brepeat(?:ing)? myself\b/, /\b(?:once|yet) again\b/, /\bagain\b/,
  /\bsame (?:question|answer|thing|message)\b/, /\bover and over\b/, /\basked (?:before|already|twice|three times)\b/,
  /\b(?:i|we) said\b/, /\bi meant\b/,
];

/** Complaints about waiting, over lower-case tokens. */
export const WAITING_CLAIMS: readonly RegExp[] = [
  /\b(?:waiting|waited|wait|been) (?:for |over |almost |nearly |more than |about )*(?:\d+|a|an|one|two|three|four|five|six|several|many|few|couple of) ?(?:more )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b/,
  /\b(?:still|yet to) (?:waiting|haven't|have not|hasn't|has not|not|no|nothing|don't|didn't|did not|do not|can't|cannot)\b/,
  /\b(?:hours?|minutes?|forever|ages) on hold\b/, /\bon hold for\b/, /\bbeen on hold\b/, /\btook forever\b/,
  /\btaking (?:forever|so long|too long|ages)\b/, /\b(?:for|in) (?:ages|forever)\b/, /\bso long\b/,
  /\b(?:days|weeks|months) (?:and|but) (?:still |no |nothing)/, /\bsince (?:last|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
  /\b(?:never|nobody|no one|haven't|have not) (?:heard|got|gotten) back\b/, /\bno (?:response|reply|answer|update)\b/,
  /\bwhere the (?:hell|heck|fuck) is my\b/, /\b(?:still|already) (?:\d+|two|three) (?:days|weeks) late\b/,
];
