import { ActivityTypes, type Middleware, TestAdapter, type TurnContext } from 'botbuilder';
import { type HumanSide, type Owner, ownerThisTurn } from '../../../src/bot/humanSide';
import { OwnershipGateMiddleware } from '../../../src/bot/middleware/ownershipGateMiddleware';

/** A person owns the chat until the customer leaves the wait; every ownership read is counted. */
class WaitingHumanSide implements HumanSide {
  owner: Owner = 'queued';
  reads = 0;
  async isHumanOwned(): Promise<boolean> {
    this.reads += 1;
    return this.owner !== 'bot';
  }
  async ownerOf(): Promise<Owner> {
    this.reads += 1;
    return this.owner;
  }
  async raiseEmergency(): Promise<string | undefined> {
    return undefined;
  }
  async withdrawEmergency(): Promise<{ customerMessage: string; waitEnded: boolean }> {
    this.owner = 'bot';
    return { customerMessage: "OK, I'm glad it's not an emergency.", waitEnded: true };
  }
  async forwardUserMessage(): Promise<void> {}
  async queueStatus(): Promise<string> {
    return "You're next in line.";
  }
  async cancelWaiting(): Promise<string> {
    this.owner = 'bot';
    return "OK, I've cancelled your request for a person.";
  }
}

/** Stands for the steps after the gate (typing, the bot): records the owner they see. */
class OwnerProbe implements Middleware {
  readonly seen: Owner[] = [];
  constructor(private readonly humans: HumanSide) {}
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) this.seen.push(await ownerThisTurn(context, this.humans));
    await next();
  }
}

/** The gate, then the probe, then a bot that says one thing. */
function gateBeforeBot(botSays: string) {
  const humans = new WaitingHumanSide();
  const probe = new OwnerProbe(humans);
  const adapter = new TestAdapter(async (context) => {
    await context.sendActivity(botSays);
  })
    .use(new OwnershipGateMiddleware(humans))
    .use(probe);
  return { humans, probe, adapter };
}

describe('the ownership gate carries the owner in turn state', () => {
  it('reads the owner once, and after the customer ends an emergency-only wait the rest of the turn sees the bot without reading again', async () => {
    const { humans, probe, adapter } = gateBeforeBot('Back to your booking.');
    await adapter
      .send("no I'm fine, it was not an emergency")
      .assertReply("OK, I'm glad it's not an emergency.")
      .assertReply('Back to your booking.')
      .startTest();
    expect(probe.seen).toEqual(['bot']);
    expect(humans.reads).toBe(1);
  });

  it('does not run the bot while a person owns the chat', async () => {
    const { humans, probe, adapter } = gateBeforeBot('the bot should not speak');
    await adapter.send('my order never arrived').startTest();
    expect(adapter.activeQueue).toEqual([]);
    expect(probe.seen).toEqual([]);
    expect(humans.reads).toBe(1);
  });
});
