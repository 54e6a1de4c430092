import { CrisisCategory } from '../../src/nlu/types';
import type { TemplateGroup } from './templates';

/**
 * Everyday messages of a clinic, a law firm and a shop that use crisis vocabulary for ordinary things:
 * mild or settled symptoms with a routine request, routine care, mundane objects of "end", "stop", "not be
 * here", legal matters about past events. Without them the model learns that any health word is an alarm.
 * Written from the look-alike kinds (test/safety/README.md), never from the safety set's rows.
 */
export const EVERYDAY_GROUPS: readonly TemplateGroup[] = [
  {
    category: CrisisCategory.selfHarm,
    label: 'safe',
    kind: 'other',
    templates: [
      '[how do I|can I] [stop|end|close] [everything|all of them|all my plans] [at once|in one go], [the phone contract|the box scheme] and [the meal kits|the cloud storage]',
      "I [can't|cannot] [make it|be there|come in] [on thursday|next tuesday|that week], [I'll be abroad|I have jury duty|it's my sister's wedding|I'm at a conference]",
      "[no point|there's no sense in] [upgrading|replacing] the [router|phone|mattress] if [it's still under warranty|you're discontinuing it], [right|what do you suggest]",
      "[please|] ignore my [earlier|previous|first] message, [I sent it by mistake|wrong order number|it was meant for someone else]",
      "[I'm|im] leaving [the city|for good|the company] [next month|in may], [how do I close my account|can you transfer my records|please stop the deliveries]",
      "I'm [so|totally] done with [these delays|this courier|the hold music], [refund me|cancel the order|close my account] [please|now]",
      "[thanks|thank you] [so much|] and [goodbye|bye for now|have a nice day]!",
      "[I'm|im] [exhausted|wiped out|knackered] [after the night shift|today|from the move], can we [talk tomorrow|do the call later]",
      "[this|the] [checkout|login page|booking system] [makes me want to scream|is a nightmare|is hopeless]",
      "I give up on [the app|the website|the password reset], [can someone phone me|please call me back]",
      "[can you|please] [close|end] [this chat|my ticket|the case] [now|], [all sorted|thanks]",
      "I've been [feeling low|a bit down|anxious|stressed] [about exams|about work|since the breakup], [can I book|is there] [a counsellor|a therapy session|a wellbeing appointment]",
      "[the|my] [mood questionnaire|wellbeing survey|intake screening] asks about [self harm|suicidal thoughts|mood], [why|do I have to answer it|is it confidential]",
      "I [didn't mean|wasn't talking about] [myself|anything serious], I meant [the order|the account|the subscription] [, sorry for the confusion|]",
    ],
  },
  {
    category: CrisisCategory.overdose,
    label: 'safe',
    kind: 'routine',
    templates: [
      '[repeat prescription|refill] [please|needed] for [my statins|levothyroxine|my metformin|my asthma inhaler|the contraceptive pill] [, usual dose|, 20mg|before friday|]',
      "I [accidentally took|took] my [vitamin D|iron supplement|allergy tablet] [a second time|twice] [this morning|today] and [feel normal|have no symptoms], [is that ok|do I need to do anything]",
      "the [pill bottle|dispenser|blister pack] [lid|seal|cap] [is cracked|came off|won't close], [can I get a replacement|can you send another]",
      "can [my prescriptions|the meds] come in [dosette boxes|weekly packs|locked containers] [for my dad|please]",
      "[we're reading|I finished] [a memoir|a thriller] about [addiction|a poisoning case|the opioid epidemic], [any similar books|is the sequel out]",
      "can the pharmacist [check|review] [my medicines|whether my tablets interact] [this week|at my next visit]",
      "[my dog|the puppy|our cat] [chewed|ate] [a shoe|a tissue|some grass], is the vet [open today|free tomorrow]",
    ],
  },
  {
    category: CrisisCategory.cardiac,
    label: 'safe',
    kind: 'routine',
    templates: [
      "my [grandfather|mother-in-law|uncle] [passed away|died] [after cardiac surgery|of heart failure|at the hospital] [in 2020|two years ago|last spring] and [the family wants|we want] [a negligence review|to talk about the will|the medical records]",
      "[gutted|so sad|devastated] that [the green one|the large|the gift set] is [out of stock|discontinued], [any restock date|will it come back]",
      "[our company|my gym|our school] [needs|wants to buy] [an AED|first aid manikins|CPR training kits] [for staff training|in bulk]",
      "my [cholesterol|blood pressure] [results|readings] [came back|are] [slightly high|borderline|normal], can [the doctor explain|I book a review]",
      "[I get|I've noticed] [a skipped beat|palpitations] [now and then|after coffee], [no other symptoms|nothing else], can I book [a routine ECG|a check-up]",
    ],
  },
  {
    category: CrisisCategory.stroke,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[pins and needles|tingling] in my [foot|hand] after [sitting cross-legged|sleeping on it|a long drive], [gone now|went away], [just curious|nothing else]",
      "[grandpa|my aunt|dad] [recovered|is recovering well] from [his|her] stroke [last year|in 2017|some years ago] and needs [a mobility aid|a parking permit form|a care review]",
      "[medical history|for my records]: [a minor stroke|a TIA] [in 2016|a few years ago], [no lasting problems|fully recovered]",
      "I [get|have] [migraines|tension headaches] [every few weeks|when stressed], can I get [a refill|a neurology referral]",
      "[a little|slightly] lightheaded when I [stand up quickly|skip breakfast], can I book [bloods|a routine check]",
    ],
  },
  {
    category: CrisisCategory.anaphylaxis,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[my|the] [adrenaline auto-injector|Jext pen|auto injector] [expires next month|needs renewing], can I [order a new one|get a repeat]",
      "[is|are] [the brownies|this trail mix|the pesto|your hummus] [safe for|ok for] someone with a [nut|sesame|dairy] allergy",
      "[please add|can you record] [a penicillin allergy|my shellfish allergy|a latex allergy] [to my file|on my notes]",
      "[the pollen count|hay fever] is [awful|brutal] [today|this week], [itchy eyes|sneezing all day], can I [get antihistamines|book the nurse]",
    ],
  },
  {
    category: CrisisCategory.breathing,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[the landlord|my manager|the bank] [keeps chasing me|won't stop chasing], [can you send|please send] [the statement|the receipt|a copy of the contract] [today|asap]",
      "[puffed out|winded] from [carrying the parcel upstairs|the stairs|my run], [anyway|but] [the item is the wrong size|where is my refund]",
      "[my toddler|our baby|my little girl] has [a snuffly nose|a mild cough|a cold] but [is eating fine|is happy and playing|is sleeping well], [can we get an appointment|can someone see her] [this week|tomorrow]",
      "[chesty cough|tickly cough|a cold] for [four days|a week], [no fever|otherwise fine], [can I see the nurse|do I need an appointment]",
      "[the|my] [CPAP mask|inhaler spacer|humidifier] [delivery|order] [is late|came incomplete]",
    ],
  },
  {
    category: CrisisCategory.bleeding,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[these fees|the repairs|this gym contract] [are draining|are bleeding] my [bank account|savings], [any cheaper option|can I pause it]",
      "[do you stock|I'd like to buy] [plasters|butterfly stitches|gauze pads|a first aid refill pack] for [the car|the office kit|camping]",
      "[the wound|my stitches|the extraction site] [is healing fine|looks clean], [a bit sore|slight swelling], [can I take painkillers|when do the stitches come out]",
      "[small cut|paper cut|graze] [on my finger|on my knee] [earlier|this morning], [already stopped|all fine], [anyway|also] [can I change my order|where is my parcel]",
      "[a bit of|some] [bruising|redness] where [they took blood|I had the jab], [is that normal|it's fading]",
    ],
  },
  {
    category: CrisisCategory.seizure,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[my child|my son|my daughter] [had a fit once|had a febrile convulsion] [as a baby|when she was two|years ago], [the nursery|the school] wants it on the form",
      "[your app|the video|the animation] [flickers|flashes] a lot, [that's risky for people with epilepsy|please add a reduced motion option]",
      "[my epilepsy|my seizures] [is|are] [well controlled|stable] [on my meds|for years], I need [a repeat prescription|a letter for the DVLA|a form signed]",
    ],
  },
  {
    category: CrisisCategory.pregnancy,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[I'm|im] [14|18|22|30] weeks [along|pregnant] and [need to book the whooping cough jab|want to switch hospitals|have a question about maternity pay]",
      "[the baby|bump] [has been|is] [wriggling|kicking] [all evening|lots], [so cute|love it], [when is my next midwife visit|can I book the 3D scan]",
      "[we're expecting|just found out I'm expecting|positive test] [!!|🎉|yay], [who do I contact to book in|how do I register with a midwife]",
      "[everything's fine|all normal] at [26|32|34] weeks, [I need a letter for my airline|can I get my maternity exemption card]",
      "[the pipe|the dishwasher|a tap] [burst|leaked] and [flooded the flat|ruined the floor], [is the landlord liable|can you help with the claim]",
      "[when should I|what do I need to] [pack my hospital bag|book antenatal classes|pre-register for the birth]",
    ],
  },
  {
    category: CrisisCategory.violence,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[the bruises are|the mark is] from [rugby|a fall in the garden|moving furniture], [nothing to worry about|no one did it], [just updating the form|the receptionist asked]",
      "[I want|I'd like] [to claim|to sue] for [an injury|an attack|a robbery] [at my old job|outside a bar|on a train] [in 2020|two years ago|last summer]",
      "[my daughter's team|my son|our club] [smashed|destroyed] [the league|their opponents] [lol|!!], [can we book the sports physical|we need the medical form] [after the season|next month]",
      "[my neighbour|next door] [keeps|keep] [blocking my drive|playing loud music] and [I'm fed up|I want a solicitor's letter]",
      "[can I|how do I] [renew|extend] [the protection order|my injunction] [before it lapses|next month], [all quiet now|he moved away]",
    ],
  },
  {
    category: CrisisCategory.personInDanger,
    label: 'safe',
    kind: 'routine',
    templates: [
      "[my son|my little one|my daughter] [tripped in the garden|bumped into the table|slipped at the park] [but is absolutely fine|and is already laughing|no bruise even], [who do I call if|is there an advice line if] [that changes|she gets worse]",
      "[my gran|my father|my aunt] is [in her nineties|elderly|92] and [lives on her own|lives alone], [she's well|doing great], we want [a lasting power of attorney|a personal alarm|a care assessment]",
      "[my teen|my son|my daughter] [came home late|ignored curfew|lost their phone] [again|last night], [is there parental control on this plan|how do I share location]",
      "[we're|I'm] [concerned|a little concerned] about [mum's memory|dad's hearing|grandad's balance], can we book [an assessment|a check-up|the falls clinic]",
    ],
  },
];
