import { stripMentions } from '../../../src/bot/teams/stripMentions';

const bot = { type: 'mention', text: '<at>Tandem</at>', mentioned: { id: '28:bot' } };
const kim = { type: 'mention', text: '<at>Kim Lee</at>', mentioned: { id: '29:kim' } };

describe('stripMentions', () => {
  const cases: { name: string; text: string; entities?: object[]; expected: string }[] = [
    { name: 'removes the bot mention that opens a message', text: '<at>Tandem</at> where is my order?', entities: [bot], expected: 'where is my order?' },
    { name: 'removes the bot mention anywhere', text: 'hey <at>Tandem</at>, hours?', entities: [bot], expected: 'hey, hours?' },
    { name: "unwraps other people's mentions to their names", text: '<at>Tandem</at> ask <at>Kim Lee</at> to call me', entities: [bot, kim], expected: 'ask Kim Lee to call me' },
    { name: 'without entities, drops leading mentions and unwraps the rest', text: '<at>Tandem</at>  tell <at>Kim</at> hi', expected: 'tell Kim hi' },
    { name: 'accepts attributes and any case in the tag', text: '<AT id="0">Tandem</AT> hi', expected: 'hi' },
    { name: 'leaves text without mentions alone', text: 'plain <b>text</b>', entities: [bot], expected: 'plain <b>text</b>' },
  ];
  it.each(cases)('$name', ({ text, entities, expected }) => {
    expect(stripMentions(text, entities ?? [], '28:bot')).toBe(expected);
  });
});
