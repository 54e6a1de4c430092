import { checkConflicts } from '../../../src/domain/intake/conflictCheck';
import type { IntakeRecord } from '../../../src/domain/intake/intakeRecord';
import type { IntakeStore } from '../../../src/domain/intake/intakeStore';
import { legalIntakeSchema } from '../../../src/domain/intake/legalIntakeSchema';
import { patientIntakeSchema } from '../../../src/domain/intake/patientIntakeSchema';
import { loadPatientIntakeQuestionnaire } from '../../../src/domain/intake/questionnaire';
import { patientIntakeAnswers, toQuestionnaireResponse } from '../../../src/domain/intake/questionnaireResponse';

export interface IntakeStoreHarness {
  store: IntakeStore;
  /** A second store over the same state (another process); the memory twin returns the same one. */
  second: IntakeStore;
  /** Moves the clock the stores were built with. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const patientData = patientIntakeSchema.parse({
  fullName: 'Ann Lee',
  dateOfBirth: '1984-03-21',
  phone: '212-555-0142',
  email: 'ann.lee@example.com',
  reasonForVisit: 'Annual check-up',
  symptoms: [],
  medications: ['vitamin D'],
  allergies: 'none',
  insurancePayer: 'Aetna',
  insuranceMemberId: 'W123456789',
  consent: true,
});

const patient: IntakeRecord = {
  kind: 'patient',
  data: patientData,
  questionnaireResponse: toQuestionnaireResponse(patientIntakeAnswers(patientData), loadPatientIntakeQuestionnaire(), {
    authored: new Date('2025-06-15T12:00:00Z'),
  }),
  conversationId: 'conv-1',
};

const legalData = legalIntakeSchema.parse({
  fullName: 'Sam Rivera',
  email: 'sam@example.com',
  phone: '312-555-0178',
  matterType: 'housing',
  otherParties: ['Greenfield PM'],
  summary: 'My landlord is withholding my deposit after I moved out.',
  urgency: 'routine',
  consent: true,
});

const legal: IntakeRecord = { kind: 'legal', data: legalData, conflicts: checkConflicts(legalData.otherParties) };

/** The IntakeStore contract, run for every implementation. */
export function intakeStoreContract(name: string, make: () => Promise<IntakeStoreHarness>): void {
  describe(`IntakeStore contract: ${name}`, () => {
    let h: IntakeStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => h.close());

    it('saves records under new ids and reads them back exactly, from every process', async () => {
      const { id } = await h.store.save(patient);
      h.advance(1000);
      const second = await h.second.save(legal);
      expect(id).not.toBe(second.id);
      const read = await h.second.get(id);
      expect(read).toEqual({ ...patient, id, createdAt: expect.any(String) });
      expect(read?.kind === 'patient' && read.questionnaireResponse?.item.length).toBeGreaterThan(0);
      expect(await h.store.get(second.id)).toMatchObject({ kind: 'legal', conflicts: [expect.objectContaining({ matchedName: 'Greenfield Property Management' })] });
      expect(await h.store.get('INT-missing')).toBeUndefined();
    });

    it('lists newest first, by kind, with a limit', async () => {
      const ids: string[] = [];
      for (const record of [patient, legal, patient, legal, patient]) {
        ids.push((await h.store.save(record)).id);
        h.advance(1000);
      }
      expect((await h.second.list()).map((r) => r.id)).toEqual([...ids].reverse());
      expect((await h.store.list({ kind: 'legal' })).map((r) => r.id)).toEqual([ids[3], ids[1]]);
      expect((await h.store.list({ kind: 'patient', limit: 2 })).map((r) => r.id)).toEqual([ids[4], ids[2]]);
      expect(await h.store.list({ limit: 0 })).toHaveLength(1);
    });

    it('returns copies: changing a result does not change the store', async () => {
      const { id } = await h.store.save(legal);
      const read = await h.store.get(id);
      if (read?.kind === 'legal') (read.data.otherParties as string[]).push('Someone Else');
      expect((await h.store.get(id))?.data).toEqual(legalData);
    });
  });
}
