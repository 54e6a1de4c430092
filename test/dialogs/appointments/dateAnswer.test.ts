import { readDateAnswer } from '../../../dialogs/appointments/dateAnswer';
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
    ['next blursday', { kind: 'none' }],
    ['whenever', { kind: 'none' }],
  ] as const)('reads %p', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
