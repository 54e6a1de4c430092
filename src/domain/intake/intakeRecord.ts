import { z } from 'zod';
import type { ConflictMatch } from './conflictCheck';
import { partyRoles } from './conflictCheck';
import { legalIntakeSchema, type LegalIntake } from './legalIntakeSchema';
import { patientIntakeSchema, type PatientIntake } from './patientIntakeSchema';
import type { QuestionnaireResponse } from './questionnaireResponse';

export const intakeKinds = ['patient', 'legal'] as const;
export type IntakeKind = (typeof intakeKinds)[number];

/** What a dialog hands to `IntakeStore.save`. Contains personal (and for patients, health) data. */
export type IntakeRecord =
  | {
      readonly kind: 'patient';
      readonly data: PatientIntake;
      readonly questionnaireResponse?: QuestionnaireResponse;
      readonly conversationId?: string;
    }
  | {
      readonly kind: 'legal';
      readonly data: LegalIntake;
      /** Result of `checkConflicts(data.otherParties)`, for the reviewing lawyer. */
      readonly conflicts: readonly ConflictMatch[];
      readonly conversationId?: string;
    };

export type StoredIntakeRecord = IntakeRecord & { readonly id: string; readonly createdAt: string };

const conflictSchema = z.object({
  party: z.string(),
  matchedName: z.string(),
  role: z.enum(partyRoles),
  matterRef: z.string(),
  matchType: z.enum(['exact', 'similar']),
  similarity: z.number(),
});

// The FHIR resource was built by our own builder; storage only checks its outline.
const questionnaireResponseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  status: z.literal('completed'),
  questionnaire: z.string(),
  authored: z.string(),
  item: z.array(z.unknown()),
});

const common = { id: z.string().min(1), createdAt: z.iso.datetime(), conversationId: z.string().optional() };

/** Validates a stored record read back from a store (e.g. Redis JSON). */
export const storedIntakeRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('patient'),
    data: patientIntakeSchema,
    questionnaireResponse: questionnaireResponseSchema.optional(),
  }),
  z.object({ ...common, kind: z.literal('legal'), data: legalIntakeSchema, conflicts: z.array(conflictSchema) }),
]);

/** Parses and validates stored JSON; throws on anything that isn't a stored intake record. */
export function parseStoredIntakeRecord(json: string): StoredIntakeRecord {
  return storedIntakeRecordSchema.parse(JSON.parse(json)) as StoredIntakeRecord;
}
