import { findPhoneNumbersInText } from 'libphonenumber-js';
import { groundedAnswerSystemPrompt, summarySystemPrompt } from './prompts';

export const safetyViolations = ['medical_advice', 'foreign_email', 'foreign_phone', 'foreign_order_number', 'prompt_leak'] as const;
export type SafetyViolation = (typeof safetyViolations)[number];

export interface SafetyVerdict {
  readonly safe: boolean;
  readonly violations: readonly SafetyViolation[];
}

const medicalAdvice: readonly RegExp[] = [
  // A dose: "500 mg", "2 tablets", "10 ml".
  /\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|g|ml|milligrams?|micrograms?|millilit(?:er|re)s?|units?|iu|tablets?|pills?|capsules?|puffs?|drops?)\b/i,
  /\b(?:dosage|dose|doses|overdose)\b/i,
  /\byou (?:should|must|need to|ought to|could|can|may want to) (?:take|start taking|stop taking|try taking|increase|decrease|double|skip|switch to)\b/i,
  /\b(?:take|taking) (?:\d+|one|two|three|a|an|some) (?:tablet|pill|capsule|dose|teaspoon|spoon)s?\b/i,
  /\bdiagnos(?:is|es|e|ed|ing)\b/i,
  /\b(?:you (?:probably|likely|may|might|could) have|sounds like(?: you have)?|consistent with|indicative of) (?:a |an )?(?:[a-z]+ )?(?:infection|condition|disease|disorder|syndrome|cancer|diabetes|flu|influenza|covid|migraine|concussion|fracture|[a-z]+itis)\b/i,
  /\b(?:ibuprofen|acetaminophen|paracetamol|aspirin|antibiotics?|amoxicillin|insulin|opioids?|steroids?)\b.*\b(?:take|use|try)\b|\b(?:take|use|try)\b.*\b(?:ibuprofen|acetaminophen|paracetamol|aspirin|antibiotics?|amoxicillin|insulin|opioids?|steroids?)\b/i,
];

const emailPattern = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
const orderPattern = /\bTD[-\s]?\d{6}\b/gi;

const emails = (text: string): string[] => [...text.matchAll(emailPattern)].map((m) => m[0].toLowerCase());
const orders = (text: string): string[] => [...text.matchAll(orderPattern)].map((m) => `TD-${m[0].replace(/\D/g, '')}`);
const phones = (text: string): string[] => findPhoneNumbersInText(text, 'US').map((p) => p.number.number);

// Whole sentences of our own instructions: an answer quoting one is leaking the prompt.
const promptSentences = [groundedAnswerSystemPrompt, summarySystemPrompt]
  .flatMap((prompt) => prompt.split(/\n|(?<=\.)\s+/))
  .map((s) => s.trim().toLowerCase())
  .filter((s) => s.length >= 40);

/**
 * The filter every piece of model output passes before a customer or agent sees it: no medical advice
 * (doses, diagnoses, "you should take"), no personal data (emails, phone numbers, order numbers) that
 * is not already in `allowedContext` (the passages and this customer's own messages), no quoting of our
 * instructions.
 */
export function checkOutputSafety(text: string, allowedContext: readonly string[]): SafetyVerdict {
  const violations = new Set<SafetyViolation>();
  if (medicalAdvice.some((pattern) => pattern.test(text))) violations.add('medical_advice');
  const context = allowedContext.join('\n');
  const allowed = { emails: new Set(emails(context)), phones: new Set(phones(context)), orders: new Set(orders(context)) };
  if (emails(text).some((e) => !allowed.emails.has(e))) violations.add('foreign_email');
  if (phones(text).some((p) => !allowed.phones.has(p))) violations.add('foreign_phone');
  if (orders(text).some((o) => !allowed.orders.has(o))) violations.add('foreign_order_number');
  const lower = text.toLowerCase();
  if (promptSentences.some((sentence) => lower.includes(sentence)) || /<\/?(?:passages?|question|transcript)\b/i.test(text)) {
    violations.add('prompt_leak');
  }
  return { safe: violations.size === 0, violations: [...violations] };
}
