import { emergencyGuidance } from '../../dialogs/emergencyGuidance';
import { EmergencyCategory } from '../../src/nlu/types';

describe('emergency guidance per category', () => {
  it.each([
    [[EmergencyCategory.selfHarm], [/^You don't have to go through this alone\. Please call or text 988 \(Suicide & Crisis Lifeline, US\)/], [/Poison Control/]],
    [[EmergencyCategory.overdose], [/^Call Poison Control now at 1-800-222-1222/, /call 911 first/], [/988/]],
    [[EmergencyCategory.cardiac, EmergencyCategory.breathing], [/^If you or someone with you is in danger .* call 911/], [/988|Poison Control/]],
    [[EmergencyCategory.violence], [/call 911/, /move away from the danger/], [/988/]],
    [[], [/call 911/], [/988|Poison Control/]],
  ])('%j gets its own line first', (categories, wanted, unwanted) => {
    const guidance = emergencyGuidance(categories);
    for (const pattern of wanted) expect(guidance).toMatch(pattern);
    for (const pattern of unwanted) expect(guidance).not.toMatch(pattern);
  });

  it('puts the crisis line first and the others after it when a message has several categories, each once', () => {
    const guidance = emergencyGuidance([EmergencyCategory.cardiac, EmergencyCategory.overdose, EmergencyCategory.selfHarm, EmergencyCategory.stroke]);
    const lines = guidance.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/988/);
    expect(lines[1]).toMatch(/Poison Control/);
    expect(lines[2]).toMatch(/call 911 \(or your local emergency number\)/);
  });

  it('never promises a person: what happens next is said separately, and only when true', () => {
    for (const category of Object.values(EmergencyCategory)) expect(emergencyGuidance([category])).not.toMatch(/connecting|right now|our team/i);
  });
});
