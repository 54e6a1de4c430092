import type { IntentMetadata } from '../../../intents/schema';
import { AnswerFit } from '../../../dialogs/answers/answerFit';
import { decideInterruption, type InterruptionInput, looksLikeQuestion } from '../../../dialogs/interruptions/decideInterruption';
import type { Understanding } from '../../../src/nlu/types';

const meta = (name: string, dialog: string, role: IntentMetadata['role']): IntentMetadata => ({
  name,
  description: name,
  label: name,
  domain: 'general',
  dialog,
  escalate: false,
  interrupts: false,
  role,
  priority: 'normal',
  minConfidence: 0.5,
});
const understanding = (confidence: number, language = 'en'): Understanding =>
  ({
    text: '',
    truncated: false,
    language,
    intent: { intent: 'x.y', confidence, runnerUp: null, margin: confidence, decision: 'clear', ranking: [] },
    entities: [],
    sentiment: { score: 0, average: 0, vote: 'neutral', signals: [] },
    emergency: { isEmergency: false, categories: [], matches: [] },
  }) as Understanding;

const cancel = meta('conversation.cancel', 'reply', 'cancel');
const hours = meta('faq.hours', 'faq', 'question');
const booking = meta('appointment.book', 'appointments', 'task');
const status = meta('order.status', 'orders', 'task');
const thanks = meta('smalltalk.thanks', 'reply', 'social');

const base: InterruptionInput = {
  text: '',
  understanding: understanding(0.95),
  intent: undefined,
  fit: AnswerFit.none,
  narrative: false,
  taskDialog: 'appointments',
  knows: () => false,
};

describe('decideInterruption', () => {
  it.each<[string, Partial<InterruptionInput>, string]>([
    ['a value of the kind asked for is an answer, whatever the intent', { text: 'no', intent: cancel, fit: AnswerFit.exact }, 'answer'],
    ['"stop" where a date is asked ends the task', { text: 'stop', intent: cancel }, 'cancel'],
    ['a bare "help" is the help command', { text: 'help' }, 'help'],
    ['a question where a date is asked is answered in passing', { text: 'what are your hours?', intent: hours }, 'aside'],
    ['a word that names a topic, where any words do, is an answer ("Aetna" as the insurer)', { text: 'Aetna', intent: hours, fit: AnswerFit.loose }, 'answer'],
    ['a question where any words do is still a question', { text: 'do you take Aetna?', intent: hours, fit: AnswerFit.loose }, 'aside'],
    ['another task, put clearly, goes first', { text: 'where is my order TD-100001', intent: status }, 'task'],
    ['another task, put weakly, is left to the task to judge', { text: 'something about cheese', intent: status, understanding: understanding(0.45) }, 'answer'],
    ["the task's own intents are answers to it", { text: 'book it for tuesday', intent: booking }, 'answer'],
    ['a task mentioned in a narrative answer is part of the story', { text: 'I need a check-up booked', intent: status, narrative: true }, 'answer'],
    ['a message given back by a dialog is not handed on again', { text: 'what are your hours?', intent: hours, returned: true }, 'answer'],
    ['another language is answered in English', { text: 'hola que tal', understanding: understanding(0, 'es') }, 'otherLanguage'],
    ['a question the classifier missed goes to the knowledge base when it knows the answer', { text: 'is the building accessible?', knows: () => true }, 'aside'],
    ['a statement the classifier missed is an answer for the task to judge', { text: 'the building is accessible', knows: () => true }, 'answer'],
    ['thanks in passing is replied to, and the task resumes', { text: 'thanks', intent: thanks }, 'aside'],
    ['emoji only is an answer the task re-asks', { text: '🙂🙂' }, 'answer'],
    ['a name the classifier hears as "stop" is a name where any words answer', { text: 'Eva Stone', intent: cancel, fit: AnswerFit.loose }, 'answer'],
    ['"yep do it" or "I don\'t know" are never a cancel, whatever the classifier hears', { text: 'I DONT KNOW', intent: cancel }, 'answer'],
    ['stopping in words is a cancel even where any words answer', { text: 'forget it, I will do this later', intent: cancel, fit: AnswerFit.loose }, 'cancel'],
    ['stopping the task by its name ends it, though the classifier reads one of its own intents', { text: 'cancel the booking', intent: meta('appointment.cancel', 'appointments', 'task'), taskWords: ['booking'] }, 'cancel'],
    ['stopping something else is not a stop of this task', { text: 'cancel my order TD-100002', intent: status, taskWords: ['booking'] }, 'task'],
    ['"cancel the appointment" where the question is about cancelling one is left to the task', { text: 'cancel the appointment', intent: meta('appointment.cancel', 'appointments', 'task'), taskWords: ['appointment'], question: 'Which appointment would you like to cancel?' }, 'answer'],
    ['a question nobody here answers is said so, never taken as a bad answer', { text: 'hmm what days is dr chen in' }, 'unanswerable'],
    ['a question with a number in it may be a try at an answer, for the task to judge', { text: 'can I have the 9:30 one?' }, 'answer'],
    ['a question about the question is explained', { text: 'why do you need my date of birth?' }, 'why'],
    ['a question the knowledge base answers is never stored, even when it reads as the task\'s own intent', { text: 'is my health information kept private?', intent: meta('intake.patient', 'intakePatient', 'task'), taskDialog: 'intakePatient', knows: () => true }, 'aside'],
  ])('%s', (_name, input, kind) => {
    expect(decideInterruption({ ...base, ...input }).kind).toBe(kind);
  });

  it('reads "never mind, <question>" as a stop followed by the question', () => {
    expect(decideInterruption({ ...base, text: 'never mind, what are your hours?', intent: hours })).toEqual({ kind: 'cancel', then: 'what are your hours?', bare: true });
  });

  it.each([
    ['what time do you open', true],
    ['ok so where are you located', true],
    ['sorry, is there parking', true],
    ['is it free?', true],
    ['whats the return window', true],
    ['wheres the nearest clinic', true],
    ['Lee Chang', false],
    ['next tuesday at 10', false],
  ])('looksLikeQuestion(%j) is %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});
