import { orderIdPattern, orderStatuses, orderTotalCents } from '../../../src/domain/orders/order';
import { generateSampleOrders, sampleOrderCount } from '../../../src/domain/orders/sampleOrders';

const anchor = new Date('2025-06-15T12:00:00.000Z');
const dayMs = 24 * 3_600_000;

describe('sample orders', () => {
  const orders = generateSampleOrders(anchor);

  it('are the same for the same anchor and seed, and differ for another seed', () => {
    expect(generateSampleOrders(anchor)).toEqual(orders);
    expect(generateSampleOrders(anchor, 1)).not.toEqual(orders);
  });

  it('number 50 with unique TD-nnnnnn ids', () => {
    expect(orders).toHaveLength(sampleOrderCount);
    expect(new Set(orders.map((o) => o.id)).size).toBe(sampleOrderCount);
    for (const order of orders) expect(order.id).toMatch(orderIdPattern);
  });

  it('cover every status', () => {
    for (const status of orderStatuses) expect(orders.some((o) => o.status === status)).toBe(true);
  });

  it('have consistent totals, timelines and refunds', () => {
    for (const order of orders) {
      expect(order.totalCents).toBe(orderTotalCents(order.items));
      expect(order.items.length).toBeGreaterThan(0);
      expect(order.email).toMatch(/^[a-z0-9.]+@example\.com$/);
      expect(order.postcode).toMatch(/^\d{5}$/);
      expect(Date.parse(order.placedAt)).toBeLessThan(anchor.getTime());
      const times = order.trackingEvents.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const t of times) expect(t).toBeLessThanOrEqual(anchor.getTime());
      const shipped = ['shipped', 'out_for_delivery', 'delivered', 'returned'].includes(order.status);
      expect(Boolean(order.trackingNumber && order.carrier && order.shippedAt)).toBe(shipped);
      if (order.deliveredAt) expect(Date.parse(order.deliveredAt)).toBeLessThan(anchor.getTime());
      if (order.refund.refundedAt) expect(Date.parse(order.refund.refundedAt)).toBeLessThan(anchor.getTime());
      if (order.status === 'returned') expect(order.refund.state === 'processing' || order.refund.state === 'refunded').toBe(true);
      if (order.status === 'processing') expect(order.refund.state).toBe('none');
    }
  });

  it('include the documented well-known orders', () => {
    const byId = new Map(orders.map((o) => [o.id, o]));
    const td1 = byId.get('TD-100001');
    expect(td1).toMatchObject({ status: 'delivered', email: 'ann.lee@example.com', postcode: '10027', carrier: 'UPS' });
    expect(anchor.getTime() - Date.parse(td1!.deliveredAt!)).toBe(5 * dayMs);
    expect(byId.get('TD-100002')).toMatchObject({ status: 'processing', email: 'ben.ortiz@example.com', postcode: '60614' });
    expect(byId.get('TD-100003')).toMatchObject({ status: 'shipped', carrier: 'FedEx', postcode: '78704' });
    expect(byId.get('TD-100004')).toMatchObject({ status: 'out_for_delivery', carrier: 'USPS', postcode: '98103' });
    expect(anchor.getTime() - Date.parse(byId.get('TD-100005')!.deliveredAt!)).toBe(45 * dayMs);
    expect(byId.get('TD-100006')).toMatchObject({ status: 'cancelled', refund: { state: 'refunded' } });
    expect(byId.get('TD-100007')).toMatchObject({ status: 'returned', refund: { state: 'refunded' } });
    expect(byId.get('TD-100008')).toMatchObject({ status: 'delivered', returnRequest: { rmaNumber: 'RMA-100008' }, refund: { state: 'requested' } });
    expect(byId.get('TD-100009')).toMatchObject({ status: 'returned', refund: { state: 'processing' } });
    expect(byId.get('TD-100010')).toMatchObject({ status: 'delivered', postcode: '33133' });
  });
});
