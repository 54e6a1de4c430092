import { createHash } from 'node:crypto';
import type { RedisConnection } from '../redis/redisConnection';
import { parseAppointment, serializeAppointment, type Appointment } from '../../domain/scheduling/appointment';
import type { BookingStore, BookingStoreFailure, BookingStoreResult } from '../../domain/scheduling/bookingStore';
import { unitsCovering } from '../../domain/scheduling/slotGrid';
import type { KeyRegistry } from '../keys';
import { LuaScript } from '../redis/luaScript';
import { runRedis } from '../redis/runRedis';

export interface RedisBookingStoreOptions {
  /** How long records and slot units are kept after the appointment ends. Default 90 days. */
  readonly retainAfterEndMs?: number;
}

// KEYS: record, patient index, provider index, unit keys…  ARGV: id, json, startMs, pxUnits, pxRecord
const createScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 'duplicate_id' end
for i = 4, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 'slot_taken' end
end
for i = 4, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[4]) end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 'ok'
`);

// KEYS: record, old provider index, new provider index, patient index, old units… (ARGV[6] of them), new units…
// ARGV: id, expected json, next json, next startMs, pxUnits, oldUnitCount, pxRecord
const rescheduleScript = new LuaScript(`
local current = redis.call('GET', KEYS[1])
if not current then return 'not_found' end
if current ~= ARGV[2] then return 'conflict' end
local oldCount = tonumber(ARGV[6])
local firstNew = 5 + oldCount
for i = firstNew, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder and holder ~= ARGV[1] then return 'slot_taken' end
end
for i = 5, 4 + oldCount do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
for i = firstNew, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[5]) end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[7])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return 'ok'
`);

// KEYS: record, provider index, units…  ARGV: id, expected json, cancelled json, pxRecord
const cancelScript = new LuaScript(`
local current = redis.call('GET', KEYS[1])
if not current then return 'not_found' end
if current ~= ARGV[2] then return 'conflict' end
for i = 3, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[1])
return 'ok'
`);

const storeFailures: ReadonlySet<string> = new Set<BookingStoreFailure>(['slot_taken', 'not_found', 'conflict', 'duplicate_id']);

function toResult(reply: unknown, appointment: Appointment): BookingStoreResult {
  if (reply === 'ok') return { ok: true, appointment };
  if (typeof reply === 'string' && storeFailures.has(reply)) return { ok: false, reason: reply as BookingStoreFailure };
  throw new Error(`Unexpected booking script reply: ${String(reply)}`);
}

/** Patient refs stay out of key names (keys show up in monitoring tools). */
function patientHash(patientRef: string): string {
  return createHash('sha256').update(patientRef).digest('hex').slice(0, 32);
}

/**
 * BookingStore on Redis. Each write is one Lua script over keys in the `{sched}` slot, so claiming a
 * slot is atomic across any number of processes: one 15-minute unit key per provider per unit, set
 * only when every unit of the booking is free.
 */
export class RedisBookingStore implements BookingStore {
  private readonly retainMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RedisBookingStoreOptions = {},
  ) {
    this.retainMs = options.retainAfterEndMs ?? 90 * 24 * 3_600_000;
  }

  private unitKeys(appointment: Appointment): string[] {
    return unitsCovering(appointment.start, appointment.end).map((unit) => this.keys.bookingUnit(appointment.providerId, unit));
  }

  /** Milliseconds from now until `retainMs` after the appointment ends (at least one minute). */
  private ttl(appointment: Appointment): number {
    return Math.max(60_000, Date.parse(appointment.end) + this.retainMs - Date.now());
  }

  async create(appointment: Appointment): Promise<BookingStoreResult> {
    const px = this.ttl(appointment);
    const reply = await runRedis(this.redis, () =>
      createScript.run(
        this.redis,
        [
          this.keys.booking(appointment.id),
          this.keys.bookingsByPatient(patientHash(appointment.patientRef)),
          this.keys.bookingsByProvider(appointment.providerId),
          ...this.unitKeys(appointment),
        ],
        [appointment.id, serializeAppointment(appointment), Date.parse(appointment.start), px, px],
      ),
    );
    return toResult(reply, appointment);
  }

  async get(id: string): Promise<Appointment | undefined> {
    const json = await runRedis(this.redis, () => this.redis.get(this.keys.booking(id)));
    return json ? parseAppointment(json) : undefined;
  }

  private async loadAll(ids: readonly string[]): Promise<Appointment[]> {
    if (ids.length === 0) return [];
    const values = await runRedis(this.redis, () => this.redis.mget(...ids.map((id) => this.keys.booking(id))));
    return values.flatMap((json) => (json ? [parseAppointment(json)] : []));
  }

  async listByPatient(patientRef: string): Promise<Appointment[]> {
    const key = this.keys.bookingsByPatient(patientHash(patientRef));
    const ids = await runRedis(this.redis, () => this.redis.zrange(key, '0', '-1'));
    const found = await this.loadAll(ids);
    // Index entries whose record expired are pruned lazily; a hash collision never leaks another patient.
    const live = new Set(found.map((a) => a.id));
    const stale = ids.filter((id) => !live.has(id));
    if (stale.length > 0) await runRedis(this.redis, () => this.redis.zrem(key, ...stale));
    return found.filter((a) => a.patientRef === patientRef).sort((a, b) => a.start.localeCompare(b.start));
  }

  async listByProvider(providerId: string, from: Date, to: Date): Promise<Appointment[]> {
    // Scores are start times; anything starting up to a day before `from` may still overlap it.
    const ids = await runRedis(this.redis, () =>
      this.redis.zrangebyscore(this.keys.bookingsByProvider(providerId), String(from.getTime() - 24 * 3_600_000), `(${to.getTime()}`),
    );
    const found = await this.loadAll(ids);
    return found
      .filter((a) => a.status === 'booked' && Date.parse(a.end) > from.getTime() && Date.parse(a.start) < to.getTime())
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  async reschedule(expected: Appointment, next: Appointment): Promise<BookingStoreResult> {
    const oldUnits = this.unitKeys(expected);
    const reply = await runRedis(this.redis, () =>
      rescheduleScript.run(
        this.redis,
        [
          this.keys.booking(expected.id),
          this.keys.bookingsByProvider(expected.providerId),
          this.keys.bookingsByProvider(next.providerId),
          this.keys.bookingsByPatient(patientHash(next.patientRef)),
          ...oldUnits,
          ...this.unitKeys(next),
        ],
        [
          expected.id,
          serializeAppointment(expected),
          serializeAppointment(next),
          Date.parse(next.start),
          this.ttl(next),
          oldUnits.length,
          this.ttl(next),
        ],
      ),
    );
    return toResult(reply, next);
  }

  async cancel(expected: Appointment, cancelled: Appointment): Promise<BookingStoreResult> {
    const reply = await runRedis(this.redis, () =>
      cancelScript.run(
        this.redis,
        [this.keys.booking(expected.id), this.keys.bookingsByProvider(expected.providerId), ...this.unitKeys(expected)],
        [expected.id, serializeAppointment(expected), serializeAppointment(cancelled), this.ttl(cancelled)],
      ),
    );
    return toResult(reply, cancelled);
  }
}
