import type { DomainServices } from '../src/domain/createDomainServices';
import { loadPatientIntakeQuestionnaire } from '../src/domain/intake/questionnaire';
import { BusinessCalendar } from '../src/handoff/businessCalendar';
import { AppointmentsDialog } from './appointments/appointmentsDialog';
import { ClinicalDialog } from './clinicalDialog';
import { ComplaintDialog } from './complaintDialog';
import type { DialogModule } from './dialogModule';
import { EmergencyDialog } from './emergencyDialog';
import { type FaqAnswerer, FaqDialog } from './faq/faqDialog';
import { followsUpQuestion, questionInContext } from './faq/followUp';
import { HandoffDialog } from './handoffDialog';
import type { HandoffGateway } from './handoffGateway';
import { HelpDialog } from './helpDialog';
import { LegalIntakeDialog } from './intake/legalIntakeDialog';
import { PatientIntakeDialog } from './intake/patientIntakeDialog';
import { OrdersDialog } from './orders/ordersDialog';
import { RefillDialog } from './refills/refillDialog';
import { ReplyDialog } from './replyDialog';
import type { DateClock } from '../src/clock';

/** Everything the dialogs need from outside, as ports. */
export interface DialogDeps {
  readonly handoff: HandoffGateway;
  /** "What I can do", computed by the main dialog from the registered modules. */
  readonly capabilities: () => string;
  /** Orders, scheduling, intake and knowledge. Without them only the conversational dialogs are registered. */
  readonly domain?: DomainServices;
  /** IANA zone for users whose channel doesn't say (DEFAULT_TIMEZONE). Default America/New_York. */
  readonly defaultTimeZone?: string;
  /** Failures of one form field before a form hands over (HANDOFF_FIELD_FAILURES). Default 3. */
  readonly maxFieldFailures?: number;
  /** The grounded answerer, when a language model is configured (LLM_PROVIDER); FAQ answers then come through it. */
  readonly answerer?: FaqAnswerer;
  /** Clock for the task dialogs; must be the clock the domain services use. Default: system clock. */
  readonly now?: DateClock;
  /** Business days for promised answers (BUSINESS_HOURS, BUSINESS_HOLIDAYS). Default: every day, in `defaultTimeZone`. */
  readonly businessCalendar?: BusinessCalendar;
  /** The care team answers a refill request by the end of this many business days (REFILL_REPLY_BUSINESS_DAYS). Default 2. */
  readonly refillReplyBusinessDays?: number;
}

const everyDay = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 24 * 60 };

/** The routable task dialogs; each id is the `dialog` field of its intents. */
function taskModules(deps: DialogDeps, domain: DomainServices): DialogModule[] {
  const now = deps.now ?? (() => new Date());
  const defaultTimeZone = deps.defaultTimeZone ?? 'America/New_York';
  const form = { maxFieldFailures: deps.maxFieldFailures ?? 3 };
  return [
    { dialog: new OrdersDialog({ orders: domain.orders, now, defaultTimeZone }), capability: 'check, track, return or cancel an order' },
    {
      dialog: new AppointmentsDialog({ scheduling: domain.scheduling, now, defaultTimeZone }),
      capability: 'book, move or cancel an appointment',
    },
    {
      dialog: new PatientIntakeDialog({ intake: domain.intake, questionnaire: loadPatientIntakeQuestionnaire(), now }, form),
      capability: 'register you as a new patient',
    },
    { dialog: new LegalIntakeDialog({ intake: domain.intake }, form), capability: 'open a new legal matter' },
    {
      dialog: new FaqDialog({ knowledge: domain.knowledge, now, ...(deps.answerer ? { answerer: deps.answerer } : {}) }),
      capability: 'answer questions about hours, locations, billing and more',
      answers: (text, context) => {
        const found = domain.knowledge.answer(questionInContext(context, text, now()));
        return found ? { statesAskedFact: found.statesAskedFact, followsUp: followsUpQuestion(context, text, now()) } : undefined;
      },
    },
    {
      dialog: new RefillDialog({
        tickets: domain.refillTickets,
        now,
        calendar: deps.businessCalendar ?? new BusinessCalendar({ rules: [everyDay], timeZone: defaultTimeZone, holidays: [] }),
        replyBusinessDays: deps.refillReplyBusinessDays ?? 2,
        maxFieldFailures: form.maxFieldFailures,
      }),
      capability: 'send a prescription refill request to our care team',
    },
    { dialog: new ComplaintDialog() },
    { dialog: new ClinicalDialog() },
  ];
}

/** Every routable dialog, keyed (through `dialog.id`) by the `dialog` field of the intents. */
export function createDialogModules(deps: DialogDeps): DialogModule[] {
  return [
    { dialog: new ReplyDialog() },
    { dialog: new HelpDialog(deps.capabilities) },
    ...(deps.domain ? taskModules(deps, deps.domain) : []),
    { dialog: new HandoffDialog(deps.handoff), capability: 'connect you with a person on our team' },
    { dialog: new EmergencyDialog() },
  ];
}
