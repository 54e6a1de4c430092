import { checkConflicts, type DirectoryEntry } from '../../src/domain/intake/conflictCheck';
import type { IntakeStore } from '../../src/domain/intake/intakeStore';
import {
  legalIntakeFields,
  legalIntakeSchema,
  matterTypeLabels,
  matterTypes,
  urgencyLevels,
  type LegalIntake,
} from '../../src/domain/intake/legalIntakeSchema';
import { EntityType } from '../../src/nlu/types';
import { FormDialog, type FormDialogOptions } from './formDialog';
import type { FormField } from './formField';

const urgencyChoiceLabels = {
  routine: 'Routine: no deadline in the next month',
  soon: 'Soon: a deadline or hearing within 30 days',
  urgent: 'Urgent: a deadline, hearing or arrest within 7 days',
} as const;

/** What people say when they describe each kind of matter in their own words. */
const matterWords: Readonly<Record<(typeof matterTypes)[number], readonly string[]>> = {
  family: ['divorce', 'custody', 'child support', 'alimony', 'spouse', 'husband', 'wife', 'separation', 'adoption', 'visitation', 'prenup', 'marriage'],
  employment: ['fired', 'job', 'employer', 'boss', 'workplace', 'wage', 'wages', 'overtime', 'laid off', 'layoff', 'harassment', 'discrimination', 'salary', 'coworker', 'terminated', 'dismissed', 'hired'],
  housing: ['landlord', 'tenant', 'lease', 'rent', 'evict', 'eviction', 'deposit', 'apartment', 'housing', 'mold', 'roommate', 'rental', 'repairs'],
  personal_injury: ['accident', 'injury', 'injured', 'hurt', 'crash', 'slip', 'fell', 'dog bite', 'whiplash', 'malpractice'],
  immigration: ['visa', 'green card', 'immigration', 'citizenship', 'deportation', 'asylum', 'work permit', 'residency'],
  business: ['contract', 'business', 'partner', 'invoice', 'client', 'vendor', 'company', 'llc', 'startup', 'breach'],
  estate_planning: ['last will', 'testament', 'estate', 'inheritance', 'trust', 'probate', 'executor', 'power of attorney'],
  criminal_defense: ['arrested', 'arrest', 'police', 'charged', 'charges', 'dui', 'dwi', 'criminal', 'court date', 'jail', 'probation', 'warrant'],
  other: [],
};

/** The legal intake questions, in order. */
export const legalIntakeFormFields: readonly FormField[] = [
  { key: 'fullName', label: 'Full name', question: "What's your full name?", schema: legalIntakeFields.fullName, aliases: ['name'], freeText: true, why: 'A lawyer reviews your matter under your name, and we check it against our conflicts list.' },
  {
    key: 'email',
    label: 'Email',
    question: "What's your email address?",
    schema: legalIntakeFields.email,
    why: 'A member of our team writes to you there about your matter.',
    aliases: ['email address', 'e-mail'],
    entity: EntityType.email,
  },
  {
    key: 'phone',
    label: 'Phone number',
    question: "What's the best phone number to reach you?",
    schema: legalIntakeFields.phone,
    why: 'A member of our team may call you about your matter.',
    aliases: ['phone', 'number', 'mobile', 'cell', 'telephone'],
    entity: EntityType.phone,
  },
  {
    key: 'matterType',
    label: 'Type of matter',
    question: 'What kind of legal matter is it?',
    schema: legalIntakeFields.matterType,
    aliases: ['matter', 'matter type', 'type', 'area'],
    choices: matterTypes.map((value) => ({ value, label: matterTypeLabels[value], words: matterWords[value] })),
  },
  {
    key: 'otherParties',
    label: 'Other parties',
    question: 'Who is on the other side? Name the people or organisations involved, separated by commas, or say "none".',
    schema: legalIntakeFields.otherParties,
    aliases: ['other party', 'parties', 'other side', 'opposing party'],
    optional: true,
    skippedValue: [],
    freeText: true,
    narrative: true,
  },
  {
    key: 'summary',
    label: 'Summary',
    question: 'In a few sentences, what happened? Please leave out anything you would only tell a lawyer in confidence.',
    schema: legalIntakeFields.summary,
    aliases: ['description', 'what happened', 'situation'],
    freeText: true,
    narrative: true,
  },
  {
    key: 'urgency',
    label: 'Urgency',
    question: 'How urgent is it?',
    schema: legalIntakeFields.urgency,
    aliases: ['deadline'],
    choices: urgencyLevels.map((value) => ({ value, label: urgencyChoiceLabels[value] })),
  },
  {
    key: 'consent',
    label: 'Consent',
    question:
      'Do you agree that we may store these answers and contact you about your matter? Sending them does not make you a client, and nothing here is legal advice.',
    schema: legalIntakeFields.consent,
    yesNo: true,
  },
];

export interface LegalIntakeDialogDeps {
  readonly intake: IntakeStore;
  /** Existing clients and adverse parties; omitted means the shipped demo directory. */
  readonly conflictDirectory?: readonly DirectoryEntry[];
}

/**
 * Prospective-client intake for a law practice. The record is stored with the conflict-check result
 * for the reviewing lawyer; the client is never told who matched, since that would disclose other
 * clients.
 */
export class LegalIntakeDialog extends FormDialog {
  static readonly id = 'intakeLegal';
  protected readonly helpText =
    'I\'m collecting the details our lawyers need to look at your matter. I can\'t give legal advice. Say "skip" for optional questions, or correct an answer any time.';

  constructor(deps: LegalIntakeDialogDeps, options: FormDialogOptions) {
    super(
      {
        id: LegalIntakeDialog.id,
        title: 'your legal intake',
        intro: "Let's open your matter. I'll ask a few questions so a lawyer can review it; I can't give legal advice myself.",
        fields: legalIntakeFormFields,
        schema: legalIntakeSchema,
        async submit(values, context) {
          const data = values as LegalIntake;
          const conflicts = deps.conflictDirectory ? checkConflicts(data.otherParties, deps.conflictDirectory) : checkConflicts(data.otherParties);
          const { id } = await deps.intake.save({ kind: 'legal', data, conflicts, conversationId: context.conversationId });
          const urgent = data.urgency === 'urgent' ? ' Because you said it is urgent, it goes to the front of the review queue.' : '';
          return {
            text: `Thank you. Your intake is submitted; your reference is ${id}. Before we take on any matter we run a conflict check, and a member of our team will contact you within one business day.${urgent}`,
          };
        },
      },
      options,
    );
  }
}
