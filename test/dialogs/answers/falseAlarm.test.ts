import { readsAsFalseAlarm } from '../../../dialogs/answers/falseAlarm';

describe('reading "it was a false alarm"', () => {
  it.each([
    "no I'm fine, I meant the product",
    'not an emergency',
    "it's not an emergency, sorry",
    'false alarm',
    'nobody is hurt',
    "we're ok",
    'I was talking about the chest of drawers',
    'sorry, wrong word',
    'just kidding',
    'I’m fine',
  ])('reads %j as a false alarm', (text) => expect(readsAsFalseAlarm(text)).toBe(true));

  it.each(["I'm not fine", 'please hurry', 'he is still not breathing', 'yes it is an emergency', 'can you help me', "I'm not okay at all"])(
    'does not read %j as a false alarm',
    (text) => expect(readsAsFalseAlarm(text)).toBe(false),
  );
});
