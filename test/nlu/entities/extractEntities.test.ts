import { extractEntities } from '../../../src/nlu/entities/extractEntities';
import type { Entity } from '../../../src/nlu/types';

// Monday 10 March 2025, 11:00 in New York (EDT, UTC-4).
const now = new Date('2025-03-10T15:00:00Z');
const options = { timezone: 'America/New_York', now };

function find(text: string): Entity[] {
  return extractEntities(text, options);
}

const cases: readonly { name: string; text: string; expected: readonly Pick<Entity, 'type' | 'text' | 'value'>[] }[] = [
  { name: 'a Tandem order number', text: 'Where is TD-104233?', expected: [{ type: 'order_number', text: 'TD-104233', value: 'TD-104233' }] },
  { name: 'a lower-case order number without the dash', text: 'td104233 please', expected: [{ type: 'order_number', text: 'td104233', value: 'TD-104233' }] },
  { name: 'a bare number right after "order"', text: 'order 104233 never arrived', expected: [{ type: 'order_number', text: '104233', value: 'TD-104233' }] },
  { name: 'a #number near an order word', text: 'my package #104233 is late', expected: [{ type: 'order_number', text: '#104233', value: 'TD-104233' }] },
  { name: 'an email, lower-cased', text: 'write to John.Doe@Example.COM thanks', expected: [{ type: 'email', text: 'John.Doe@Example.COM', value: 'john.doe@example.com' }] },
  { name: 'a member id after "member id"', text: 'member id ABC123456789', expected: [{ type: 'member_id', text: 'ABC123456789', value: 'ABC123456789' }] },
  { name: 'a member id with a separator near "insurance"', text: 'my insurance id is xy-1234567', expected: [{ type: 'member_id', text: 'xy-1234567', value: 'XY1234567' }] },
  { name: 'a US phone number as E.164', text: 'call me at (415) 555-2671', expected: [{ type: 'phone', text: '(415) 555-2671', value: '+14155552671' }] },
  { name: 'an international phone number', text: 'or +44 20 7946 0958', expected: [{ type: 'phone', text: '+44 20 7946 0958', value: '+442079460958' }] },
  { name: 'a relative date-time in the user zone', text: 'tomorrow at 3pm works', expected: [{ type: 'datetime', text: 'tomorrow at 3pm', value: '2025-03-11T15:00:00-04:00' }] },
  { name: 'a time alone', text: 'at 9:30am', expected: [{ type: 'time', text: '9:30am', value: '2025-03-10T09:30:00-04:00' }] },
  { name: 'a date alone', text: 'on March 14', expected: [{ type: 'date', text: 'March 14', value: '2025-03-14' }] },
  { name: 'a winter date keeps the winter offset', text: 'Feb 3 2025 at 10am', expected: [{ type: 'datetime', text: 'Feb 3 2025 at 10am', value: '2025-02-03T10:00:00-05:00' }] },
  { name: 'a date range', text: 'from March 13 to March 15', expected: [{ type: 'date_range', text: 'March 13 to March 15', value: { start: '2025-03-13', end: '2025-03-15' } }] },
  { name: 'a weekday as the coming one', text: 'book a physical on friday', expected: [{ type: 'date', text: 'friday', value: '2025-03-14' }] },
  { name: "today's weekday as today", text: 'monday works', expected: [{ type: 'date', text: 'monday', value: '2025-03-10' }] },
  { name: 'a month and day that has passed as next year\'s', text: 'on March 3', expected: [{ type: 'date', text: 'March 3', value: '2026-03-03' }] },
  { name: 'a day of the month by its ordinal, still to come', text: 'can I come on the 21st', expected: [{ type: 'date', text: 'the 21st', value: '2025-03-21' }] },
  { name: 'a passed ordinal day as next month\'s', text: 'the 3rd please', expected: [{ type: 'date', text: 'the 3rd', value: '2025-04-03' }] },
  { name: 'an ordinal day that next month lacks skips to one that has it', text: 'the 31st', expected: [{ type: 'date', text: 'the 31st', value: '2025-03-31' }] },
  { name: 'an ordinal alone as an answer', text: '3rd', expected: [{ type: 'date', text: '3rd', value: '2025-04-03' }] },
  { name: 'a relative week count', text: 'in two weeks', expected: [{ type: 'date', text: 'in two weeks', value: '2025-03-24' }] },
  { name: 'a bare hour means the afternoon', text: 'next wednesday at 4', expected: [{ type: 'datetime', text: 'next wednesday at 4', value: '2025-03-19T16:00:00-04:00' }] },
  { name: 'a bare hour alone is today, even when 4 AM has passed', text: 'at 4', expected: [{ type: 'time', text: '4', value: '2025-03-10T16:00:00-04:00' }] },
  { name: 'a morning hour stays in the morning', text: 'friday at 9', expected: [{ type: 'datetime', text: 'friday at 9', value: '2025-03-14T09:00:00-04:00' }] },
  { name: 'an explicit am is kept', text: 'friday at 4am', expected: [{ type: 'datetime', text: 'friday at 4am', value: '2025-03-14T04:00:00-04:00' }] },
  { name: 'a part of the day on a weekday is a range that day', text: 'next Tuesday afternoon', expected: [{ type: 'date_range', text: 'next Tuesday afternoon', value: { start: '2025-03-18T12:00:00-04:00', end: '2025-03-18T17:00:00-04:00' } }] },
  { name: 'a part of the day joins a day said later', text: 'any evening slots for a follow-up on Thursday?', expected: [{ type: 'date_range', text: 'evening slots for a follow-up on Thursday', value: { start: '2025-03-13T17:00:00-04:00', end: '2025-03-13T21:00:00-04:00' } }] },
  { name: '"in the morning" after the day', text: 'TOMORROW in the morning', expected: [{ type: 'date_range', text: 'TOMORROW in the morning', value: { start: '2025-03-11T05:00:00-04:00', end: '2025-03-11T12:00:00-04:00' } }] },
  { name: 'a part of the day after a month and day joins that day', text: 'july 3rd in the afternoon', expected: [{ type: 'date_range', text: 'july 3rd in the afternoon', value: { start: '2025-07-03T12:00:00-04:00', end: '2025-07-03T17:00:00-04:00' } }] },
  { name: 'a part of the day after a day and month joins that day', text: '3rd of july afternoon', expected: [{ type: 'date_range', text: '3rd of july afternoon', value: { start: '2025-07-03T12:00:00-04:00', end: '2025-07-03T17:00:00-04:00' } }] },
  { name: 'date words misspelt by one letter are read as meant, with the words as written', text: 'tomorow mornin', expected: [{ type: 'date_range', text: 'tomorow mornin', value: { start: '2025-03-11T05:00:00-04:00', end: '2025-03-11T12:00:00-04:00' } }] },
  { name: 'a part of the day alone is a window with no day', text: 'afternoons are better', expected: [{ type: 'time', text: 'afternoons', value: { start: '2025-03-10T12:00:00-04:00', end: '2025-03-10T17:00:00-04:00' } }] },
  { name: 'tonight is this evening', text: 'anything tonight?', expected: [{ type: 'date_range', text: 'tonight', value: { start: '2025-03-10T17:00:00-04:00', end: '2025-03-10T21:00:00-04:00' } }] },
  { name: '"after 3" runs to the end of that day', text: 'friday after 3', expected: [{ type: 'date_range', text: 'friday after 3', value: { start: '2025-03-14T15:00:00-04:00', end: '2025-03-14T23:59:00-04:00' } }] },
  { name: '"before noon" runs from the start of the day', text: 'before noon on the 20th', expected: [{ type: 'date_range', text: 'before noon on the 20th', value: { start: '2025-03-20T00:00:00-04:00', end: '2025-03-20T12:00:00-04:00' } }] },
  { name: 'a count after "after" is not a clock time', text: 'it broke after 3 days', expected: [{ type: 'date', text: 'after 3 days', value: '2025-03-13' }] },
  { name: 'a time range', text: '2-4pm tomorrow', expected: [{ type: 'date_range', text: '2-4pm tomorrow', value: { start: '2025-03-11T14:00:00-04:00', end: '2025-03-11T16:00:00-04:00' } }] },
  { name: 'a date of birth after DOB', text: 'DOB 03/04/1985', expected: [{ type: 'date_of_birth', text: '03/04/1985', value: '1985-03-04' }] },
  { name: 'a date of birth after "born on"', text: 'I was born on 4 July 1990', expected: [{ type: 'date_of_birth', text: '4 July 1990', value: '1990-07-04' }] },
  { name: 'a date of birth after "date of birth is"', text: 'my date of birth is March 4, 1985', expected: [{ type: 'date_of_birth', text: 'March 4, 1985', value: '1985-03-04' }] },
  { name: 'a future "birth date" is only a date', text: 'born on 4 July 2030', expected: [{ type: 'date', text: '4 July 2030', value: '2030-07-04' }] },
  { name: 'no February 30', text: 'can I come on February 30?', expected: [] },
  { name: 'no April 31 in numbers', text: 'on 4/31/2025 please', expected: [] },
  { name: 'a leap day that exists', text: 'Feb 29 2024', expected: [{ type: 'date', text: 'Feb 29 2024', value: '2024-02-29' }] },
  { name: 'no duration as a date', text: 'I have been waiting for 2 weeks', expected: [] },
  { name: 'no weekday from "sun"', text: 'the sun is out', expected: [] },
  { name: 'no order number from unrelated numbers', text: 'I have 104233 points', expected: [] },
];

