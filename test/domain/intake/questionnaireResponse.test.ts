import { TandemError } from '../../../src/errors';
import { patientIntakeSchema } from '../../../src/domain/intake/patientIntakeSchema';
import { flattenItems, loadPatientIntakeQuestionnaire, questionnaireSchema } from '../../../src/domain/intake/questionnaire';
import { patientIntakeAnswers, toQuestionnaireResponse, type QuestionnaireResponseItem } from '../../../src/domain/intake/questionnaireResponse';

const questionnaire = loadPatientIntakeQuestionnaire();
const authored = new Date('2025-06-15T12:00:00Z');

const intake = patientIntakeSchema.parse({
  fullName: 'Ann Lee',
  dateOfBirth: '1984-03-21',
  phone: '212-555-0142',
  email: 'ann.lee@example.com',
  reasonForVisit: 'Recurring headaches',
  symptoms: 'headache, tiredness',
  medications: 'none',
  allergies: 'penicillin',
  insurancePayer: 'Aetna',
  insuranceMemberId: 'W123456789',
  consent: true,
});

const linkIdsOf = (items: readonly QuestionnaireResponseItem[]): string[] =>
  items.flatMap((item) => [item.linkId, ...linkIdsOf(item.item ?? [])]);

describe('patient intake Questionnaire', () => {
  it('is a valid FHIR R4 Questionnaire covering every intake topic', () => {
    expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', status: 'active', url: 'https://tandem.example/fhir/Questionnaire/patient-intake' });
    const linkIds = flattenItems(questionnaire.item).map((i) => i.linkId);
    for (const id of ['patient.name', 'patient.birthDate', 'contact.phone', 'contact.email', 'visit.reason', 'visit.symptoms', 'visit.medications', 'visit.allergies', 'insurance.payer', 'insurance.memberId', 'consent']) {
      expect(linkIds).toContain(id);
    }
  });

  it('rejects duplicate linkIds', () => {
    const broken = { ...questionnaire, item: [...questionnaire.item, { linkId: 'consent', type: 'boolean' }] };
    expect(questionnaireSchema.safeParse(broken).success).toBe(false);
  });
});

describe('toQuestionnaireResponse', () => {
  it('builds a completed response whose items nest and link like the Questionnaire', () => {
    const response = toQuestionnaireResponse(patientIntakeAnswers(intake), questionnaire, { authored, subjectReference: 'Patient/pat-1' });
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'https://tandem.example/fhir/Questionnaire/patient-intake|1.0.0',
      authored: '2025-06-15T12:00:00.000Z',
      subject: { reference: 'Patient/pat-1' },
    });
    const known = new Set(flattenItems(questionnaire.item).map((i) => i.linkId));
    for (const id of linkIdsOf(response.item)) expect(known.has(id)).toBe(true);
    const patient = response.item.find((i) => i.linkId === 'patient');
    expect(patient?.item).toEqual([
      { linkId: 'patient.name', text: 'Full name', answer: [{ valueString: 'Ann Lee' }] },
      { linkId: 'patient.birthDate', text: 'Date of birth', answer: [{ valueDate: '1984-03-21' }] },
    ]);
    const visit = response.item.find((i) => i.linkId === 'visit');
    expect(visit?.item?.find((i) => i.linkId === 'visit.symptoms')?.answer).toEqual([{ valueString: 'headache' }, { valueString: 'tiredness' }]);
    expect(visit?.item?.some((i) => i.linkId === 'visit.medications')).toBe(false);
    expect(response.item.find((i) => i.linkId === 'consent')?.answer).toEqual([{ valueBoolean: true }]);
    expect(response.item.find((i) => i.linkId === 'contact')?.item?.[0]?.answer).toEqual([{ valueString: '+12125550142' }]);
  });

  it('accepts a Date for a date item', () => {
    const answers = { ...patientIntakeAnswers(intake), 'patient.birthDate': new Date('1984-03-21T00:00:00Z') };
    const response = toQuestionnaireResponse(answers, questionnaire, { authored });
    expect(response.item[0]?.item?.[1]?.answer).toEqual([{ valueDate: '1984-03-21' }]);
  });

  it.each([
    [{ 'patient.nickname': 'Annie' }, /unknown linkId patient.nickname/],
    [{ 'patient.name': undefined }, /required item patient.name/],
    [{ consent: 'yes' }, /consent expects true or false/],
    [{ 'patient.birthDate': '1984-02-30' }, /expects a date/],
    [{ 'patient.name': ['Ann', 'Annie'] }, /does not repeat/],
    [{ 'contact.email': true }, /expects text/],
  ])('refuses bad answers %j', (override, message) => {
    const build = () => toQuestionnaireResponse({ ...patientIntakeAnswers(intake), ...override }, questionnaire, { authored });
    expect(build).toThrow(TandemError);
    expect(build).toThrow(message);
  });
});
