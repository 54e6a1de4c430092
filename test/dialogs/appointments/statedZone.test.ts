import { statedZone } from '../../../dialogs/appointments/statedZone';
import { sampleCalendar } from '../../../src/domain/scheduling/sampleCalendar';

const { locations } = sampleCalendar;

describe('statedZone', () => {
  it.each([
    ["I'm in New York. book a cardiology consultation", 'America/New_York'],
    ['i live in denver and need physical therapy', 'America/Denver'],
    ["we're based in San Francisco", 'America/Los_Angeles'],
    ["I'm on Central time", 'America/Chicago'],
    ['I AM IN THE PACIFIC TIME ZONE', 'America/Los_Angeles'],
  ])('%s → %s', (text, zone) => {
    expect(statedZone(text, locations)).toBe(zone);
  });

  it.each(['book a cardiology consultation in San Francisco', "I'm in pain", 'is that pacific time?', "I'm in Boston"])(
    'finds no zone in "%s"',
    (text) => {
      expect(statedZone(text, locations)).toBeUndefined();
    },
  );
});
