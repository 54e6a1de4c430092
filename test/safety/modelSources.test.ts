import { loadRiskModel } from '../../intents/safety/model';
import { sourcesFingerprint } from '../../intents/safety/sourcesFingerprint';

// The committed model must be what `npm run train:safety` makes of the committed templates, intent corpus and
// featurizer: when one of them changes, the model has to be retrained with it (intents/safety/README.md).
describe('the committed crisis model', () => {
  it('was trained on the templates, the intent corpus and the featurizer as they are now', () => {
    const model = loadRiskModel();
    const recorded = model.file.training['sourcesFingerprint'];
    expect({ recorded }).toEqual({ recorded: sourcesFingerprint(model.file.seed) });
  });
});
