import { EmbeddedOrderService } from '../../../src/domain/orders/embeddedOrderService';
import { normalizeOrderId } from '../../../src/domain/orders/order';
import { returnNextSteps } from '../../../src/domain/orders/returnPolicy';

const anchor = new Date('2025-06-15T12:00:00.000Z');
const hourMs = 3_600_000;

describe('EmbeddedOrderService', () => {
  let orders: EmbeddedOrderService;
  beforeEach(() => {
    orders = new EmbeddedOrderService({ anchor });
  });

  describe('verify', () => {
    it.each([
      ['TD-100001', 'ann.lee@example.com'],
      ['td100001', '  Ann.Lee@Example.COM '],
      ['TD 100001', '10027'],
      ['TD-100001', '10027-4410'],
      ['td-100001', ' 100 27 '],
    ])('accepts %j with %j', async (id, secret) => {
      expect((await orders.verify(id, secret))?.id).toBe('TD-100001');
    });

    it.each([
      ['TD-100001', 'ben.ortiz@example.com', 'another customer email'],
      ['TD-100001', '60614', 'another customer ZIP'],
      ['TD-100001', '', 'empty secret'],
      ['TD-999999', 'ann.lee@example.com', 'unknown order'],
      ['not an id', 'ann.lee@example.com', 'malformed id'],
      ['TD-100001', 'nobody@invalid.example', 'the decoy email'],
      ['TD-999999', 'nobody@invalid.example', 'the decoy against an unknown order'],
    ])('refuses %j with %j (%s)', async (id, secret) => {
      expect(await orders.verify(id, secret)).toBeNull();
    });
  });

  it('normalises the ids customers type', () => {
    expect(normalizeOrderId(' td 100042 ')).toBe('TD-100042');
    expect(normalizeOrderId('TD-1000421')).toBeUndefined();
    expect(normalizeOrderId('AB-100042')).toBeUndefined();
  });

  it('reports status with customer wording', async () => {
    const status = await orders.getStatus('TD-100004');
    expect(status).toMatchObject({ orderId: 'TD-100004', status: 'out_for_delivery', statusLabel: 'out for delivery', itemCount: 1 });
    expect(status?.estimatedDeliveryAt).toBeDefined();
    expect(await orders.getStatus('TD-999999')).toBeNull();
  });

  it('gives tracking with a carrier link for shipped orders only', async () => {
    const tracking = await orders.getTracking('TD-100003');
    expect(tracking?.carrier).toBe('FedEx');
    expect(tracking?.trackingUrl).toBe(`https://www.fedex.com/fedextrack/?trknbr=${tracking?.trackingNumber}`);
    expect(tracking?.latest).toEqual(tracking?.events[tracking.events.length - 1]);
    expect(await orders.getTracking('TD-100002')).toBeNull();
    expect(await orders.getTracking('TD-100006')).toBeNull();
  });

  it('decides return eligibility from the current state', async () => {
    const eligible = await orders.checkReturnEligibility((await orders.verify('TD-100001', '10027'))!, anchor);
    expect(eligible).toMatchObject({ eligible: true, reason: 'eligible' });
    const expired = await orders.checkReturnEligibility((await orders.verify('TD-100005', 'erin.walsh@example.com'))!, anchor);
    expect(expired).toMatchObject({ eligible: false, reason: 'window_expired' });
    const lastDay = (await orders.verify('TD-100010', '33133'))!;
    expect((await orders.checkReturnEligibility(lastDay, anchor)).eligible).toBe(true);
    expect((await orders.checkReturnEligibility(lastDay, new Date(anchor.getTime() + 3 * hourMs))).reason).toBe('window_expired');
  });

  it('creates a return once: same RMA on repeat, refund requested, then no longer eligible', async () => {
    const first = await orders.createReturn('TD-100001', 'Too small', anchor);
    expect(first).toMatchObject({ ok: true, rmaNumber: 'RMA-100001', alreadyRequested: false });
    const repeat = await orders.createReturn('td100001', 'Too small', new Date(anchor.getTime() + hourMs));
    expect(repeat).toMatchObject({ ok: true, rmaNumber: 'RMA-100001', alreadyRequested: true });
    expect(await orders.getRefund('TD-100001')).toEqual({ state: 'requested', amountCents: 16500, requestedAt: anchor.toISOString() });
    const order = (await orders.verify('TD-100001', '10027'))!;
    expect(order.returnRequest?.reason).toBe('Too small');
    expect(await orders.checkReturnEligibility(order, anchor)).toMatchObject({ eligible: false, reason: 'already_requested' });
  });

  it.each([
    ['TD-100002', 'not_delivered'],
    ['TD-100005', 'window_expired'],
    ['TD-100006', 'cancelled'],
    ['TD-100007', 'already_returned'],
    ['TD-999999', 'not_found'],
  ])('refuses a return for %s (%s) without changing it', async (id, reason) => {
    const before = await orders.getRefund(id);
    expect(await orders.createReturn(id, 'changed my mind', anchor)).toMatchObject({ ok: false, reason });
    expect(await orders.getRefund(id)).toEqual(before);
  });

  it('keeps a return already open in the sample data idempotent', async () => {
    expect(await orders.createReturn('TD-100008', 'again', anchor)).toMatchObject({ ok: true, rmaNumber: 'RMA-100008', alreadyRequested: true });
  });

  it('cancels only before shipping, idempotently, with a full refund', async () => {
    const cancelled = await orders.cancel('TD-100002', anchor);
    expect(cancelled).toMatchObject({ ok: true, alreadyCancelled: false, order: { status: 'cancelled', cancelledAt: anchor.toISOString() } });
    expect(await orders.getRefund('TD-100002')).toEqual({ state: 'processing', amountCents: 4500, requestedAt: anchor.toISOString() });
    expect((await orders.getStatus('TD-100002'))?.estimatedDeliveryAt).toBeUndefined();
    expect(await orders.cancel('TD-100002', anchor)).toMatchObject({ ok: true, alreadyCancelled: true });
    expect(await orders.cancel('TD-100003', anchor)).toMatchObject({ ok: false, reason: 'already_shipped' });
    expect((await orders.getStatus('TD-100003'))?.status).toBe('shipped');
    expect(await orders.cancel('TD-999999', anchor)).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('keeps mutations per instance', async () => {
    await orders.cancel('TD-100002', anchor);
    expect((await new EmbeddedOrderService({ anchor }).getStatus('TD-100002'))?.status).toBe('processing');
  });

  describe('findOrders (no order number: email and ZIP together)', () => {
    it('lists every order with that email and ZIP, newest first; ZIP+4 and loose case are accepted', async () => {
      expect((await orders.findOrders(' Ann.Lee@Example.com', '10027-1234')).map((o) => o.orderId)).toEqual(['TD-100011', 'TD-100001']);
      const [latest] = await orders.findOrders('ann.lee@example.com', '10027');
      expect(latest).toMatchObject({ orderId: 'TD-100011', status: 'processing', itemCount: 1, firstItem: 'Bamboo cutting board' });
    });

    it.each([
      ['ann.lee@example.com', '60614', 'the right email with another customer\'s ZIP'],
      ['ben.ortiz@example.com', '10027', 'another email with the right ZIP'],
      ['ann.lee@example.com', '', 'an email alone'],
      ['', '10027', 'a ZIP alone'],
    ])('finds nothing for %j + %j (%s)', async (email, zip) => {
      expect(await orders.findOrders(email, zip)).toEqual([]);
    });
  });

  describe('return next steps (from the return policy)', () => {
    it('label, drop-off and refund timing; the return shipping fee is deducted unless the item is faulty', () => {
      const policy = orders.returnPolicy();
      const [label, dropOff, refund] = returnNextSteps(policy, 'No longer needed', 10_000);
      expect(label).toMatch(/prepaid return label/);
      expect(dropOff).toBe('Drop the parcel at any UPS location within 14 days.');
      expect(refund).toMatch(/within 2 business days and refund \$93\.05 .*\$6\.95 return shipping fee is deducted.*5 to 10 business days/);
      expect(returnNextSteps(policy, 'Damaged or defective', 10_000)[2]).toMatch(/refund \$100\.00 to your original payment method; card/);
    });
  });
});
