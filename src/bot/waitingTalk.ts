import { readStop } from '../../dialogs/interruptions/stopRequest';

/** What a customer waiting in line for a person says about the wait itself. */
export type WaitingTalk = 'cancel' | 'position' | 'askedAgain' | undefined;

/** What "cancel the …" may name while waiting: the wait, the request, the person. */
const waitWords = ['queue', 'line', 'wait', 'waiting', 'request', 'agent', 'human', 'person', 'chat', 'help', 'callback', 'everything'];

/** "I don't need a human anymore", "no longer need an agent": the wait is no longer wanted. */
const noLongerNeeded =
  /\b(?:don'?t|do not|no longer|not|won'?t)\s+(?:really\s+|even\s+)?(?:need|want|require)\s+(?:(?:a|an|the|any|to)\s+)?(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|the)?\s*)?(?:human|person|agent|someone|somebody|anyone|anybody|help|rep|representative)\b/u;
/** Said on its own while waiting, these close the matter: "I figured it out", "all sorted now". */
const solved = /^(?:\W*(?:oh|ok(?:ay)?|actually|never ?mind|nvm|thanks?|thank you|it'?s fine|no worries)\b[\s,.!]*)*(?:i (?:figured|sorted|worked) it out|i found it|(?:it'?s |all )?(?:sorted|solved|resolved) now|i'?m (?:all set|good|fine|ok(?:ay)?) now)\b/u;

/** Asking for a person again while already in line: "HUMAN PLEASE", "can I just talk to someone?". */
const personAsked =
  /^(?:\W*(?:hello|hi|hey|ok|so|please|pls|can i|could i|i want|i need|i'd like|let me|get me|give me|just|still|to|talk|speak|chat|with|me)\b[\s,.!?]*)*(?:a |an |the |some )?(?:real |live |actual )?(?:human|person|agent|representative|rep|someone|somebody|operator|people)(?:\s+(?:please|pls|now|already|asap))*[\s?.!]*$/u;

const queueQuestions: readonly RegExp[] = [
  /\b(?:where am i|my (?:place|position|spot|turn)|(?:position|place|spot) in (?:the )?(?:queue|line))\b/u,
  /\bhow (?:much )?longer\b/u,
  /\bhow long\b(?:\s+(?:is the wait|will (?:it|this|the wait) (?:be|take)|(?:do|must|should|will) i (?:have to |need to |still )?wait|until|till|before|for (?:an? |the )?(?:agent|person|human|someone|reply)|now|still|left)\b|\s*[?.!]*$)/u,
  /\b(?:am i|is it my turn|am i the) next\b|\bis it my turn\b|\bwho'?s next\b/u,
  /\bhow many (?:people |more )?(?:are |is )?(?:ahead|before|in front)\b/u,
  /^(?:\W*(?:hello+|hi|hey|um+|so)\b[\s,.!]*)*(?:are |is )?(?:you|anyone|anybody|someone|somebody) (?:still )?there\s*\?+[\s?!.]*$/u,
  /\b(?:wait(?:ing)? time|still waiting|still in (?:the )?(?:queue|line)|still there|any(?:one|body) (?:there|coming|available)|is (?:someone|somebody|anyone|anybody) (?:coming|there|available)|when (?:will|can|do|does) (?:someone|somebody|an agent|a person|a human|the agent|they|you) (?:be|get|come|answer|reply|join|talk|pick)|how soon)\b/u,
];

/**
 * Reads what a customer waiting for a person says about the wait: leaving it ("I don't need a human anymore,
 * thanks", "actually never mind"), or asking where they are ("am I next?", "how much longer?"). Anything else is
 * for the agent. Only used while queued: in a chat with an agent, "I'm good now" is said to the agent.
 */
export function readWaitingTalk(text: string): WaitingTalk {
  const normalized = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  if (readStop(normalized, waitWords).kind !== 'none' || noLongerNeeded.test(normalized) || solved.test(normalized)) return 'cancel';
  if (queueQuestions.some((pattern) => pattern.test(normalized))) return 'position';
  if (personAsked.test(normalized)) return 'askedAgain';
  return undefined;
}
