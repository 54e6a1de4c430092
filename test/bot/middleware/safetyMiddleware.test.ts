import type { Activity } from 'botbuilder';
import * as detector from '../../../src/nlu/emergency/detectEmergency';
import { createHandoffTestBot } from '../../support/handoffTestBot';

const text = (a: Partial<Activity>) => a.text ?? '';

describe('safety runs first, on one understanding of the message', () => {
  const detections = jest.spyOn(detector, 'detectEmergency');
  afterAll(() => detections.mockRestore());

  it('runs the emergency detector once per turn, whoever owns the chat, and the NLU reuses that screening', async () => {
    const t = createHandoffTestBot();
    await t.services.desk.heartbeat(t.agent);

    detections.mockClear();
    await t.adapter.send('I want to book an appointment').assertReply(() => undefined).startTest();
    expect(detections).toHaveBeenCalledTimes(1);

    detections.mockClear();
    await t.adapter
      .send("I have chest pain and can't breathe")
      .assertReply((a) => expect(text(a)).toMatch(/call 911/))
      .assertReply((a) => expect(text(a)).toMatch(/connecting you with a person/))
      .startTest();
    expect(detections).toHaveBeenCalledTimes(1);
    t.adapter.activeQueue.splice(0);

    // Queued: the gate also reads the message (is it "cancel"?) without detecting again.
    detections.mockClear();
    await t.adapter.send('my chest really hurts and I feel faint').assertReply((a) => expect(text(a)).toMatch(/call 911/)).startTest();
    expect(detections).toHaveBeenCalledTimes(1);
    t.adapter.activeQueue.splice(0);
    detections.mockClear();
    await t.adapter.send('please hurry').assertNoReply().startTest();
    expect(detections).toHaveBeenCalledTimes(1);
  });
});
