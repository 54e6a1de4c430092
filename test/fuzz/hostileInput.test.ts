import { describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { formatFailure, runFuzz, type FuzzReport } from './runFuzz';

/**
 * A bounded slice of `npm run fuzz`: generated hostile requests against every route of the real app.
 * The budget is a number of cases (never a duration); a failure prints its seed and case index, and
 * `npm run fuzz -- --seed <seed> --cases <index + 1>` replays it.
 */
const seed = 20261204;
const memoryCases = 2000;
const redisCases = 300;

function expectClean(report: FuzzReport): void {
  expect(report.failures.map((failure) => formatFailure(failure, report.mode === 'redis'))).toEqual([]);
  expect(report.sent).toBeGreaterThan(0);
  // The generator reaches past the front door: some requests are accepted, most are refused.
  expect(Object.keys(report.statuses).some((status) => status.startsWith('2'))).toBe(true);
  expect(report.refusedChecked).toBeGreaterThan(report.sent / 2);
}

describe('hostile-input fuzz, memory state', () => {
  it(`survives ${memoryCases} hostile requests: no crash, no 5xx, no hang, no state change from a refused request`, async () => {
    expectClean(await runFuzz({ seed, cases: memoryCases }));
  }, 20 * 60_000);
});

describeRedis('hostile-input fuzz, Redis state', () => {
  it(`survives ${redisCases} hostile requests with every store in Redis`, async () => {
    expectClean(await runFuzz({ seed: seed + 1, cases: redisCases, redis: { url: testRedisUrl, keyPrefix: uniquePrefix('fuzz') } }));
  }, 20 * 60_000);
});
