/** Pharmacy chains and mail-order services people name by brand. */
const chains = [
  'CVS', 'Walgreens', 'Rite Aid', 'Walmart', 'Costco', 'Kroger', 'Target', 'Publix', 'Safeway', 'Wegmans', 'H-E-B', 'HEB',
  'Meijer', 'Duane Reade', 'Albertsons', 'Sam\'s Club', 'Amazon Pharmacy', 'Express Scripts', 'OptumRx', 'Optum', 'Caremark',
  'Giant Eagle', 'Hy-Vee', 'Harris Teeter', 'Stop & Shop', 'ShopRite', 'Vons', 'Ralphs', 'King Soopers', 'Fred Meyer',
] as const;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const chainPattern = new RegExp(`\\b(?:${chains.map((c) => escape(c).replace(/\\-|\s/g, '[\\s-]?')).join('|')})(?![a-z])`, 'i');

/** A pharmacy named in the text, where it stands. */
export interface PharmacyMention {
  readonly pharmacy: string;
  readonly start: number;
  readonly end: number;
}

/** Where the pharmacy's description stops: the end of the clause, or a word that starts another thing. */
const clauseEnd = /[,.;!?]|\b(?:and|but|please|thanks|thank you|because|it'?s|its|for|the dose|dose|strength)\b/i;

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^(?:the|my)\s+/i, '');
}

/** A known chain with what follows it ("CVS on Main Street"), or what follows "pharmacy is" / "send it to". */
export function findPharmacy(text: string): PharmacyMention | undefined {
  const chain = chainPattern.exec(text);
  if (chain) {
    const rest = text.slice(chain.index + chain[0].length);
    const stop = clauseEnd.exec(rest);
    const tail = (stop ? rest.slice(0, stop.index) : rest).slice(0, 60);
    // Only a place ("on Main Street", "in Midtown", "at 5th and Pine") belongs to the chain's name.
    const place = /^\s+(?:on|in|at|near|by|off|downtown|uptown|at the)\b/i.test(tail) ? tail.trimEnd() : '';
    const canonical = chains.find((c) => c.toLowerCase().replace(/[\s-]/g, '') === chain[0].toLowerCase().replace(/[\s-]/g, '')) ?? chain[0];
    return { pharmacy: tidy(`${canonical}${place}`), start: chain.index, end: chain.index + chain[0].length + place.length };
  }
  const named = /\b(?:pharmacy\s+(?:is|will be|should be)|(?:send|fill)\s+it\s+(?:to|at)|pick\s+(?:it\s+)?up\s+at|(?:to|at)\s+the\s+pharmacy\s+(?:on|in|at))\s+([^,.;!?]{2,80})/i.exec(text);
  if (named?.[1]) {
    const value = tidy(named[1].split(clauseEnd)[0] ?? named[1]);
    if (value.length >= 2) return { pharmacy: value, start: named.index, end: named.index + named[0].length };
  }
  return undefined;
}
