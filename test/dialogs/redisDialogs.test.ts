import { createDomainServices } from '../../src/domain/createDomainServices';
import { silentLogger } from '../../src/observability/logger';
import { loadConfig } from '../../src/config';
import { createStatePorts, type ChosenStatePorts } from '../../src/storage/createStatePorts';
import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { patientRefOf } from '../../dialogs/patientRef';
import { TestClock, testNow } from '../support/testClock';
import { createDialogTestBot, type DialogTestBot, type Step, testChannelId, testUser } from './support/dialogTestBot';

/**
 * Two bots ("processes") share one Redis: bot state, bookings and intake records. Turns alternate
 * between them, so every step must survive a round trip through Redis.
 */
describeRedis('dialogs with Redis state and Redis domain stores', () => {
  let prefix: string;
  let backends: ChosenStatePorts[];

  beforeEach(() => {
    prefix = uniquePrefix('dialogs');
    backends = [];
  });

  afterEach(async () => {
    for (const backend of backends) await backend.close();
    await cleanupRedis(connectTestRedis(), prefix);
  });

  function twoProcesses(): [DialogTestBot, DialogTestBot] {
    // Two processes share the wall clock; here they share one fixed test clock.
    const clock = new TestClock();
    const make = (): DialogTestBot => {
      const backend = createStatePorts(loadConfig({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix }), { logger: silentLogger });
      if (backend.kind !== 'redis') throw new Error('expected the Redis ports');
      backends.push(backend);
      const domain = createDomainServices({ stores: backend.domainStores, now: clock.now });
      return createDialogTestBot({ backend, domain, clock });
    };
    const a = make();
    const b = make();
    // Same conversation on both "processes".
    const shared = a.adapter.template.conversation?.id;
    if (!b.adapter.template.conversation || !shared) throw new Error('test adapters carry a conversation');
    b.adapter.template.conversation.id = shared;
    return [a, b];
  }

  async function alternate(bots: [DialogTestBot, DialogTestBot], steps: readonly Step[]): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const bot = bots[index % 2];
      if (!bot) throw new Error('two bots expected');
      await bot.run([step]);
    }
  }

  it('a patient intake started on one process is finished on the other and stored in Redis', async () => {
    const bots = twoProcesses();
    await alternate(bots, [
      ["I'd like to register as a new patient, my phone is 212 555 0142 and my email is ann.lee@example.com", /already noted your phone number and email[\s\S]*full name/],
      ['Ann Lee', /date of birth/],
      ['February 3, 1980', /main reason/],
      ['Knee pain when running', /symptoms/],
      ['skip', /medications/],
      ['ibuprofen', /allergies/],
      ['skip', /insurance company/],
      ['self-pay', /Do you agree/],
      ['yes', /Phone number: \+12125550142[\s\S]*Email: ann\.lee@example\.com/],
      ['submit', /reference is (INT-[A-Z0-9]{12})/],
    ]);
    const [record] = await bots[0].domain.intake.list({ kind: 'patient' });
    expect(record?.data).toMatchObject({ fullName: 'Ann Lee', dateOfBirth: '1980-02-03', medications: ['ibuprofen'] });
    // The other process's store reads the same record.
    expect((await bots[1].domain.intake.list())[0]?.id).toBe(record?.id);
  });

  it('a booking started on one process is confirmed on the other, and the slot is held in Redis', async () => {
    const bots = twoProcesses();
    const day = 'December 14';
    await bots[0].run([['I want to book an annual physical', /What day would you like/]]);
    const offered = await bots[1].say(day);
    const firstSlot = offered.flatMap((r) => r.suggestedActions?.actions ?? [])[0];
    expect(firstSlot?.title).toMatch(/ with /);
    await bots[0].run([[String(firstSlot?.value ?? ''), /Shall I book this/]]);
    await bots[1].run([['yes', /You're booked: Annual physical .+ appointment id is APT-/]]);
    const found = await bots[0].domain.scheduling.findSlots({
      typeId: 'annual-physical',
      from: new Date(testNow.getTime() + 86_400_000),
      to: new Date(testNow.getTime() + 30 * 86_400_000),
      limit: 100,
    });
    // The booked slot is no longer offered by either process.
    const [booked] = await bots[1].domain.scheduling.listAppointments(patientRefOf(testChannelId, testUser.id));
    expect(booked).toBeDefined();
    expect(found.some((s) => s.start === booked?.start && s.providerId === booked?.providerId)).toBe(false);
  });
});
