import { createSeededRandom, type SeededRandom } from '../seededRandom';
import {
  orderTotalCents,
  rmaNumberFor,
  type Carrier,
  type Order,
  type OrderItem,
  type OrderStatus,
  type Refund,
  type ReturnRequest,
  type TrackingEvent,
} from './order';

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** Seed of the sample data set; changing it changes every generated order (the well-known ones stay). */
export const sampleOrderSeed = 20_240_917;

const catalogue: readonly Omit<OrderItem, 'qty'>[] = [
  { sku: 'SOCK-MER-CRW', name: 'Merino wool crew socks (3 pack)', priceCents: 1800 },
  { sku: 'BTL-INS-750', name: 'Insulated water bottle, 750 ml', priceCents: 3200 },
  { sku: 'BAG-CNV-WKD', name: 'Canvas weekender bag', priceCents: 8900 },
  { sku: 'COF-POUR-SET', name: 'Ceramic pour-over coffee set', priceCents: 4500 },
  { sku: 'KIT-BMB-BRD', name: 'Bamboo cutting board', priceCents: 2900 },
  { sku: 'AUD-EAR-WLS', name: 'Wireless earbuds', priceCents: 7900 },
  { sku: 'HOM-LIN-PLW', name: 'Linen throw pillow cover', priceCents: 2400 },
  { sku: 'SHO-TRL-RUN', name: 'Trail running shoes', priceCents: 12900 },
  { sku: 'KIT-CST-SKL', name: 'Cast iron skillet, 10 inch', priceCents: 3900 },
  { sku: 'LMP-LED-DSK', name: 'LED desk lamp', priceCents: 5400 },
  { sku: 'FIT-YOG-MAT', name: 'Yoga mat, 6 mm', priceCents: 3800 },
  { sku: 'JKT-RAIN-SHL', name: 'Rain shell jacket', priceCents: 14900 },
  { sku: 'HOM-WOL-BLK', name: 'Wool blanket, queen', priceCents: 11500 },
  { sku: 'KIT-KNF-CHF', name: "Chef's knife, 8 inch", priceCents: 6900 },
];

interface Place {
  readonly city: string;
  readonly state: string;
  readonly zip: string;
}

const places: readonly Place[] = [
  { city: 'New York', state: 'NY', zip: '10027' },
  { city: 'Brooklyn', state: 'NY', zip: '11215' },
  { city: 'Cambridge', state: 'MA', zip: '02139' },
  { city: 'Chicago', state: 'IL', zip: '60614' },
  { city: 'Austin', state: 'TX', zip: '78704' },
  { city: 'Seattle', state: 'WA', zip: '98103' },
  { city: 'Denver', state: 'CO', zip: '80205' },
  { city: 'Portland', state: 'OR', zip: '97214' },
  { city: 'Atlanta', state: 'GA', zip: '30307' },
  { city: 'Minneapolis', state: 'MN', zip: '55408' },
  { city: 'San Diego', state: 'CA', zip: '92104' },
  { city: 'Philadelphia', state: 'PA', zip: '19147' },
  { city: 'Miami', state: 'FL', zip: '33133' },
  { city: 'Nashville', state: 'TN', zip: '37206' },
  { city: 'Madison', state: 'WI', zip: '53703' },
];

const firstNames = [
  'Olivia', 'Liam', 'Maya', 'Noah', 'Priya', 'Mateo', 'Grace', 'Ethan', 'Sofia', 'Daniel', 'Aisha', 'Lucas',
  'Hannah', 'Omar', 'Chloe', 'Wei', 'Isabel', 'Samuel', 'Zoe', 'Andre',
] as const;
const lastNames = [
  'Johnson', 'Nguyen', 'Patel', 'Garcia', 'Kim', 'Okafor', 'Schmidt', 'Rossi', 'Brown', 'Cohen', 'Hernandez',
  'Walker', 'Chen', 'Silva', 'Murphy', 'Haddad', 'Larsen', 'Adeyemi', 'Moreau', 'Tanaka',
] as const;

const origin: Omit<Place, 'zip'> = { city: 'Columbus', state: 'OH' };
const hubs: Readonly<Record<Carrier, string>> = {
  UPS: 'Louisville, KY',
  FedEx: 'Memphis, TN',
  USPS: 'Indianapolis, IN',
};

/** Public tracking page of each carrier. */
export function trackingUrl(carrier: Carrier, trackingNumber: string): string {
  const n = encodeURIComponent(trackingNumber);
  switch (carrier) {
    case 'UPS':
      return `https://www.ups.com/track?tracknum=${n}`;
    case 'FedEx':
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case 'USPS':
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
  }
}

