import { z } from 'zod';
import { consentField, dateOfBirthField, emailField, listField, personNameField, phoneField, requiredText } from './fieldSchemas';

/** Payer answers that mean "no insurance"; the member id is then not needed. */
export const selfPayAnswers = ['self-pay', 'self pay', 'none', 'no insurance', 'uninsured', 'cash'] as const;

export function isSelfPay(payer: string): boolean {
  return (selfPayAnswers as readonly string[]).includes(payer.trim().toLowerCase());
}

/** Validators for each patient intake question, for dialogs that ask one at a time. */
export const patientIntakeFields = {
  fullName: personNameField,
  dateOfBirth: dateOfBirthField(),
  phone: phoneField(),
  email: emailField,
  reasonForVisit: requiredText('the main reason for your visit', 500),
  symptoms: listField('your symptoms'),
  medications: listField('the medications you take'),
  allergies: listField('your allergies'),
  insurancePayer: requiredText('your insurance company (or "self-pay")', 100),
  /** Letters, digits and hyphens, 5-20 characters, as printed on the card. */
  insuranceMemberId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{5,20}$/, { message: 'Your member ID is the 5-20 letters and digits on your insurance card.' })
    .optional(),
  consent: consentField,
} as const;

/** A complete patient intake; the member id is required unless the payer is self-pay. */
export const patientIntakeSchema = z.object(patientIntakeFields).superRefine((record, ctx) => {
  if (!isSelfPay(record.insurancePayer) && !record.insuranceMemberId) {
    ctx.addIssue({ code: 'custom', path: ['insuranceMemberId'], message: 'Please give the member ID from your insurance card.' });
  }
});

export type PatientIntake = z.output<typeof patientIntakeSchema>;
export type PatientIntakeInput = z.input<typeof patientIntakeSchema>;
