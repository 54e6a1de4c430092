/** Control words that act on the current dialog rather than being answers to it. */
export const Command = { help: 'help', cancel: 'cancel', startOver: 'startOver' } as const;
export type Command = (typeof Command)[keyof typeof Command];

const patterns: readonly (readonly [Command, RegExp])[] = [
  [Command.help, /^(help|help me|\?|what can (you|i) (do|say)|options|menu)$/],
  [Command.cancel, /^(cancel|cancel (it|that|this)|stop|quit|exit|never ?mind|forget (it|that)|abort)$/],
  [Command.startOver, /^(start over|start again|restart|begin again|reset|from the (top|beginning))$/],
];

/** Whole-message match only, so "cancel my order" is an answer, not a command. */
export function matchCommand(text: string): Command | undefined {
  const normalized = text.toLowerCase().replace(/[.!?\s]+$/u, '').replace(/^\s+|\s+(please)$/gu, '').trim();
  return patterns.find(([, re]) => re.test(normalized))?.[0];
}