function digits(rng: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

function trackingNumberFor(carrier: Carrier, rng: SeededRandom): string {
  switch (carrier) {
    case 'UPS':
      return `1Z${digits(rng, 3)}E7W03${digits(rng, 8)}`;
    case 'FedEx':
      return digits(rng, 12);
    case 'USPS':
      return `94001${digits(rng, 17)}`;
  }
}

/** What shapes one order's timeline; everything else is drawn from the PRNG. */
interface OrderSpec {
  readonly id: string;
  readonly status: OrderStatus;
  /** How long before the anchor the order was placed. */
  readonly placedAgoMs: number;
  /** For delivered/returned orders: how long before the anchor it was delivered. */
  readonly deliveredAgoMs?: number;
  /** For returned orders: true once the money is back with the customer. */
  readonly refundCompleted?: boolean;
  /** Delivered with a return already open (refund `requested`). */
  readonly returnOpen?: boolean;
  readonly customer?: { readonly name: string; readonly email: string; readonly place: Place };
  readonly items?: readonly OrderItem[];
  readonly carrier?: Carrier;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function buildOrder(spec: OrderSpec, anchorMs: number, rng: SeededRandom): Order {
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const customer = spec.customer ?? {
    name: `${first} ${last}`,
    email: `${first}.${last}${rng.chance(0.4) ? rng.int(1, 99) : ''}@example.com`.toLowerCase(),
    place: rng.pick(places),
  };
  const items: OrderItem[] =
    spec.items?.slice() ??
    Array.from({ length: rng.int(1, 3) }, () => ({ ...rng.pick(catalogue), qty: rng.chance(0.2) ? 2 : 1 })).filter(
      (item, index, all) => all.findIndex((other) => other.sku === item.sku) === index,
    );
  const totalCents = orderTotalCents(items);
  const placedMs = anchorMs - spec.placedAgoMs;
  const carrier = spec.carrier ?? rng.pick<Carrier>(['UPS', 'USPS', 'FedEx']);
  const destination = `${customer.place.city}, ${customer.place.state}`;
  const base = {
    id: spec.id,
    customerName: customer.name,
    email: customer.email,
    postcode: customer.place.zip,
    items,
    currency: 'USD' as const,
    totalCents,
    placedAt: iso(placedMs),
  };
  const noRefund: Refund = { state: 'none', amountCents: 0 };

  if (spec.status === 'processing') {
    return { ...base, status: 'processing', estimatedDeliveryAt: iso(placedMs + 5 * dayMs), trackingEvents: [], refund: noRefund };
  }
  if (spec.status === 'cancelled') {
    const cancelledMs = placedMs + rng.int(1, 20) * hourMs;
    const refundDone = anchorMs - cancelledMs > 3 * dayMs;
    return {
      ...base,
      status: 'cancelled',
      cancelledAt: iso(cancelledMs),
      trackingEvents: [],
      refund: {
        state: refundDone ? 'refunded' : 'processing',
        amountCents: totalCents,
        requestedAt: iso(cancelledMs),
        ...(refundDone ? { refundedAt: iso(cancelledMs + 3 * dayMs) } : {}),
      },
    };
  }

  // Everything below has shipped.
  const shippedMs = placedMs + rng.int(12, 36) * hourMs;
  const trackingNumber = trackingNumberFor(carrier, rng);
  const events: TrackingEvent[] = [
    { at: iso(shippedMs - 2 * hourMs), location: `${origin.city}, ${origin.state}`, description: 'Shipping label created' },
    { at: iso(shippedMs), location: `${origin.city}, ${origin.state}`, description: 'Picked up by carrier' },
  ];
  const hubMs = shippedMs + rng.int(8, 16) * hourMs;
  if (hubMs < anchorMs) events.push({ at: iso(hubMs), location: hubs[carrier], description: 'Departed sorting facility' });
  const shipment = { carrier, trackingNumber, shippedAt: iso(shippedMs) };

  if (spec.status === 'shipped') {
    const arrivedMs = hubMs + rng.int(14, 26) * hourMs;
    if (arrivedMs < anchorMs) events.push({ at: iso(arrivedMs), location: destination, description: 'Arrived at local facility' });
    return {
      ...base,
      ...shipment,
      status: 'shipped',
      estimatedDeliveryAt: iso(Math.max(shippedMs + 3 * dayMs, anchorMs + dayMs)),
      trackingEvents: events,
      refund: noRefund,
    };
  }
  if (spec.status === 'out_for_delivery') {
    events.push({ at: iso(anchorMs - 9 * hourMs), location: destination, description: 'Arrived at local facility' });
    events.push({ at: iso(anchorMs - 3 * hourMs), location: destination, description: 'Out for delivery' });
    return {
      ...base,
      ...shipment,
      status: 'out_for_delivery',
      estimatedDeliveryAt: iso(anchorMs + 6 * hourMs),
      trackingEvents: events,
      refund: noRefund,
    };
  }

  const deliveredMs = anchorMs - (spec.deliveredAgoMs ?? Math.max(spec.placedAgoMs - 3 * dayMs, hourMs));
  const delivered: TrackingEvent[] = [
    ...events.filter((event) => Date.parse(event.at) < deliveredMs),
    { at: iso(deliveredMs - 14 * hourMs), location: destination, description: 'Arrived at local facility' },
    { at: iso(deliveredMs - 5 * hourMs), location: destination, description: 'Out for delivery' },
    { at: iso(deliveredMs), location: destination, description: 'Delivered, left at front door' },
  ].sort((a, b) => a.at.localeCompare(b.at));
  const deliveredFields = { ...shipment, deliveredAt: iso(deliveredMs), trackingEvents: delivered };

  if (spec.status === 'delivered') {
    if (!spec.returnOpen) return { ...base, ...deliveredFields, status: 'delivered', refund: noRefund };
    const requestedMs = Math.min(deliveredMs + 2 * dayMs, anchorMs - hourMs);
    const returnRequest: ReturnRequest = { rmaNumber: rmaNumberFor(spec.id), reason: 'Item arrived damaged', requestedAt: iso(requestedMs) };
    return {
      ...base,
      ...deliveredFields,
      status: 'delivered',
      returnRequest,
      refund: { state: 'requested', amountCents: totalCents, requestedAt: iso(requestedMs) },
    };
  }

  // returned: the return was opened after delivery and before the anchor.
  const requestedMs = Math.min(deliveredMs + rng.int(1, 6) * dayMs, anchorMs - dayMs);
  const refundedMs = requestedMs + 7 * dayMs;
  const returnRequest: ReturnRequest = {
    rmaNumber: rmaNumberFor(spec.id),
    reason: rng.pick(['Wrong size', 'No longer needed', 'Not as described', 'Changed my mind']),
    requestedAt: iso(requestedMs),
  };
  return {
    ...base,
    ...deliveredFields,
    status: 'returned',
    returnRequest,
    refund:
      spec.refundCompleted && refundedMs < anchorMs
      ? { state: 'refunded', amountCents: totalCents, requestedAt: iso(requestedMs), refundedAt: iso(refundedMs) }
      : { state: 'processing', amountCents: totalCents, requestedAt: iso(requestedMs) },
  };
}

/**
 * The well-known demo orders (documented in src/domain/README.md). Times are relative to the anchor
 * given to `generateSampleOrders`.
 */
const wellKnown: readonly OrderSpec[] = [
  {
    id: 'TD-100001',
    status: 'delivered',
    placedAgoMs: 9 * dayMs,
    deliveredAgoMs: 5 * dayMs,
    carrier: 'UPS',
    customer: { name: 'Ann Lee', email: 'ann.lee@example.com', place: { city: 'New York', state: 'NY', zip: '10027' } },
    items: [
      { sku: 'SHO-TRL-RUN', name: 'Trail running shoes', qty: 1, priceCents: 12900 },
      { sku: 'SOCK-MER-CRW', name: 'Merino wool crew socks (3 pack)', qty: 2, priceCents: 1800 },
    ],
  },
  {
    id: 'TD-100002',
    status: 'processing',
    placedAgoMs: 6 * hourMs,
    customer: { name: 'Ben Ortiz', email: 'ben.ortiz@example.com', place: { city: 'Chicago', state: 'IL', zip: '60614' } },
    items: [{ sku: 'COF-POUR-SET', name: 'Ceramic pour-over coffee set', qty: 1, priceCents: 4500 }],
  },
  {
    id: 'TD-100003',
    status: 'shipped',
    placedAgoMs: 2 * dayMs,
    carrier: 'FedEx',
    customer: { name: 'Carla Mendes', email: 'carla.mendes@example.com', place: { city: 'Austin', state: 'TX', zip: '78704' } },
    items: [{ sku: 'BAG-CNV-WKD', name: 'Canvas weekender bag', qty: 1, priceCents: 8900 }],
  },
  {
    id: 'TD-100004',
    status: 'out_for_delivery',
    placedAgoMs: 3 * dayMs,
    carrier: 'USPS',
    customer: { name: 'David Park', email: 'david.park@example.com', place: { city: 'Seattle', state: 'WA', zip: '98103' } },
    items: [{ sku: 'LMP-LED-DSK', name: 'LED desk lamp', qty: 1, priceCents: 5400 }],
  },
  {
    id: 'TD-100005',
    status: 'delivered',
    placedAgoMs: 50 * dayMs,
    deliveredAgoMs: 45 * dayMs,
    carrier: 'UPS',
    customer: { name: 'Erin Walsh', email: 'erin.walsh@example.com', place: { city: 'Cambridge', state: 'MA', zip: '02139' } },
    items: [{ sku: 'JKT-RAIN-SHL', name: 'Rain shell jacket', qty: 1, priceCents: 14900 }],
  },
  {
    id: 'TD-100006',
    status: 'cancelled',
    placedAgoMs: 10 * dayMs,
    customer: { name: 'Farah Haddad', email: 'farah.haddad@example.com', place: { city: 'Atlanta', state: 'GA', zip: '30307' } },
    items: [{ sku: 'AUD-EAR-WLS', name: 'Wireless earbuds', qty: 1, priceCents: 7900 }],
  },
  {
    id: 'TD-100007',
    status: 'returned',
    placedAgoMs: 30 * dayMs,
    deliveredAgoMs: 26 * dayMs,
    refundCompleted: true,
    carrier: 'FedEx',
    customer: { name: 'Gabe Rossi', email: 'gabe.rossi@example.com', place: { city: 'Denver', state: 'CO', zip: '80205' } },
    items: [{ sku: 'HOM-WOL-BLK', name: 'Wool blanket, queen', qty: 1, priceCents: 11500 }],
  },
  {
    id: 'TD-100008',
    status: 'delivered',
    placedAgoMs: 16 * dayMs,
    deliveredAgoMs: 12 * dayMs,
    returnOpen: true,
    carrier: 'UPS',
    customer: { name: 'Hana Kim', email: 'hana.kim@example.com', place: { city: 'Portland', state: 'OR', zip: '97214' } },
    items: [{ sku: 'KIT-CST-SKL', name: 'Cast iron skillet, 10 inch', qty: 1, priceCents: 3900 }],
  },
  {
    id: 'TD-100009',
    status: 'returned',
    placedAgoMs: 14 * dayMs,
    deliveredAgoMs: 10 * dayMs,
    refundCompleted: false,
    carrier: 'USPS',
    customer: { name: 'Ivan Petrov', email: 'ivan.petrov@example.com', place: { city: 'Minneapolis', state: 'MN', zip: '55408' } },
    items: [{ sku: 'FIT-YOG-MAT', name: 'Yoga mat, 6 mm', qty: 2, priceCents: 3800 }],
  },
  {
    id: 'TD-100010',
    status: 'delivered',
    placedAgoMs: 34 * dayMs,
    deliveredAgoMs: 30 * dayMs - 2 * hourMs,
    carrier: 'FedEx',
    customer: { name: 'Julia Santos', email: 'julia.santos@example.com', place: { city: 'Miami', state: 'FL', zip: '33133' } },
    items: [{ sku: 'KIT-KNF-CHF', name: "Chef's knife, 8 inch", qty: 1, priceCents: 6900 }],
  },
  {
    // Ann Lee's second order: a customer with more than one order ("and my other order?", lookup by email + ZIP).
    id: 'TD-100011',
    status: 'processing',
    placedAgoMs: 20 * hourMs,
    customer: { name: 'Ann Lee', email: 'ann.lee@example.com', place: { city: 'New York', state: 'NY', zip: '10027' } },
    items: [{ sku: 'KIT-BMB-BRD', name: 'Bamboo cutting board', qty: 1, priceCents: 3200 }],
  },
];

/** Number of orders in the sample set (well-known + generated). */
export const sampleOrderCount = 50;

/**
 * Deterministic sample orders: the same `anchor` always gives the same 50 orders. Every date is
 * relative to `anchor` (e.g. TD-100001 was delivered exactly 5 days before it).
 */
export function generateSampleOrders(anchor: Date, seed: number = sampleOrderSeed): Order[] {
  const rng = createSeededRandom(seed);
  const anchorMs = anchor.getTime();
  const orders = wellKnown.map((spec) => buildOrder(spec, anchorMs, rng));
  const statusMix: readonly OrderStatus[] = [
    'processing', 'shipped', 'out_for_delivery', 'delivered', 'delivered', 'delivered', 'cancelled', 'returned',
  ];
  for (let n = orders.length; n < sampleOrderCount; n++) {
    const status = statusMix[n % statusMix.length] as OrderStatus;
    const placedAgoMs =
      status === 'processing'
        ? rng.int(1, 30) * hourMs
        : status === 'shipped'
          ? rng.int(40, 70) * hourMs
          : status === 'out_for_delivery'
            ? rng.int(3, 5) * dayMs
            : status === 'returned'
              ? rng.int(16, 70) * dayMs
              : rng.int(6, 70) * dayMs;
    orders.push(
      buildOrder(
        {
          id: `TD-${100001 + n}`,
          status,
          placedAgoMs,
          deliveredAgoMs: placedAgoMs - rng.int(3, 5) * dayMs,
          refundCompleted: rng.chance(0.5),
          returnOpen: status === 'delivered' && rng.chance(0.15),
        },
        anchorMs,
        rng,
      ),
    );
  }
  return orders;
}
