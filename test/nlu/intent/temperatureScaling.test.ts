import { seededRandom } from '../../../src/random/seededRandom';
import { fitTemperature, softmax, type HeldOutLogits } from '../../../src/nlu/intent/temperatureScaling';

/** Labels drawn from softmax(logits / trueTemperature): the fit should recover trueTemperature. */
function sample(trueTemperature: number, n: number): HeldOutLogits[] {
  const random = seededRandom(42);
  return Array.from({ length: n }, () => {
    const logits = Float64Array.from({ length: 4 }, () => random() * 6);
    const p = softmax(logits, trueTemperature);
    let u = random();
    let label = 0;
    while (label < 3 && u > p[label]!) u -= p[label++]!;
    return { logits, label };
  });
}

describe('temperature scaling', () => {
  it('softmax sums to one and sharpens as the temperature drops', () => {
    const logits = Float64Array.from([1, 2, 3]);
    const warm = softmax(logits, 2);
    const cold = softmax(logits, 0.5);
    expect(warm.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(cold[2]!).toBeGreaterThan(warm[2]!);
  });

  it.each([0.5, 1, 3])('recovers a temperature of %p from labels sampled at it', (t) => {
    expect(fitTemperature(sample(t, 4000))).toBeGreaterThan(t * 0.85);
    expect(fitTemperature(sample(t, 4000))).toBeLessThan(t * 1.15);
  });

  it('returns 1 when there is nothing to fit on', () => {
    expect(fitTemperature([])).toBe(1);
  });
});
