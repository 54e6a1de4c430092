import type { Activity } from 'botbuilder';
import { piiKinds, redactActivity, redactPii } from '../../src/privacy/redactPii';
import { adversarialTexts } from '../support/adversarialText';

describe('redactPii', () => {
  const masked: Array<[string, string, string]> = [
    ['an email', 'mail me at john.doe+x@example.co.uk please', 'mail me at [email] please'],
    ['a spaced card number', 'my card is 4111 1111 1111 1111 thanks', 'my card is [card] thanks'],
    ['a dashed card number', 'card: 5500-0000-0000-0004', 'card: [card]'],
    ['a plain Amex number', 'amex 378282246310005 ok', 'amex [card] ok'],
    ['a dashed SSN', 'ssn 123-45-6789', 'ssn [ssn]'],
    ['a labelled 9-digit SSN', 'SSN: 123456789', 'SSN: [ssn]'],
    ['a US date of birth', 'born 03/14/1985', 'born [date]'],
    ['an ISO date', 'dob 1985-03-14', 'dob [date]'],
    ['a written date', 'I was born on March 14, 1985', 'I was born on [date]'],
    ['a day-first written date', 'on 14th of March 1985', 'on [date]'],
    ['a date of birth without a year, said as one', 'I was born on March 3', 'I was born on [date]'],
    ['a two-digit-year date of birth', 'dob 3/4/85', 'dob [date]'],
    ['a dotted European date', 'am 14.03.1985 geboren', 'am [date] geboren'],
    ['a phone with area code in brackets', 'call (555) 123-4567', 'call [phone]'],
    ['a dashed phone', 'call 555-123-4567 now', 'call [phone] now'],
    ['an international phone', 'ring +44 20 7946 0958', 'ring [phone]'],
    ['a 10-digit phone without separators', 'text me 5551234567', 'text me [phone]'],
    ['a labelled member id', 'member id: XJ1234567', 'member id: [member_id]'],
    ['a member id shape', 'my id is ABC123456789', 'my id is [member_id]'],
    ['a labelled policy number', 'policy number is 9988776655', 'policy number is [member_id]'],
    ['a street address with unit and ZIP', 'I live at 221 Baker Street, apt 4B, Springfield, IL 62704', 'I live at [address], Springfield, IL [postcode]'],
    ['a lowercase street address', 'ship to 12 elm st please', 'ship to [address] please'],
    ['a labelled ZIP code', 'zip code 90210', 'zip code [postcode]'],
    ['a ZIP+4', 'area 90210-1234', 'area [postcode]'],
    ['a UK postcode', 'London SW1A 1AA', 'London [postcode]'],
    ['a Canadian postcode', 'Toronto M5V 3L9', 'Toronto [postcode]'],
    ['a message that is only a ZIP (the answer to "what is your ZIP?")', '10027', '[postcode]'],
    ['a ZIP where the person lives', 'I live in 10027 now', 'I live in [postcode] now'],
    ['a ZIP after a city and a comma', 'Springfield, 62704', 'Springfield, [postcode]'],
    ['a name given as such', 'my name is ann lee and I need help', 'my name is [name] and I need help'],
    ['a capitalised name after "this is"', 'Hi, this is Maria Gonzalez calling', 'Hi, this is [name] calling'],
    ['a labelled name', 'Name: Jordan Smith', 'Name: [name]'],
    ['several kinds at once', 'I am jo@x.io, 555-123-4567, born 1/2/1990', 'I am [email], [phone], born [date]'],
  ];

  it.each(masked)('masks %s', (_name, input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  const kept: Array<[string, string]> = [
    ['a card-like number that fails the Luhn check', 'ref 4111111111111112 invalid'],
    ['a short order number', 'order 1234567 please'],
    ['an order number in our format', 'where is my order TD-100003'],
    ['an order number after #', 'order #104233 has not arrived'],
    ['an appointment time with a doctor', '8:30 AM EST with Dr. Amara Okafor'],
    ['a day and month (an appointment or delivery date)', 'Can I come on March 3?'],
    ['a short month and day', 'Order #A-1234 ships May 5'],
    ['a price with cents and thousands', 'the sofa was $1,299.99 and shipping 45 dollars'],
    ["one of our clinics' published addresses and phones", 'Lakeshore Family Clinic is at 2200 North Clark Street, Chicago, IL 60614, phone 312-555-0178'],
    ['a time and a suite', 'at 10:30 in suite 200 with Dr. Lee'],
    ['a 5-digit number without context', 'ref 12345'],
    ['a price', 'it costs $1,234.56'],
    ['a clock time', 'meet at 10:30am or 5 pm'],
    ['a version number', 'version 1.2.3'],
    ['the word may without a day', 'I may need 2 tickets for may'],
    ['an empty string', ''],
    ['plain words', 'Where is my order? It has been three days.'],
  ];

  it.each(kept)('keeps %s', (_name, input) => {
    expect(redactPii(input)).toBe(input);
  });

  it('keeps a recent date with a year (an order or appointment date) but masks an older one', () => {
    expect(redactPii('delivered on March 14, 2026 and 2026-03-15', { referenceYear: 2026 })).toBe('delivered on March 14, 2026 and 2026-03-15');
    expect(redactPii('shipped 3/14/25', { referenceYear: 2026 })).toBe('shipped 3/14/25');
    expect(redactPii('March 14, 1985 and 1990-01-02', { referenceYear: 2026 })).toBe('[date] and [date]');
  });

  it('leaves the kinds an audience may see in clear, and still masks the rest', () => {
    const text = 'my name is Ann Lee, call me on 555-123-4567, ssn 123-45-6789, card 4111 1111 1111 1111, mail ann@x.io';
    expect(redactPii(text, { keep: ['name', 'phone'] })).toBe('my name is Ann Lee, call me on 555-123-4567, ssn [ssn], card [card], mail [email]');
    expect(redactPii(text)).toBe('my name is [name], call me on [phone], ssn [ssn], card [card], mail [email]');
  });

  it('uses one typed placeholder per kind', () => {
    expect(piiKinds).toEqual(expect.arrayContaining(['email', 'phone', 'card', 'ssn', 'date', 'member_id']));
  });


  // Catastrophic backtracking on 100k characters runs for minutes to hours, far past the test timeout; how
  // fast the linear scan is belongs to `npm run bench:adversarial`, not to a test.
  it.each(adversarialTexts)('finishes on 100k characters of %s and returns text of the same order of length', (_name, input) => {
    const redacted = redactPii(input);
    expect(redacted.length).toBeGreaterThan(input.length / 4);
    expect(redacted.length).toBeLessThan(input.length * 4);
  });
});

describe('redactActivity', () => {
  const activity: Partial<Activity> = {
    type: 'message',
    id: 'act-1',
    channelId: 'webchat',
    timestamp: new Date('2024-05-01T10:00:00.000Z'),
    conversation: { id: 'conv12345678', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Jane Roe', role: 'user' },
    recipient: { id: 'bot', name: 'Tandem', role: 'bot' },
    text: 'my email is jane@roe.com and my DOB is 01/02/1980',
    value: { ssn: '123-45-6789' },
    entities: [{ type: 'mention', text: 'Jane Roe', mentioned: { id: 'user-1', name: 'Jane Roe' } }],
    channelData: { agent: { name: 'Dana' }, note: 'call 555-123-4567' },
    attachments: [
      { contentType: 'text/plain', content: 'card 4111 1111 1111 1111' },
      { contentType: 'application/json', content: { nested: { phone: '(555) 123-4567' } }, name: 'notes for jane@roe.com' },
    ],
  };

  it('masks text, values, attachments, entities and the user name', () => {
    const redacted = redactActivity(activity);
    expect(redacted.text).toBe('my email is [email] and my DOB is [date]');
    expect(redacted.value).toBe('[redacted]');
    expect(redacted.from).toEqual({ id: 'user-1', name: '[name]', role: 'user' });
    expect(redacted.recipient).toEqual({ id: 'bot', name: 'Tandem', role: 'bot' });
    expect(redacted.entities).toEqual([{ type: 'mention' }]);
    expect(redacted.channelData).toEqual({ agent: { name: 'Dana' }, note: 'call [phone]' });
    expect(redacted.attachments?.[0]?.content).toBe('card [card]');
    expect(redacted.attachments?.[1]?.content).toEqual({ nested: { phone: '[phone]' } });
    expect(redacted.attachments?.[1]?.name).toBe('notes for [email]');
  });

  it('keeps ids, addressing and timestamps intact', () => {
    const redacted = redactActivity(activity);
    expect(redacted.id).toBe('act-1');
    expect(redacted.conversation?.id).toBe('conv12345678');
    expect(redacted.timestamp).toEqual(new Date('2024-05-01T10:00:00.000Z'));
    expect(redacted.channelId).toBe('webchat');
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(activity);
    const redacted = redactActivity(activity);
    expect(JSON.stringify(activity)).toBe(before);
    expect(redacted.conversation).not.toBe(activity.conversation);
  });

  it('masks a string value but keeps a numeric one', () => {
    expect(redactActivity({ type: 'event', value: 'ssn 123-45-6789' }).value).toBe('ssn [ssn]');
    expect(redactActivity({ type: 'event', value: 42 }).value).toBe(42);
  });

  it('copies a `__proto__` key of a JSON body as a key (redacted), never as the copy\'s prototype', () => {
    const parsed = JSON.parse(
      '{"type":"message","text":"hi","channelData":{"__proto__":{"note":"call 555-123-4567","hasOwnProperty":"x","polluted":true}}}',
    ) as Partial<Activity>;
    const redacted = redactActivity(parsed);
    const channelData = redacted.channelData as Record<string, unknown>;
    expect(Object.getPrototypeOf(channelData)).toBe(Object.prototype);
    expect(channelData.polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(channelData, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(channelData, '__proto__')?.value).toEqual({ note: 'call [phone]', hasOwnProperty: 'x', polluted: true });
    expect(JSON.stringify(channelData)).toBe('{"__proto__":{"note":"call [phone]","hasOwnProperty":"x","polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('redacts the activities inside a Transcript attachment as activities', () => {
    const inner: Partial<Activity> = {
      type: 'message',
      id: 'inner-1',
      timestamp: new Date('2024-05-01T09:00:00.000Z'),
      from: { id: 'u', name: 'Jane Roe', role: 'user' },
      text: 'reach me at jane@roe.com',
    };
    const redacted = redactActivity({
      type: 'event',
      name: 'handoff.initiate',
      attachments: [{ contentType: 'application/json', name: 'Transcript', content: { activities: [inner] } }],
    });
    const content = redacted.attachments?.[0]?.content as { activities: Array<Partial<Activity>> };
    expect(content.activities[0]?.text).toBe('reach me at [email]');
    expect(content.activities[0]?.from?.name).toBe('[name]');
    expect(content.activities[0]?.id).toBe('inner-1');
    expect(redacted.attachments?.[0]?.name).toBe('Transcript');
  });
});
