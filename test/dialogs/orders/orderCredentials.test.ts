import { readCredentials } from '../../../dialogs/orders/orderCredentials';
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
