import { loadCorpus } from '../../../intents/loadCorpus';
import { EmergencyDetector } from '../../../src/nlu/emergency/detectEmergency';

const detector = new EmergencyDetector();
const alarm = (text: string): boolean => detector.detect(text).isEmergency;

// Routine medication and supply messages must reach the refill flow (dialogs/refills), not the crisis guidance.
describe('medication and supply messages are not crises', () => {
  it.each([
    'my blood pressure pills',
    "I'm almost out of my inhaler",
    'I need a refill of my sertraline',
    'ran out of insulin pen needles, when can I pick up',
    'lisinopril',
    'metformin 500 mg',
    'Zoloft 50mg',
    'my epipen expires next month, can I get a new one',
    'running low on test strips',
    'can you send my levothyroxine to CVS',
    'is my prescription for eliquis ready for pickup',
    'I lost my rescue inhaler, can the doctor send another',
    'what is the max dose of ibuprofen in a day',
    'can I take tylenol with my antibiotic',
    'I forgot to take my birth control this morning, what should I do',
    'need a 90 day supply of my sleeping pills',
  ])('leaves "%s" alone', (text) => {
    expect(alarm(text)).toBe(false);
  });

  it("leaves every medication.refill utterance of the intent corpus alone, training and test alike", () => {
    const refill = loadCorpus().intents.find((i) => i.name === 'medication.refill');
    const utterances = [...(refill?.utterances ?? []), ...(refill?.tests ?? [])];
    expect(utterances.length).toBeGreaterThan(20);
    expect(utterances.filter(alarm)).toEqual([]);
  });

  it('still catches running out of a life-saving medicine when the person is already very ill', () => {
    expect(alarm('I ran out of insulin two days ago and now I am vomiting and confused')).toBe(true);
    expect(alarm("ran out of my rescue inhaler and I can't breathe")).toBe(true);
  });
});
