import { loadCorpus } from '../../../intents/loadCorpus';
import { EmergencyDetector } from '../../../src/nlu/emergency/detectEmergency';

// Every training and held-out utterance of the corpus's emergency intent must raise the flag on its own,
// so a crisis is caught even when the intent classifier is unsure.
describe('the intent corpus safety.emergency utterances', () => {
  const corpus = loadCorpus();
  const emergency = corpus.intents.find((i) => i.name === 'safety.emergency');
  const detector = new EmergencyDetector();

  it('exist', () => {
    expect(emergency).toBeDefined();
    expect(emergency!.utterances.length + emergency!.tests.length).toBeGreaterThan(20);
  });

  it('are all detected, training and test utterances alike', () => {
    const utterances = [...(emergency?.utterances ?? []), ...(emergency?.tests ?? [])];
    expect(utterances.filter((u) => !detector.detect(u).isEmergency)).toEqual([]);
  });
});
