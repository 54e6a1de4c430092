import type { z } from 'zod';
import type { Entity, EntityType } from '../../src/nlu/types';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import { stemWord, tokenize } from '../../src/nlu/language/tokenize';

/** Answers collected so far, by field key: validated schema outputs, plain JSON. */
export type FormValues = Record<string, unknown>;

/** One question of a form, declared as data. */
export interface FormField {
  readonly key: string;
  /** Shown in the review list and in "change <label>". */
  readonly label: string;
  readonly question: string;
  /** Validates the answer; its issue messages are shown to the user as the reason to re-ask. */
  readonly schema: z.ZodType;
  /** Why it is asked, said when the user asks ("why do you need my date of birth?"). */
  readonly why?: string;
  /** Other names the user may use for it ("dob", "birthday"). */
  readonly aliases?: readonly string[];
  /** May be skipped with "skip"; `skippedValue` is stored then (else the field stays empty). */
  readonly optional?: boolean;
  readonly skippedValue?: unknown;
  /**
   * Offered as suggested actions; an answer matching a label is validated as its `value`. `words` are what people
   * say when they describe that choice in their own words ("I got fired" → Employment); one choice must stand out.
   */
  readonly choices?: readonly { readonly label: string; readonly value: unknown; readonly words?: readonly string[] }[];
  /** The entity that answers this field when NLU finds it in any message (prefill, corrections). */
  readonly entity?: EntityType;
  /** More entity types accepted when the user is answering this very question (a plain date for a birth date). */
  readonly answerEntities?: readonly EntityType[];
  /** Free text (not a choice, not a yes/no): emoji-only answers are refused before validation. */
  readonly freeText?: boolean;
  /** The user's own account (a reason, a list of symptoms): a task it mentions is part of the answer, not a request. */
  readonly narrative?: boolean;
  /** Yes/no answers map to true/false. */
  readonly yesNo?: boolean;
  /** Custom reading of an answer into schema input; replaces the default (choices, yes/no, entity, text). */
  readonly read?: (text: string, entities: readonly Entity[]) => unknown;
  /** Only asked when this holds for the answers so far. */
  readonly when?: (values: FormValues) => boolean;
  /** How the stored value reads in the review list. */
  readonly display?: (value: unknown) => string;
}

/** Schema input for an answer: a matching choice, a yes/no, an entity NLU found, or the text itself. */
export function answerInput(field: FormField, text: string, entities: readonly Entity[]): unknown {
  if (field.read) return field.read(text, entities);
  if (field.choices) {
    const index = matchChoice(text, field.choices.map((c) => c.label));
    if (index !== undefined) return field.choices[index]?.value;
    const described = choiceDescribedBy(text, field.choices);
    if (described !== undefined) return described;
  }
  if (field.yesNo) {
    const yes = parseYesNo(text);
    if (yes !== undefined) return yes;
    if (/^(i agree|agree|i consent|consent|i do)$/i.test(text.trim().replace(/[.!]+$/, ''))) return true;
  }
  const accepted = [...(field.entity ? [field.entity] : []), ...(field.answerEntities ?? [])];
  const entity = entities.find((e) => accepted.includes(e.type));
  if (entity && typeof entity.value === 'string') return entity.value;
  return field.choices ? text.trim().toLowerCase().replace(/\s+/g, '_') : text;
}

/** The value of the one choice whose `words` the text uses (by stem); undefined when none or several do. */
function choiceDescribedBy(text: string, choices: NonNullable<FormField['choices']>): unknown {
  const stems = new Set(tokenize(text).map((t) => t.stem));
  const hits = choices.filter((c) => c.words?.some((w) => w.split(/\s+/u).every((part) => stems.has(stemWord(part.toLowerCase())))));
  return hits.length === 1 ? hits[0]?.value : undefined;
}

/** How a value reads back to the user. */
export function displayValue(field: FormField, value: unknown): string {
  if (value === undefined) return '(skipped)';
  if (field.display) return field.display(value);
  const choice = field.choices?.find((c) => c.value === value);
  if (choice) return choice.label;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** The names a user may call a field by, lower-case. */
export function fieldNames(field: FormField): string[] {
  return [field.label, field.key.replace(/([A-Z])/g, ' $1'), ...(field.aliases ?? [])].map((n) => n.toLowerCase().trim());
}
