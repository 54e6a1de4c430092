import { readCredentials, readOrderIds, readSecrets } from '../../../dialogs/orders/orderCredentials';
import { extractEntities } from '../../../src/nlu/entities/extractEntities';

const read = (text: string, askedForOrderId = false) =>
  readCredentials(text, extractEntities(text, { timezone: 'America/New_York' }), askedForOrderId);

describe('readCredentials', () => {
  it.each([
    ['where is order TD-100001? my email is ann.lee@example.com', { orderId: 'TD-100001', secret: 'ann.lee@example.com' }],
    ['TD-100001 zip 10027', { orderId: 'TD-100001', secret: '10027' }],
    ['td100001, 10027-1234', { orderId: 'TD-100001', secret: '10027-1234' }],
    ['where is my order', {}],
    ['ann.lee@example', { malformedEmail: true }],
  ] as const)('reads %p', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('takes a bare six-digit number as the order number only when one was asked for', () => {
    expect(read('100001')).toEqual({});
    expect(read('100001', true)).toEqual({ orderId: 'TD-100001' });
  });

  it('does not read the digits of a phone number as a ZIP code', () => {
    expect(read('call me on (212) 555-0142').secret).toBeUndefined();
  });
});

describe('several orders in one message', () => {
  const entities = (text: string) => extractEntities(text, { timezone: 'America/New_York' });

  it('reads every order number once, in the order written', () => {
    expect(readOrderIds(entities('I have two orders, TD-100004 and td 100003. also TD-100004 again'))).toEqual(['TD-100004', 'TD-100003']);
    expect(readOrderIds(entities('where is my order'))).toEqual([]);
  });

  it('reads every email and ZIP code in the order written, never a phone number or an order number', () => {
    const text = '98103 for the first one and carla.mendes@example.com for TD-100003, call (212) 555-0142';
    expect(readSecrets(text, entities(text))).toEqual(['98103', 'carla.mendes@example.com']);
  });
});
