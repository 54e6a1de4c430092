const yes = /^(y|yes|yeah|yep|yup|sure|ok|okay|please|yes please|please do|go ahead|do it|confirm|correct|that's right|that is right|right|absolutely|of course)$/;
const no = /^(n|no|nope|nah|no thanks|no thank you|don't|do not|not now|negative|keep it|wrong)$/;

/** Reads a yes or a no out of a short answer; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const normalized = text.toLowerCase().replace(/[.!,\s]+$/u, '').replace(/\s+/g, ' ').trim();
  if (yes.test(normalized)) return true;
  if (no.test(normalized)) return false;
  return undefined;
}