describe('extractEntities', () => {
  it.each(cases)('finds $name', ({ text, expected }) => {
    expect(find(text).map(({ type, text: t, value }) => ({ type, text: t, value }))).toEqual(expected);
  });

  it('gives offsets that slice the original message, sorted and non-overlapping', () => {
    const text = 'Order TD-104233: email a@b.co, call 415-555-2671 tomorrow at 3pm, member id ABC123456789, DOB 03/04/1985';
    const entities = find(text);
    expect(entities.map((e) => e.type)).toEqual(['order_number', 'email', 'phone', 'datetime', 'member_id', 'date_of_birth']);
    for (const [i, e] of entities.entries()) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      if (i > 0) expect(e.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
    }
  });

  it('resolves relative dates in the user time zone, not the server one', () => {
    // 02:00 UTC on the 10th is still the 9th in Los Angeles.
    const late = new Date('2025-03-10T02:00:00Z');
    expect(extractEntities('tomorrow', { timezone: 'America/Los_Angeles', now: late })[0]?.value).toBe('2025-03-10');
    expect(extractEntities('tomorrow', { timezone: 'Europe/Paris', now: late })[0]?.value).toBe('2025-03-11');
  });

  it('returns nothing for empty, whitespace, emoji-only and RTL text', () => {
    for (const text of ['', '   \n\t', '😡😡👍', 'مرحبا كيف حالك', 'שלום']) expect(find(text)).toEqual([]);
  });

  it('reads a long, date-dense message', () => {
    const text = 'call 415-555-2671 tomorrow at 3pm about TD-104233 '.repeat(80);
    const entities = find(text);
    expect(entities.length).toBeGreaterThan(10);
  });

  it('throws a RangeError naming an unknown time zone', () => {
    expect(() => extractEntities('tomorrow', { timezone: 'Mars/Olympus', now })).toThrow(RangeError);
  });
});
