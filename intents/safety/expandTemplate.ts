/** Expands one template: `[a|b]` picks an alternative, `{slot}` a value of the slot; repeats until none is left. */
export function expandTemplate(template: string, slots: Readonly<Record<string, readonly string[]>>, random: () => number): string {
  let text = template;
  for (let round = 0; round < 8 && /[[{]/.test(text); round++) {
    text = text.replace(/\[([^[\]]*)\]/g, (_all, body: string) => pick(body.split('|'), random));
    text = text.replace(/\{(\w+)\}/g, (all, name: string) => {
      const values = slots[name];
      return values ? pick(values, random) : all;
    });
  }
  return text.replace(/\s+/g, ' ').replace(/\s+([,.!?])/g, '$1').replace(/,\s*,/g, ',').replace(/^[\s,]+|[\s,]+$/g, '');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}
