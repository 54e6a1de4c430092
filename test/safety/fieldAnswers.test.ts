import { EmergencyDetector } from '../../src/nlu/emergency/detectEmergency';

const detector = new EmergencyDetector();
const alarm = (text: string): boolean => detector.detect(text).isEmergency;

// Replies at a prompt that asks for identifiers of several orders or bookings once raised the stroke alarm: the
// word "second" had been seen only in crises ("this second", "a second seizure"). Field answers are not crises.
describe('answers that fill in a prompt’s fields are not crises', () => {
  it.each([
    // The three replies of the report.
    '98103 for the first one and 78704 for the second',
    '12345 for the first one and 67890 for the second',
    'the email for the first one and the zip for the second',
    // Others of the kind, worded apart from the corpus templates.
    'first order is 60615, the second should be 94107',
    '60615 on the first, 94107 on the second',
    'zip is 30318 for the older order and 11211 for the newer',
    'the second zip is 85004',
    'the second one ships to 02140 and the first to 02139',
    'jo.smith@example.net for the first and jsmith@work.com for the second',
    'use my gmail for the first one, the outlook address for the second one',
    'order #77120 first, then order #77121 second',
    'number one is ORD-1182 and number two ORD-1190',
    'the 3rd one is 48201 and the fourth is 48226',
    'delivery date for the first is dec 12 and for the second dec 19',
    'for the second order use 415 555 0132',
    'phone for the first one is 206-555-0111, and the second one 206-555-0112',
    'hold on a second, the zip for both is 97205',
    'same for both: 73301',
    'one sec, it is 77002 for the second package',
    'the first is my home address and the second is my office',
    'born 07/22/1979, postcode 10027 for both orders',
    'the second order number is 4410982 and the first is 4410977',
    'second one please, the first is fine',
  ])('leaves "%s" alone', (text) => {
    expect(alarm(text)).toBe(false);
  });

  it('still raises the alarm for crises that count or use numbers', () => {
    expect(alarm('he is having a second seizure right now and wont wake up')).toBe(true);
    expect(alarm("my dad's face is drooping on one side and he can't talk, we're at 98103")).toBe(true);
    expect(alarm('I took 40 of my sleeping pills about 10 minutes ago')).toBe(true);
  });
});
