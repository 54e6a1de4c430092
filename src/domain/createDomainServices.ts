import { EmbeddedOrderService } from './orders/embeddedOrderService';
import type { OrderService } from './orders/orderService';
import type { IntakeStore } from './intake/intakeStore';
import { MemoryIntakeStore } from './intake/memoryIntakeStore';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { MemoryRefillTicketStore } from './refills/memoryRefillTicketStore';
import type { RefillTicketStore } from './refills/refillTicketStore';
import { loadArticles } from './knowledge/article';
import { providerDirectoryArticle } from './knowledge/providerDirectory';
import { TfidfKnowledgeBase } from './knowledge/tfidfKnowledgeBase';
import type { BookingStore } from './scheduling/bookingStore';
import { EmbeddedSchedulingService } from './scheduling/embeddedSchedulingService';
import { MemoryBookingStore } from './scheduling/memoryBookingStore';
import type { SchedulingService } from './scheduling/schedulingService';
import type { DateClock } from '../clock';

/** Stores that hold state shared between processes; built by src/storage/domain in Redis mode. */
export interface DomainStores {
  readonly bookings: BookingStore;
  readonly intake: IntakeStore;
  readonly refillTickets: RefillTicketStore;
}

export interface DomainServicesOptions {
  /** The state ports' `domainStores` (memory or Redis, chosen by `createStatePorts`); omitted ones are memory twins (tests). */
  readonly stores?: Partial<DomainStores>;
  /** Clock for every service. Default: the system clock. */
  readonly now?: DateClock;
  /** Moment the sample orders are relative to. Default: `now()` when this is called (process start). */
  readonly sampleAnchor?: Date;
  /** Lifetime of a refill ticket in the memory store (REFILL_TICKET_TTL_SECONDS). Default 30 days. */
  readonly refillTicketTtlSeconds?: number;
}

export interface DomainServices {
  readonly orders: OrderService;
  readonly scheduling: SchedulingService;
  readonly intake: IntakeStore;
  readonly knowledge: KnowledgeBase;
  readonly refillTickets: RefillTicketStore;
}

/** Builds the domain ports for the composition root: embedded services over memory or given stores. */
export function createDomainServices(options: DomainServicesOptions = {}): DomainServices {
  const now = options.now ?? (() => new Date());
  const scheduling = new EmbeddedSchedulingService({ store: options.stores?.bookings ?? new MemoryBookingStore(), now });
  return {
    orders: new EmbeddedOrderService({ anchor: options.sampleAnchor ?? now() }),
    scheduling,
    intake: options.stores?.intake ?? new MemoryIntakeStore({ now }),
    // The help-centre articles, and the providers' days written from the calendar the scheduler books against.
    knowledge: new TfidfKnowledgeBase({ articles: [...loadArticles(), providerDirectoryArticle({ locations: scheduling.listLocations(), providers: scheduling.listProviders(), appointmentTypes: scheduling.listAppointmentTypes() })] }),
    refillTickets:
      options.stores?.refillTickets ??
      new MemoryRefillTicketStore({ now, ...(options.refillTicketTtlSeconds ? { ttlSeconds: options.refillTicketTtlSeconds } : {}) }),
  };
}
