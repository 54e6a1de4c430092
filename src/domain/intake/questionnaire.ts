import { z } from 'zod';
import rawPatientIntake from '../data/patientIntakeQuestionnaire.json';

/** FHIR R4 Questionnaire item types Tandem uses (the builder rejects others). */
export const questionnaireItemTypes = ['group', 'display', 'string', 'text', 'date', 'boolean'] as const;
export type QuestionnaireItemType = (typeof questionnaireItemTypes)[number];

export interface QuestionnaireItem {
  readonly linkId: string;
  readonly text?: string;
  readonly type: QuestionnaireItemType;
  readonly required?: boolean;
  readonly repeats?: boolean;
  readonly maxLength?: number;
  readonly item?: readonly QuestionnaireItem[];
}

/** The subset of a FHIR R4 Questionnaire Tandem reads. */
export interface Questionnaire {
  readonly resourceType: 'Questionnaire';
  readonly id?: string;
  /** Canonical URL; QuestionnaireResponse.questionnaire points at it. */
  readonly url: string;
  readonly version?: string;
  readonly name?: string;
  readonly title?: string;
  readonly status: 'draft' | 'active' | 'retired' | 'unknown';
  readonly item: readonly QuestionnaireItem[];
}

const itemSchema: z.ZodType<QuestionnaireItem> = z.lazy(() =>
  z.object({
    linkId: z.string().min(1),
    text: z.string().optional(),
    type: z.enum(questionnaireItemTypes),
    required: z.boolean().optional(),
    repeats: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    item: z.array(itemSchema).optional(),
  }),
);

export const questionnaireSchema = z
  .looseObject({
    resourceType: z.literal('Questionnaire'),
    id: z.string().optional(),
    url: z.url(),
    version: z.string().optional(),
    name: z.string().optional(),
    title: z.string().optional(),
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    item: z.array(itemSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    const walk = (items: readonly QuestionnaireItem[]): void => {
      for (const item of items) {
        if (seen.has(item.linkId)) ctx.addIssue({ code: 'custom', message: `duplicate linkId ${item.linkId}` });
        seen.add(item.linkId);
        if (item.type === 'group' && !item.item?.length) ctx.addIssue({ code: 'custom', message: `group ${item.linkId} has no items` });
        if (item.item) walk(item.item);
      }
    };
    walk(q.item);
  });

/** Every item of a questionnaire, depth first. */
export function flattenItems(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.item ?? [])]);
}

/** The shipped patient intake Questionnaire (src/domain/data/patientIntakeQuestionnaire.json), validated. */
export function loadPatientIntakeQuestionnaire(): Questionnaire {
  return questionnaireSchema.parse(rawPatientIntake) as Questionnaire;
}
