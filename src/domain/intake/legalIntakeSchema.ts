import { z } from 'zod';
import { consentField, emailField, personNameField, phoneField, requiredText } from './fieldSchemas';

export const matterTypes = [
  'family',
  'employment',
  'housing',
  'personal_injury',
  'immigration',
  'business',
  'estate_planning',
  'criminal_defense',
  'other',
] as const;
export type MatterType = (typeof matterTypes)[number];

export const matterTypeLabels: Readonly<Record<MatterType, string>> = {
  family: 'Family (divorce, custody, support)',
  employment: 'Employment',
  housing: 'Housing and tenancy',
  personal_injury: 'Personal injury',
  immigration: 'Immigration',
  business: 'Business and contracts',
  estate_planning: 'Wills and estates',
  criminal_defense: 'Criminal defense',
  other: 'Something else',
};

export const urgencyLevels = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof urgencyLevels)[number];

export const urgencyLabels: Readonly<Record<Urgency, string>> = {
  routine: 'No deadline in the next month',
  soon: 'A deadline or hearing within 30 days',
  urgent: 'A deadline, hearing or arrest within 7 days',
};

const partyName = z
  .string()
  .trim()
  .min(2, { message: 'Each name needs at least 2 characters.' })
  .max(120, { message: 'Please keep each name under 120 characters.' });

/** Validators for each legal intake question, for dialogs that ask one at a time. */
export const legalIntakeFields = {
  fullName: personNameField,
  email: emailField,
  phone: phoneField(),
  matterType: z.enum(matterTypes, { message: `Please choose one of: ${Object.values(matterTypeLabels).join('; ')}.` }),
  /** People and organisations on the other side, for the conflict check; may be empty. */
  otherParties: z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : /^(none|no|n\/a|nobody|no one)$/i.test(value.trim()) ? [] : value.split(/[;\n]|,(?!\s*(?:inc|llc|ltd|llp)\b)/i))
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(partyName).max(20, { message: 'Please list at most 20 other parties.' })),
  summary: requiredText('briefly what happened', 2000).refine((text) => text.length >= 20, {
    message: 'Please describe your situation in a sentence or two (at least 20 characters).',
  }),
  urgency: z.enum(urgencyLevels, { message: 'Please say whether this is routine, soon (within 30 days) or urgent (within 7 days).' }),
  consent: consentField,
} as const;

export const legalIntakeSchema = z.object(legalIntakeFields);

export type LegalIntake = z.output<typeof legalIntakeSchema>;
export type LegalIntakeInput = z.input<typeof legalIntakeSchema>;
