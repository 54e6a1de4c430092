import { TandemError } from '../../errors';
import { isRealDate } from './fieldSchemas';
import type { PatientIntake } from './patientIntakeSchema';
import { flattenItems, type Questionnaire, type QuestionnaireItem } from './questionnaire';

export type AnswerValue = string | boolean | Date;
/** Answers keyed by Questionnaire linkId; an array for items that repeat. */
export type QuestionnaireAnswers = Readonly<Record<string, AnswerValue | readonly AnswerValue[] | undefined>>;

export type FhirAnswer = { readonly valueString: string } | { readonly valueDate: string } | { readonly valueBoolean: boolean };

export interface QuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly FhirAnswer[];
  readonly item?: readonly QuestionnaireResponseItem[];
}

/** FHIR R4 QuestionnaireResponse as Tandem produces it. */
export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly status: 'completed';
  /** Canonical of the Questionnaire: `url|version` when it has a version. */
  readonly questionnaire: string;
  readonly authored: string;
  readonly subject?: { readonly reference: string };
  readonly item: readonly QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseOptions {
  /** Default: now. */
  readonly authored?: Date;
  /** e.g. "Patient/pat-123". */
  readonly subjectReference?: string;
}

const invalid = (detail: string): TandemError => new TandemError('UNPROCESSABLE', `QuestionnaireResponse: ${detail}`);

function isEmpty(value: QuestionnaireAnswers[string]): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function toAnswer(item: QuestionnaireItem, value: AnswerValue): FhirAnswer {
  switch (item.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') throw invalid(`${item.linkId} expects text`);
      if (item.maxLength && value.length > item.maxLength) throw invalid(`${item.linkId} is longer than ${item.maxLength}`);
      return { valueString: value.trim() };
    }
    case 'date': {
      const date = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (typeof date !== 'string' || !isRealDate(date)) throw invalid(`${item.linkId} expects a date YYYY-MM-DD`);
      return { valueDate: date };
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(`${item.linkId} expects true or false`);
      return { valueBoolean: value };
    case 'group':
    case 'display':
      throw invalid(`${item.linkId} is a ${item.type} and takes no answer`);
  }
}

function buildItems(items: readonly QuestionnaireItem[], answers: QuestionnaireAnswers): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const item of items) {
    if (item.type === 'display') continue;
    const text = item.text ? { text: item.text } : {};
    if (item.type === 'group') {
      const children = buildItems(item.item ?? [], answers);
      if (children.length > 0) out.push({ linkId: item.linkId, ...text, item: children });
      else if (item.required) throw invalid(`required group ${item.linkId} has no answers`);
      continue;
    }
    const value = answers[item.linkId];
    if (isEmpty(value)) {
      if (item.required) throw invalid(`required item ${item.linkId} has no answer`);
      continue;
    }
    const values: readonly AnswerValue[] = Array.isArray(value) ? value : [value as AnswerValue];
    if (values.length > 1 && !item.repeats) throw invalid(`${item.linkId} does not repeat`);
    out.push({ linkId: item.linkId, ...text, answer: values.map((v) => toAnswer(item, v)) });
  }
  return out;
}

/**
 * Builds a completed FHIR R4 QuestionnaireResponse whose items mirror the Questionnaire's structure
 * (groups nest, linkIds match). Throws TandemError('UNPROCESSABLE') for an unknown linkId, a missing
 * required answer or a value of the wrong type.
 */
export function toQuestionnaireResponse(
  answers: QuestionnaireAnswers,
  questionnaire: Questionnaire,
  options: QuestionnaireResponseOptions = {},
): QuestionnaireResponse {
  const known = new Set(flattenItems(questionnaire.item).map((item) => item.linkId));
  for (const linkId of Object.keys(answers)) if (!known.has(linkId)) throw invalid(`unknown linkId ${linkId}`);
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: questionnaire.version ? `${questionnaire.url}|${questionnaire.version}` : questionnaire.url,
    authored: (options.authored ?? new Date()).toISOString(),
    ...(options.subjectReference ? { subject: { reference: options.subjectReference } } : {}),
    item: buildItems(questionnaire.item, answers),
  };
}

/** Maps a validated patient intake to the linkIds of the shipped patient intake Questionnaire. */
export function patientIntakeAnswers(intake: PatientIntake): QuestionnaireAnswers {
  return {
    'patient.name': intake.fullName,
    'patient.birthDate': intake.dateOfBirth,
    'contact.phone': intake.phone,
    'contact.email': intake.email,
    'visit.reason': intake.reasonForVisit,
    'visit.symptoms': intake.symptoms,
    'visit.medications': intake.medications,
    'visit.allergies': intake.allergies,
    'insurance.payer': intake.insurancePayer,
    'insurance.memberId': intake.insuranceMemberId,
    consent: intake.consent,
  };
}
