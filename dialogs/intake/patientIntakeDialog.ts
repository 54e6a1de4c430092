import type { IntakeStore } from '../../src/domain/intake/intakeStore';
import { isSelfPay, patientIntakeFields, patientIntakeSchema, type PatientIntake } from '../../src/domain/intake/patientIntakeSchema';
import type { Questionnaire } from '../../src/domain/intake/questionnaire';
import { patientIntakeAnswers, toQuestionnaireResponse } from '../../src/domain/intake/questionnaireResponse';
import { EntityType, type Entity } from '../../src/nlu/types';
import { patientRefOf } from '../patientRef';
import { FormDialog, type FormDialogOptions } from './formDialog';
import type { FormField } from './formField';
import type { DateClock } from '../../src/clock';

/** A birth date: NLU's date of birth, or a date with a year; otherwise the text, for the schema to judge. */
function readBirthDate(text: string, entities: readonly Entity[]): unknown {
  const dob = entities.find((e) => e.type === EntityType.dateOfBirth);
  if (dob && typeof dob.value === 'string') return dob.value;
  const dated = entities.find((e) => e.type === EntityType.date && /\d{4}/.test(e.text));
  if (dated && typeof dated.value === 'string') return dated.value.slice(0, 10);
  return text.trim();
}

/** The patient intake questions, in order. */
export const patientIntakeFormFields: readonly FormField[] = [
  { key: 'fullName', label: 'Full name', question: "What's your full name?", schema: patientIntakeFields.fullName, aliases: ['name'], freeText: true, why: 'The clinic files your registration under your name.' },
  {
    key: 'dateOfBirth',
    label: 'Date of birth',
    question: "What's your date of birth? (for example 1984-03-21)",
    schema: patientIntakeFields.dateOfBirth,
    why: 'Your date of birth tells you apart from other patients with the same name, and insurers ask for it too. It is kept in your record only.',
    aliases: ['dob', 'birthday', 'birth date', 'birthdate'],
    entity: EntityType.dateOfBirth,
    read: readBirthDate,
  },
  {
    key: 'phone',
    label: 'Phone number',
    question: "What's the best phone number to reach you?",
    schema: patientIntakeFields.phone,
    why: 'The clinic uses it to reach you about your visit, for example if a time changes.',
    aliases: ['phone', 'number', 'mobile', 'cell', 'telephone'],
    entity: EntityType.phone,
  },
  {
    key: 'email',
    label: 'Email',
    question: "What's your email address?",
    schema: patientIntakeFields.email,
    why: 'The clinic sends visit confirmations and reminders there.',
    aliases: ['email address', 'e-mail'],
    entity: EntityType.email,
  },
  {
    key: 'reasonForVisit',
    label: 'Reason for visit',
    question: 'What is the main reason for your visit?',
    schema: patientIntakeFields.reasonForVisit,
    why: 'It helps the clinic book the right kind of visit and prepare for it.',
    aliases: ['reason', 'visit reason'],
    freeText: true,
    narrative: true,
  },
  {
    key: 'symptoms',
    label: 'Symptoms',
    question: 'Which symptoms do you have right now? List them separated by commas, or say "none".',
    schema: patientIntakeFields.symptoms,
    optional: true,
    skippedValue: [],
    freeText: true,
    narrative: true,
  },
  {
    key: 'medications',
    label: 'Medications',
    question: 'Which medications, vitamins or supplements do you take? Separate them with commas, or say "none".',
    schema: patientIntakeFields.medications,
    aliases: ['meds', 'medication'],
    optional: true,
    skippedValue: [],
    freeText: true,
    narrative: true,
  },
  {
    key: 'allergies',
    label: 'Allergies',
    question: 'Do you have any allergies (medicines, food, latex)? List them, or say "none".',
    schema: patientIntakeFields.allergies,
    aliases: ['allergy'],
    optional: true,
    skippedValue: [],
    freeText: true,
    narrative: true,
  },
  {
    key: 'insurancePayer',
    label: 'Insurance',
    question: 'Which insurance company covers you? Say "self-pay" if you pay yourself.',
    schema: patientIntakeFields.insurancePayer,
    why: 'The clinic checks your coverage before the visit, so you know what you will pay.',
    aliases: ['insurance company', 'insurer', 'payer'],
    freeText: true,
  },
  {
    key: 'insuranceMemberId',
    label: 'Member ID',
    question: "What's the member ID on your insurance card?",
    schema: patientIntakeFields.insuranceMemberId,
    why: 'Your insurer finds your plan by the member ID on your card.',
    aliases: ['member id', 'member number', 'insurance id', 'member'],
    entity: EntityType.memberId,
    when: (values) => typeof values.insurancePayer === 'string' && !isSelfPay(values.insurancePayer),
  },
  {
    key: 'consent',
    label: 'Consent',
    question: 'Do you agree that the clinic may store these answers in your record and contact you about your visit?',
    schema: patientIntakeFields.consent,
    yesNo: true,
  },
];

export interface PatientIntakeDialogDeps {
  readonly intake: IntakeStore;
  readonly questionnaire: Questionnaire;
  readonly now: DateClock;
}

/** Patient registration; the answers become a FHIR QuestionnaireResponse in the intake store. */
export class PatientIntakeDialog extends FormDialog {
  static readonly id = 'intakePatient';
  protected readonly helpText =
    'I\'m taking your details for the clinic, one question at a time. Say "skip" for optional questions, or correct an answer any time, like "actually my email is name@example.com".';

  constructor(deps: PatientIntakeDialogDeps, options: FormDialogOptions) {
    super(
      {
        id: PatientIntakeDialog.id,
        title: 'your registration',
        intro: "Let's get you registered with the clinic. I'll ask a few questions; it takes about two minutes.",
        offerNext: { question: 'Would you like to book your first visit now?', intent: 'appointment.book' },
        fields: patientIntakeFormFields,
        schema: patientIntakeSchema,
        async submit(values, context) {
          const intake = values as PatientIntake;
          const questionnaireResponse = toQuestionnaireResponse(patientIntakeAnswers(intake), deps.questionnaire, {
            authored: deps.now(),
            subjectReference: `Patient/${patientRefOf(context.channelId, context.userId)}`,
          });
          const { id } = await deps.intake.save({ kind: 'patient', data: intake, questionnaireResponse, conversationId: context.conversationId });
          return { text: `Thank you. Your registration is submitted; your reference is ${id}. The clinic team will review it before your visit.` };
        },
      },
      options,
    );
  }
}
