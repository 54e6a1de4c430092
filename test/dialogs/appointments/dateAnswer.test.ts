import { narrowRequest, readDateAnswer } from '../../../dialogs/appointments/dateAnswer';
import { extractEntities } from '../../../src/nlu/entities/extractEntities';

// A Wednesday, 10:00 in New York.
const now = new Date('2025-03-12T14:00:00Z');
const read = (text: string) => readDateAnswer(text, extractEntities(text, { timezone: 'America/New_York', now }));

describe('readDateAnswer', () => {
  it.each([
    ['tomorrow', { kind: 'date', requested: { day: '2025-03-13' } }],
    ['next Tuesday at 10am', { kind: 'date', requested: { day: '2025-03-18', time: '10:00' } }],
    ['March 20', { kind: 'date', requested: { day: '2025-03-20' } }],
    ['at 3pm', { kind: 'date', requested: { day: '2025-03-12', time: '15:00' }, timeOnly: true }],
    ['February 30', { kind: 'impossible', monthName: 'February', day: 30 }],
    ['the 31st of April please', { kind: 'impossible', monthName: 'April', day: 31 }],
    ['monday', { kind: 'date', requested: { day: '2025-03-17' } }],
    ['the 3rd', { kind: 'date', requested: { day: '2025-04-03' } }],
    ['in 2 weeks', { kind: 'date', requested: { day: '2025-03-26' } }],
    ['Next Tuesday afternoon', { kind: 'date', requested: { day: '2025-03-18', window: { from: '12:00', to: '17:00' } } }],
    ['friday after 3', { kind: 'date', requested: { day: '2025-03-14', window: { from: '15:00', to: '24:00' } } }],
    ['in the morning', { kind: 'date', requested: { day: '2025-03-12', window: { from: '05:00', to: '12:00' } }, timeOnly: true }],
    ['after 2:30pm', { kind: 'date', requested: { day: '2025-03-12', window: { from: '14:30', to: '24:00' } }, timeOnly: true }],
    ['at 4', { kind: 'date', requested: { day: '2025-03-12', time: '16:00' }, timeOnly: true }],
    ['next blursday', { kind: 'none' }],
    ['whenever', { kind: 'none' }],
  ] as const)('reads %p', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('a time or part of the day alone narrows the day asked before; a new day replaces it', () => {
    const before = { day: '2025-03-18', time: '10:00' };
    const narrowed = (text: string) => {
      const answer = read(text);
      if (answer.kind !== 'date') throw new Error(`not a date: ${text}`);
      return narrowRequest(before, answer);
    };
    expect(narrowed('afternoon')).toEqual({ day: '2025-03-18', window: { from: '12:00', to: '17:00' } });
    expect(narrowed('at 11')).toEqual({ day: '2025-03-18', time: '11:00' });
    expect(narrowed('thursday')).toEqual({ day: '2025-03-13' });
  });
});
