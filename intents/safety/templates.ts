import { CrisisCategory } from '../../src/nlu/types';

/**
 * Templates of the safety training corpus, written for Tandem (see README.md in this folder).
 * Syntax: `[a|b|c]` picks one alternative (an empty one is allowed), `{slot}` picks from SLOTS.
 * Crisis templates describe something happening now; look-alike templates use the same words for the past,
 * a negation or screening answer, a question about the topic, a product, an idiom, fiction or routine business.
 */

export const SLOTS: Readonly<Record<string, readonly string[]>> = {
  p: ['my husband', 'my wife', 'my dad', 'my mom', 'my mum', 'my father', 'my mother', 'my friend', 'my brother', 'my sister', 'my grandma', 'my grandpa', 'my partner', 'my roommate', 'my coworker', 'a man here', 'a lady next to me', 'my neighbour', 'my boyfriend', 'my girlfriend', 'my uncle', 'my aunt', 'my flatmate', 'the guy at the next table', 'my elderly father', 'my fiance', 'my colleague', 'my granddad'],
  kid: ['my son', 'my daughter', 'my baby', 'my toddler', 'my 4 year old', 'my little boy', 'my little girl', 'my kid', 'the baby', 'my 2 year old', 'my 7yo', 'my newborn', 'my infant', 'my teenage son', 'my 10 year old daughter', 'the child I babysit'],
  now: ['right now', 'now', 'at the moment', 'as we speak', 'currently', 'just now', 'rn', '', '', ''],
  recent: ['10 minutes ago', 'an hour ago', 'a few minutes ago', 'this morning', 'half an hour ago', '20 mins ago', 'about 5 minutes ago', 'since lunch', 'since an hour', 'tonight'],
  past: ['years ago', 'in 2015', 'in 2019', 'last year', 'as a teenager', 'when I was a kid', 'back in college', 'a few years back', 'two years ago', 'in my twenties', 'a decade ago', 'last spring', 'in 2008', 'three years ago', 'back in 2012', 'when I was younger', 'in high school', 'ages ago', 'long ago', 'in 2021', 'six years ago', 'before my divorce'],
  pills: ['pills', 'sleeping pills', 'my antidepressants', 'tylenol', 'painkillers', 'my meds', 'oxycodone', 'xanax', 'insulin', 'the whole bottle of advil', 'ibuprofen', 'my blood pressure pills', 'acetaminophen', 'my sertraline', 'my pain meds', 'her pills', 'the rest of my prescription', 'melatonin gummies', 'ambien', 'my lithium'],
  help: ['please help', 'help', 'what do I do', 'what should I do', "I'm scared", 'hurry', 'someone help', 'please', 'i dont know what to do', 'HELP', '', '', ''],
  poison: ['bleach', 'drain cleaner', 'a laundry pod', 'antifreeze', 'rat poison', 'weed killer', 'dishwasher detergent', 'a button battery', 'lamp oil', 'nail polish remover', 'windshield fluid', 'some cleaning stuff under the sink', 'my vape liquid', 'grandmas heart pills', 'a bottle of vitamins', 'iron tablets', 'pesticide', 'mouthwash, the whole bottle', 'magnets from the fridge'],
  allergen: ['peanuts', 'a peanut', 'shellfish', 'shrimp', 'tree nuts', 'cashews', 'sesame', 'a bee sting', 'the antibiotic', 'penicillin', 'a wasp sting', 'something with nuts', 'the new medicine', 'eggs', 'the cookie with walnuts'],
  weapon: ['a knife', 'a gun', 'a bat', 'a hammer', 'a pistol', 'a kitchen knife', 'a rifle', 'a crowbar', 'a machete'],
  abuser: ['my husband', 'my boyfriend', 'my partner', 'my ex', 'my dad', 'my stepdad', 'my wife', 'my girlfriend', 'my son', 'my brother', 'my landlord', 'a man', 'some guy', 'my ex husband', 'my roommate'],
  bodypart: ['arm', 'leg', 'hand', 'head', 'wrist', 'thigh', 'neck', 'foot', 'face', 'finger'],
  selfharm_place: ['my arms', 'my legs', 'my wrists', 'my thighs', 'my stomach', 'myself'],
  routine: [
    'I need to reschedule my appointment',
    'can you update my address on file',
    'where is my order',
    'I need a copy of my medical records',
    'how do I file a claim',
    'my card was charged twice',
    'can I get a refund for the shoes',
    'what time do you open tomorrow',
    'I have a question about my bill',
    'I want to change my delivery address',
    'please send me the intake form',
    'I need to cancel my subscription',
    'my tracking number does not work',
    'can you book me in with Dr Patel next week',
    'I am calling about the lease dispute',
    'is my insurance accepted at your clinic',
    'I need a sick note for work',
    'the package arrived damaged',
    'can I speak to my lawyer about the contract',
    'I need my prescription refilled',
  ],
  product: ['pill organizer', 'first aid kit', 'blood pressure monitor', 'pulse oximeter', 'thermometer', 'knife set', 'smoke alarm', 'baby monitor', 'car seat', 'epipen holder', 'inhaler case', 'medical alert bracelet', 'defibrillator trainer', 'CPR dummy', 'bandages', 'tourniquet from the survival kit', 'poison ivy cream', 'heat pack', 'baby gate'],
  topic: ['an essay', 'a school report', 'a research paper', 'my thesis', 'a podcast episode', 'a blog post', 'a presentation', 'my nursing exam', 'a documentary', 'a training module', 'a newsletter article', 'my psychology homework'],
};

/** A generator row: a category, a label and the kind of look-alike (safe rows). */
export interface TemplateGroup {
  readonly category: CrisisCategory;
  readonly label: 'crisis' | 'safe';
  readonly kind?: string;
  readonly templates: readonly string[];
}

const selfHarm = CrisisCategory.selfHarm;
const overdose = CrisisCategory.overdose;

export const GROUPS: readonly TemplateGroup[] = [
  // ---------------------------------------------------------------- suicide and self-harm (crisis)
  {
    category: selfHarm,
    label: 'crisis',
    templates: [
      'I [want|wanna|just want|really want] to [die|end it all|end my life|kill myself|stop existing|not be here anymore|disappear for good]',
      "[there's|there is|theres] no [point|reason] [in living|to live|to keep going|to go on|in going on|carrying on|in being alive|in trying anymore]",
      "I [can't|cant|cannot] [go on|keep living like this|do life anymore|keep going like this|take another day of this] [anymore|]",
      '[everyone|my family|my kids|the world|my wife] would be better off [without me|if I was gone|if I were dead|if I disappeared]',
      "nobody would [miss me|notice|care] if I [was gone|died|wasn't here|disappeared tomorrow]",
      "I won't be [around|alive|here] [much longer|for that|by next week|to see it|for the appointment|next month]",
      "don't bother [booking|scheduling|sending] [the follow up|it|anything], I won't be [here|alive|around] [by then|for it]",
      "I've been thinking [about|a lot about] [ending it|killing myself|suicide|taking my own life|how to end it|not waking up|ways to die]",
      "I [wrote|have written|left|finished] [a note|goodbye letters|my goodbye letter|letters to my family|a suicide note]",
      "I'm [giving away|getting rid of] [my things|all my stuff|everything I own] because I won't need [them|it] soon",
      'I have a plan to [end it|kill myself|end my life|overdose|jump] [tonight|this weekend|tomorrow|on friday|after work|soon]',
      "[some nights|every night|sometimes|lately] I [hope|pray|wish] I [don't|won't|never] wake up",
      'I just want to [go to sleep|fall asleep|close my eyes] and never wake up',
      "I'm [standing|sitting] on [the bridge|the roof|the ledge|the edge of the cliff|the train platform|the overpass] [right now|and I want to jump|now|]",
      "I have [the pills|the rope|a gun|the razor|all my pills] [ready|in front of me|lined up|here with me|in my hand]",
      "I'm going to [jump|hang myself|take all my pills|end things|do it|shoot myself|drive into a wall] [tonight|today|now|after this message|]",
      "I don't see [a way out|any way out|a future|the point anymore|any reason to stay]",
      '[this is|consider this] my last message, [goodbye|thank you for everything|tell them I am sorry]',
      "I'm [done with life|tired of living|so tired of being alive|ready to die|ready to go]",
      "[life|my life] [isn't|is not|aint] worth living [anymore|now|]",
      "I'm [such|just] a burden [to everyone|to my family|on everyone] and [I want out|I should just go|they'd be happier without me]",
      'I want the pain to stop [forever|for good|permanently]',
      'nothing matters anymore, [I am ready to go|I want to be gone|I just want it over]',
      "I'm [feeling|so|really] suicidal [tonight|right now|again|today|]",
      "I'm having [thoughts|suicidal thoughts|thoughts of killing myself|dark thoughts about ending it] [right now|tonight|again|and I'm scared]",
      "I [keep|can't stop] thinking about [killing myself|suicide|dying|ending my life|jumping]",
      "[what's|whats] the point [anymore|of anything|of living], [I'm|im] going to end things [this weekend|tonight|soon]",
      "I've been [cutting|burning|hurting|scratching] {selfharm_place} [every night|again|lately|for weeks|this week]",
      "I [cut|burned|hurt] myself [again|tonight|just now|badly] [and it won't stop bleeding|and I want to do it more|]",
      'I want to [hurt|cut|burn] myself [so badly|right now|tonight|again]',
      'the urge to [cut|self harm|hurt myself] is [so strong|unbearable|back] [tonight|right now|]',
      "I relapsed and [cut|hurt myself] [tonight|again|after two years clean]",
      'my [friend|sister|son|daughter|girlfriend|boyfriend] [says|texted] [she|he|they] [wants to die|is going to kill herself|is going to kill himself|took a bunch of pills|is saying goodbye]',
      "my [teen|teenage daughter|son|brother] [said|told me] [he|she] [doesn't want to be alive|wants to end it|has a plan to kill himself|has a plan to kill herself]",
      "[i wanna|wanna|i want to] [die|kms|unalive myself] [fr|lol|tbh|honestly|]",
      'goodbye everyone, [I am done|thank you for trying|I love you all]',
      "i'm not going to be [a problem|a burden] for anyone much longer",
      "[I'd|I would] rather be dead [than keep going|honestly|at this point]",
      "[if|when] I'm gone [tomorrow|next week], please make sure my [cat|dog|kids] [are|is] looked after",
      'I looked up how many [pills|tablets] it takes to [not wake up|die|end it]',
      "I can't see myself [being alive|still being here] [next week|next month|by christmas]",
      'I [bought|got] [a rope|a gun|extra pills] [to end it|for tonight|so I can finally stop]',
      "[honestly|tbh] I [don't|dont] want to [wake up tomorrow|exist|be alive anymore]",
    ],
  },
  // ---------------------------------------------------------------- suicide and self-harm (look-alikes)
  {
    category: selfHarm,
    label: 'safe',
    kind: 'history',
    templates: [
      'I [attempted suicide|had a suicide attempt|tried to kill myself|was hospitalized for suicidal thoughts] {past}[ and I am doing well now| and need my records from that stay| and my new therapist wants the file|]',
      'I used to [self harm|cut myself|hurt myself] {past}[, I have been clean for years| but not anymore|]',
      'history of [depression and self harm|suicidal ideation|an overdose] {past}, [need to update my intake form|please add it to my file|stable now]',
      'my [brother|father|aunt|friend|uncle] [died by suicide|took his own life|took her own life] {past} and [the estate is still open|I need help with the will|I need the death certificate|I want to talk about the insurance]',
      'I was on a 72 hour hold {past}, [can you send the discharge summary|my new doctor asked for the notes]',
    ],
  },
  {
    category: selfHarm,
    label: 'safe',
    kind: 'negated',
    templates: [
      '[no|No] [thoughts of self harm|suicidal thoughts|thoughts of hurting myself|intent to harm myself], [just|only] [stressed about work|tired|anxious about the bill|need a refill]',
      "I'm not suicidal, [I just|just] [need to talk to someone about my bill|want to change my therapist|need a refill of my meds|am frustrated with this app]",
      "[no|nope|never], I [don't|do not] have [any|] thoughts of [suicide|killing myself|harming myself]",
      'screening question [answer|answers]: [suicidal ideation no|self harm: no|thoughts of death: none]',
      "I have never [tried to hurt myself|had suicidal thoughts|self harmed], [the form asks|why is that on the form|please remove that flag]",
      "don't worry I'm not going to hurt myself, I'm just [annoyed|venting|really frustrated with the delivery]",
      'denies [SI|suicidal ideation|self harm], [requests|wants] a [medication review|therapy referral|new appointment]',
    ],
  },
  {
    category: selfHarm,
    label: 'safe',
    kind: 'question',
    templates: [
      "I'm writing {topic} on [suicide prevention|self harm in teenagers|the history of suicide|Sylvia Plath and depression|mental health in farmers]",
      "[does|will] [my policy|the life insurance|the plan] [pay out|cover|still pay] if [the death was a suicide|someone dies by suicide|it was self inflicted]",
      'what [are the warning signs|should I say] [of suicide|if a friend mentions self harm|to someone who is struggling]',
      'do you offer [suicide prevention training|mental health first aid courses|a crisis counselling course] for [staff|managers|teachers]',
      'is there a [hotline number|crisis line|support group] I can give to [a client|my students|my employees] [for the poster|for our website|]',
      'can [a lawyer|you] help with a [wrongful death|negligence] case where [a patient|an inmate|my brother] died by suicide {past}',
    ],
  },
  {
    category: selfHarm,
    label: 'safe',
    kind: 'idiom',
    templates: [
      "[this heat|this traffic|this queue|my job|this hold music|this commute|the waiting] is killing me",
      "[I'd|i would|id] kill for [a coffee|an earlier slot|a weekend off|a pizza|a refund at this point]",
      "I'm dying to [try the new menu|know the price|see the results|get my package|hear back]",
      "I [could|nearly|almost] [die|died] of [embarrassment|laughter|boredom] [lol|😂|]",
      "[lol|haha|omg] I'm dead 😂",
      'my [phone|laptop|battery|car battery] [is dead|died again|is dying]',
      'these [shoes|heels|boots] are killing [me|my feet]',
      '[that cake|the lasagna|the view] is to die for',
      "I'm [dead tired|bored to death|sick to death of this]",
      "[kill me now|shoot me], [another|one more] [zoom meeting|form to fill in|hour on hold] lol",
      'I [killed it|smashed it] at my [exam|interview|presentation] today',
      "[my plants|the basil|my houseplant] [died|is dying] again",
      'I want to [kill|strangle] my [brother|roommate|cat] [lol|for eating my lunch|jk]',
    ],
  },
  {
    category: selfHarm,
    label: 'safe',
    kind: 'product',
    templates: [
      '[do you sell|where can I buy|is there a discount on] the [Suicide Squad|suicide doors] [dvd|car model|poster|edition]',
      'my [cutting board|box cutter|paper cutter|hair cutting kit] [arrived broken|was missing from the order|is the wrong size]',
      'the [self care|mindfulness|wellness] app subscription [charged me twice|will not load|needs a refund]',
      'can I return the [razor|shaving kit|rope swing|climbing rope] I bought [last week|on sale|yesterday]',
    ],
  },
  {
    category: selfHarm,
    label: 'safe',
    kind: 'fiction',
    templates: [
      'in [the book|the novel|the movie|the play|the show] the [main character|hero|mother] [kills himself|dies by suicide|takes her own life|jumps off a bridge] and I [cried|need the ending explained|hated it]',
      'Romeo and Juliet [both die|ends in a double suicide] - do you have the [study guide|audiobook|paperback]',
    ],
  },

  // ---------------------------------------------------------------- overdose and poisoning
  {
    category: overdose,
    label: 'crisis',
    templates: [
      'I [took|swallowed|just took|have taken] [way too many|too many|a whole bottle of|a handful of|like 30|all of|double my dose of|20 of] {pills} {help}',
      "I [took|swallowed] [more|way more] {pills} than I [should have|was supposed to|meant to] and [I feel weird|my heart is racing|I can't stay awake|I'm scared|]",
      '{p} [took|swallowed|overdosed on] [too many|a bottle of|all of] {pills} [and wont wake up|and is drowsy|and is confused|and is vomiting|{now}]',
      '{kid} [swallowed|drank|ate|got into|chewed] {poison} {help}',
      '{kid} [might have|may have|i think] [swallowed|eaten|drank] {poison} [{now}|what do I do|]',
      'I [think I|] [overdosed|overdosed on|od\'d on|ODed on] [heroin|fentanyl|my meds|pills|something] [and I feel really bad|help|]',
      '{p} [is overdosing|overdosed|ODd|is having an overdose] [{now}|and isnt breathing right|and has blue lips|and I have narcan]',
      '[I|we] [accidentally|] gave {kid} [a double dose|two doses|too much|the adult dose] of [tylenol|his medicine|her medicine|cough syrup|ibuprofen] {help}',
      '{p} [drank|swallowed] {poison} [on purpose|by accident|] [and is throwing up|and is coughing|{now}]',
      'I mixed [bleach and ammonia|chemicals while cleaning] and [can\'t breathe|my throat burns|I feel dizzy]',
      '[we|I] [think|suspect] {p} [has|got] carbon monoxide poisoning [, the alarm is going off|, everyone has headaches and feels sick|]',
      '{p} [took|has taken] [double|triple] [his|her] [heart|blood pressure|diabetes|seizure] [pills|meds] [by mistake|twice today] and [is dizzy|feels faint|is confused]',
      '[i|I] [just|] [took|popped] [a bunch|a lot|loads] of pills [lol i dont care anymore|to sleep forever|on purpose]',
      'I [injected|took] too much insulin and [I am shaking|feel faint|I am confused]',
      "{kid} [got into|opened] [the medicine cabinet|my purse|grandma's pill box] and [ate some pills|swallowed some tablets]",
      'how much [tylenol|acetaminophen|ibuprofen] is [too much|fatal|an overdose], I [already took|just took] [15|20|the whole pack] {help}',
      '[poison|poisoned] [help|emergency] {kid} [drank|ate] something',
      'I think [I|we] [have been|got] poisoned, [we all|both of us] [are vomiting|started throwing up after dinner|feel dizzy]',
    ],
  },
  {
    category: overdose,
    label: 'safe',
    kind: 'history',
    templates: [
      'I [overdosed|had an overdose|was treated for an overdose] {past} and [need the hospital records|my new doctor wants the file|am in recovery now]',
      '{kid} swallowed a [coin|magnet|battery] {past} and [the pediatrician wants the x ray report|it was fine]',
      'after my [overdose|poisoning] {past} I [need to update my intake form|was told to list it on the form]',
    ],
  },
  {
    category: overdose,
    label: 'safe',
    kind: 'product',
    templates: [
      'how do I return the [overdose-proof|child-proof|tamper proof|locking] {product}',
      '[is the|does the] [naloxone kit|narcan nasal spray|poison control magnet|overdose training kit] [in stock|come in a two pack|ship to canada]',
      'the child safety locks for the [medicine cabinet|cleaning cupboard] [arrived broken|were missing screws]',
      'my order of [rat traps|weed killer|drain cleaner|pool chlorine] [has not arrived|is delayed|came leaking]',
    ],
  },
  {
    category: overdose,
    label: 'safe',
    kind: 'question',
    templates: [
      'what is the maximum daily dose of [tylenol|ibuprofen|melatonin|my blood pressure pill] [for an adult|for my 8 year old|]',
      '[can I|is it ok to] take [ibuprofen|tylenol|an antihistamine] [with|after] my [antibiotics|blood thinner|coffee]',
      'I [missed|forgot] [a dose|my pill|my evening dose] [yesterday|this morning], should I take two [today|now]',
      "[what's|what is] the poison control number [for the fridge|to keep handy|for my babysitter notes]",
      'is [this plant|lavender oil|tea tree oil|chocolate] poisonous to [cats|dogs|my parrot]',
      'can you explain [the opioid crisis|overdose statistics|how naloxone works] for {topic}',
    ],
  },
  {
    category: overdose,
    label: 'safe',
    kind: 'negated',
    templates: [
      "no, I [didn't|did not] take [too many|extra|more than the label says], I [just|only] want to know [the dose|if it interacts|when to take it]",
      '[no overdose|no poisoning], [just|only] [a mild stomach ache|a headache|a question about my refill]',
    ],
  },
  {
    category: overdose,
    label: 'safe',
    kind: 'idiom',
    templates: [
      'I [overdosed|OD\'d] on [netflix|chocolate|coffee|sugar|christmas movies] [this weekend|again] [lol|haha|]',
      '[food poisoning|a stomach bug] {past} [ruined our holiday|and I want a refund for the restaurant voucher]',
      "[it's|that's] poison for [my budget|our team morale|the project]",
    ],
  },

  // ---------------------------------------------------------------- cardiac
  {
    category: 'cardiac',
    label: 'crisis',
    templates: [
      "I [have|got|am having] [crushing|tight|heavy|squeezing|bad|really bad|severe] [chest pain|pain in my chest|pressure in my chest] [{now}|and I'm sweating|and my left arm is numb|and I feel sick|spreading to my jaw]",
      '[my chest|chest] [hurts|is tight|feels heavy|feels like its being crushed] and [my arm is tingling|I feel faint|I am sweating a lot|I can barely breathe] {help}',
      '[I think|pretty sure|I am afraid] [I am|im|I\'m] having a heart attack {help}',
      '{p} [is having|might be having|just had] a heart attack {now} {help}',
      '{p} [collapsed|went down|fell over] and [has no pulse|is not breathing|is unresponsive|wont wake up] {help}',
      'pain [spreading|radiating|shooting] from my chest [to|into|down] my [left arm|jaw|back|neck] {recent}',
      "{p} [is clutching|grabbed] [his|her] chest and [can't talk|is grey and sweaty|went pale|fell]",
      "[we're|I'm] doing CPR on {p}, [the ambulance is coming|what else do I do|how long do I keep going]",
      'it feels like [an elephant|someone|a weight] is [sitting|standing] on my chest {help}',
      'my heart [is racing|is pounding|won\'t slow down] and I [feel like I\'m going to pass out|have chest pain|am about to faint] {now}',
      '{p} [has chest pain|says his chest hurts|says her chest is tight] and [is sweating|feels sick|has pain in the jaw]',
      'sudden [chest pain|pressure in my chest] and shortness of breath {recent}',
      'cardiac arrest [in the lobby|in the store|at home] [someone is doing cpr|we need a defibrillator|{help}]',
      '[chest|CHEST] [PAIN|pain] [cant breath|sweating|arm numb] {help}',
    ],
  },
  {
    category: 'cardiac',
    label: 'safe',
    kind: 'history',
    templates: [
      'I had a heart attack {past} and [need my cardiology records|want to book a follow up|need to update my intake form]',
      '{p} [had bypass surgery|had a heart attack|had stents put in] {past}, [is the rehab covered|can I book the checkup|need the discharge letter]',
      'follow-up appointment for my [heart attack|cardiac arrest|angina] [last month|in march|in january]',
    ],
  },
  {
    category: 'cardiac',
    label: 'safe',
    kind: 'negated',
    templates: [
      '[no|not] chest pain, [just|only] [a cough|a runny nose|a sore knee|heartburn after pizza]',
      "I [don't|do not] have [chest pain|any pain in my chest] but [my ankle is swollen|I need a refill|I want a checkup]",
      'chest pain? [no|none|nope]. [shortness of breath|fever]? [no|none]. just here for [my annual|a refill|the form]',
    ],
  },
  {
    category: 'cardiac',
    label: 'safe',
    kind: 'product',
    templates: [
      '[the|my] [Heart Attack burger|heart attack grill gift card|heart shaped box|heart rate monitor|chest strap] [order|delivery] [is late|was wrong|arrived broken]',
      'my [chest of drawers|treasure chest toy|chest freezer] [arrived damaged|is missing a handle|is the wrong colour]',
      'do you sell [AED|defibrillator] [pads|training units] for [our gym|the office]',
    ],
  },
  {
    category: 'cardiac',
    label: 'safe',
    kind: 'question',
    templates: [
      'what are the [signs|warning signs|symptoms] of a heart attack [in women|for my first aid course|for {topic}]',
      'is [a cardiology consult|chest pain assessment|a stress test|an ECG] covered by my plan',
      'my first aid course [covers|tomorrow covers|includes] [CPR|cardiac arrest|heart attacks], what should I bring',
    ],
  },
  {
    category: 'cardiac',
    label: 'safe',
    kind: 'idiom',
    templates: [
      'you [almost|nearly] gave me a heart attack with that [bill|price|email|invoice] [lol|!|]',
      "my heart [skipped a beat|sank|broke] when I saw [the price|the delay|the score|the puppy]",
      '[this|the] [price|bill|quote] is [heart attack inducing|giving me chest pains|heart stopping] [lol|haha|]',
    ],
  },

  // ---------------------------------------------------------------- stroke
  {
    category: 'stroke',
    label: 'crisis',
    templates: [
      "{p}'s face is [drooping|droopy|sagging] on one side [and he can't lift his arm|and her speech is slurred|{now}|]",
      '{p} [is slurring|suddenly slurs] [his|her] words and [can\'t lift|can\'t move] [his|her] [right|left] arm',
      '[I think|pretty sure] {p} is having a stroke {help}',
      '[half|one side] of my face [went numb|is numb|dropped] [all of a sudden|suddenly|{recent}] and I [can\'t|cant] [move my arm|talk right|smile properly]',
      '{p} [suddenly|all of a sudden] [can\'t speak|is talking gibberish|doesn\'t make sense|can\'t find words] and [looks confused|one arm is weak|cant stand up]',
      '[the worst|worst] headache of my life [came on|started] [suddenly|out of nowhere|{recent}] and [I can\'t see properly|I am throwing up|my neck is stiff]',
      'my [right|left] [arm and leg|side|hand] [went weak|is numb|stopped working] [suddenly|{recent}] and [my speech is weird|I feel dizzy|I cant walk]',
      "{p} [woke up|sat up] and [can't move|can't feel] one side [of his body|of her body] {help}",
      "my [vision|sight] [suddenly went|just went] [blurry|double|dark] in one eye and my [face|arm] [feels numb|is tingling]",
      "{p} [can't smile|has a crooked smile] and [her|his] [arm drifts down|words are jumbled] {now}",
      'stroke symptoms {now} {p} [face droop|slurred speech|arm weak] {help}',
    ],
  },
  {
    category: 'stroke',
    label: 'safe',
    kind: 'history',
    templates: [
      '{p} had a stroke {past} and [needs physio|I need to book rehab|the records need to go to the new clinic]',
      'I had a [mini stroke|TIA|stroke] {past}, [does that go on the intake form|should I list it|can I still get the vaccine]',
      'since [his|her] stroke {past} {p} [uses a walker|needs help with forms|has trouble with the phone]',
    ],
  },
  {
    category: 'stroke',
    label: 'safe',
    kind: 'other',
    templates: [
      '[a|one] [stroke of luck|stroke of genius|brush stroke|swim stroke lesson|heat stroke warning on the news] [today|this week|]',
      'my [golf stroke|backstroke|paint strokes|keyboard strokes] [needs work|class was cancelled]',
      'can I book a [swimming stroke|tennis stroke] lesson [for saturday|for my son]',
      "[no|not] [face drooping|slurred speech|numbness], [just|only] [a tension headache|tired|a stiff neck from sleeping wrong]",
      'what does FAST stand for in [stroke awareness|{topic}]',
      'is [stroke rehab|speech therapy after a stroke|a carotid scan] covered by my insurance',
      "I'm slurring my words after [three beers|the dentist numbed my mouth|the novocaine] lol",
    ],
  },

  // ---------------------------------------------------------------- anaphylaxis
  {
    category: 'anaphylaxis',
    label: 'crisis',
    templates: [
      '[my|his|her] throat is [closing|swelling|closing up|getting tight] after [eating|having|touching] {allergen} {help}',
      '{kid} ate {allergen} and [her|his] [lips|face|tongue] [are|is] swelling [up|fast] and [she|he] is wheezing',
      '[I used|we used|I gave him] the epipen but [it is not working|she is still struggling to breathe|his throat is still swelling|it is getting worse]',
      "[I'm|i am|im] having [an allergic reaction|a bad allergic reaction|anaphylaxis] [and my tongue is swelling|and I can't swallow|{now}|and I have hives everywhere]",
      '{p} [got stung by|was stung by] [a bee|a wasp|a hornet] and [his|her] [face|throat] is [swelling|blowing up] and [he|she] [cant breathe|is dizzy]',
      '[tongue|lips|throat] swelling [fast|after the new medicine|after the shrimp], [hard to breathe|can barely swallow] {help}',
      'I think {p} is going into anaphylactic shock {help}',
      "hives all over and my throat feels tight after {allergen} {now}",
      '[i|I] forgot my epipen and [i|I] [ate|had] {allergen}, my [throat|mouth] is [itchy and closing|tingling and swelling]',
    ],
  },
  {
    category: 'anaphylaxis',
    label: 'safe',
    kind: 'product',
    templates: [
      'I need an [EpiPen|epipen] refill [sent to|for] [my pharmacy|the school nurse|CVS on main]',
      'the [epipen|epi pen] [trainer|carry case|holder] I ordered [is the wrong colour|never arrived]',
      '[are|is] the [cookies|granola bars|cakes] [peanut free|nut free|made in a nut free kitchen]',
    ],
  },
  {
    category: 'anaphylaxis',
    label: 'safe',
    kind: 'other',
    templates: [
      'I had anaphylaxis {past} [to peanuts|to penicillin|from a bee sting], [please add it to my allergy list|need an allergist referral]',
      'no [swelling|trouble breathing|throat tightness], [just|only] a [mild rash|runny nose|little itch] from [hay fever|the new soap]',
      'what is the difference between [an allergy and an intolerance|anaphylaxis and a rash] for {topic}',
      'can I book [allergy testing|an allergist|a skin prick test] for {kid}',
      'my seasonal allergies are [killing me|so bad this week], can I get [a refill|antihistamines]',
    ],
  },

  // ---------------------------------------------------------------- breathing
  {
    category: 'breathing',
    label: 'crisis',
    templates: [
      "[I|i] [can't|cant|cannot|can not] [breathe|breath|catch my breath|get air in] {help}",
      '{p} [can\'t breathe|is struggling to breathe|is gasping for air|is wheezing badly|stopped breathing] {now} {help}',
      '{kid} is choking [on a grape|on food|on a toy|and cant cough|and turning red] {help}',
      '[his|her|my] lips are [turning|going] blue [and he is|and she is|and I am] [gasping|wheezing|struggling]',
      'asthma attack and [my|her|his] inhaler [is not working|isn\'t helping|ran out] {help}',
      "{p} [is|was] [drowning|pulled out of the pool|face down in the water] [and isn't breathing|and is blue|{now}]",
      "[I'm|im] [so|really] short of breath [I can't talk|I can't finish a sentence|and my chest is tight] {now}",
      "there's [smoke everywhere|a fire] and [we can't breathe|my kids are coughing|I'm trapped]",
      '{kid} [is breathing really fast|is making a whistling noise|is sucking in at the ribs] and [looks grey|can\'t talk|is exhausted]',
      'every breath is a struggle [and it keeps getting worse|since {recent}|I cant lie down]',
      '[we|I] [cant|can\'t] wake {kid} and [she|he] is barely breathing',
    ],
  },
  {
    category: 'breathing',
    label: 'safe',
    kind: 'idiom',
    templates: [
      "I [can't|cant] breathe [lol|😂|haha] [that video|this meme|you are too funny]",
      '[give me|I need] [a minute|some] breathing room [on the deadline|with this payment|on the contract]',
      'the [customer service|hold music|paperwork] is [suffocating|choking the life out of me] lol',
      'I [choked|completely choked] [in the interview|on stage|during my presentation]',
      "my [cat|dog] is choking on a hairball again, [is your vet open|can I book a vet visit]",
    ],
  },
  {
    category: 'breathing',
    label: 'safe',
    kind: 'other',
    templates: [
      'I need a refill of my [inhaler|asthma inhaler|ventolin|nebulizer solution] [before friday|sent to my pharmacy]',
      'my CPAP [machine|mask] [arrived broken|needs a new filter|order is late]',
      'I had [pneumonia|an asthma attack|covid] {past} [and need a sick note|and want the x ray report]',
      '[no|not] short of breath, [just|only] a [cough|stuffy nose|sore throat] for [two days|a week]',
      'do you [sell|stock] [pulse oximeters|peak flow meters|spacers for inhalers]',
      'what does [COPD|asthma action plan|shortness of breath] mean on my [discharge papers|report]',
    ],
  },

  // ---------------------------------------------------------------- bleeding
  {
    category: 'bleeding',
    label: 'crisis',
    templates: [
      "[I|{p}] [cut|sliced|gashed] [my|his|her] {bodypart} [badly|deep|open] and it [won't|will not|wont] stop bleeding",
      '[blood|the blood] is [everywhere|soaking through the towel|pouring out|spurting] {help}',
      "{p} is bleeding [heavily|a lot|really badly] from [the head|the leg|a cut|his arm] and [I can't stop it|it's not stopping]",
      "[I'm|im|I am] [vomiting|throwing up|coughing up] [blood|a lot of blood|bright red blood] {now}",
      "my nose has been bleeding [for an hour|nonstop since lunch|for 45 minutes] and [won't stop|it's still pouring]",
      '[I|he|she] [fell|got hit] and [there is a lot of blood|the wound is gushing|I can see bone] {help}',
      '[pressing|pressed] on it for [20 minutes|half an hour] and it is still bleeding [through|] {help}',
      'a [dog|glass|knife] [bit|cut] {p} and [the bleeding won\'t stop|there is blood everywhere]',
      '[black|tarry] [stool|poop] and [I feel faint|I\'m dizzy|I passed out] [today|{now}]',
    ],
  },
  {
    category: 'bleeding',
    label: 'safe',
    kind: 'other',
    templates: [
      'I need to [book|reschedule] my [blood test|blood draw|blood work] [for monday|next week]',
      '[are|can you send] my [blood test|bloodwork] results [ready|by email]',
      'the [stain|nail polish|paint] is [bleeding|bleeding through] [on the shirt|the canvas] I [bought|ordered]',
      '[my|the] [gums bleed|nose bled] a little [when I brush|this morning] but [stopped|it is fine now], can I book [a dentist|a checkup]',
      'the [company|shop|budget] is bleeding [money|cash|customers]',
      'I had [a bad nosebleed|surgery for a bleed|a bleeding ulcer] {past}, [please add it to my history|need the records]',
      'how do I [apply a tourniquet|stop a nosebleed|dress a cut] for {topic}',
      'do you sell [blood|fake blood] [for halloween|for a costume|capsules]',
    ],
  },

  // ---------------------------------------------------------------- seizure
  {
    category: 'seizure',
    label: 'crisis',
    templates: [
      '{p} is having a seizure {now} {help}',
      '{kid} is [shaking all over|convulsing|jerking] and [not responding|eyes rolled back|foaming at the mouth] {help}',
      '{p} [had a seizure|has been seizing|is still seizing] [for 5 minutes|and it won\'t stop|and now won\'t wake up|and is blue]',
      '[she|he] [is having|keeps having] [seizures|fits|one seizure after another] [and isn\'t waking up between them|{now}]',
      '{p} [collapsed|fell] and [is shaking|is fitting|is twitching] [on the floor|{now}]',
      'my [epileptic|] [son|daughter|wife|husband] [is having|has had] [a seizure|a fit] for [over 5 minutes|ten minutes] and [the rescue med didn\'t work|is turning blue]',
      '[i|I] think [im|I\'m] [about to have|having] a seizure, [the aura|my vision] [started|is going weird] {help}',
      'seizure [happening|going on] {now}, [what do I do|how do I help|she hit her head]',
    ],
  },
  {
    category: 'seizure',
    label: 'safe',
    kind: 'other',
    templates: [
      'I had a seizure disorder diagnosed {past} and [need to update my intake form|my neurologist retired|need the records]',
      'I need a refill of my [seizure medication|keppra|lamotrigine|epilepsy meds] [sent to my pharmacy|before monday]',
      'the [police seizure of my car|asset seizure|seizure of the shipment] - [can a lawyer help|I need legal advice]',
      '{kid} had a febrile seizure {past}, [should I mention it at the checkup|does it go on the form]',
      'what should I do if [someone has a seizure|a coworker has a fit] - [for my first aid class|asking for {topic}]',
      'no seizures [since 2019|for three years|this year], can I [get my driving licence back|reduce my meds]',
      'my [laptop|engine|phone] [seized up|froze and shook] again',
    ],
  },

  // ---------------------------------------------------------------- pregnancy
  {
    category: 'pregnancy',
    label: 'crisis',
    templates: [
      "I'm [32|28|35|20|24|36] weeks pregnant and [bleeding heavily|my waters broke|I have severe stomach pain|the baby hasn't moved all day]",
      "[I'm|im] pregnant and [soaking through pads|passing big clots|bleeding a lot] {now} {help}",
      "the baby [hasn't|has not|isn't] [moved|moving|kicked] [since yesterday|all day|for hours] and I'm [30|34|38] weeks",
      'my waters [broke|just broke] [and it is green|and I am only 30 weeks|and the baby is coming] {help}',
      "[I|i] [gave birth|had my baby] [last week|4 days ago|yesterday] and [I'm bleeding through a pad an hour|I have a terrible headache and see spots|I can't stop bleeding]",
      "pregnant and [I have|having] [a severe headache and blurry vision|swelling in my face and a pounding headache|sharp pain on one side and feel faint]",
      '[the baby is coming|I am in labour|contractions are 2 minutes apart] and [we can\'t get to the hospital|I\'m alone|I\'m bleeding]',
      '[i think|I think] [I|im] [having a miscarriage|miscarrying] {now} [and there is so much blood|and the pain is unbearable|]',
      '[my wife|my partner|my girlfriend] is pregnant and [collapsed|is bleeding a lot|is having a seizure|has severe pain] {help}',
    ],
  },
  {
    category: 'pregnancy',
    label: 'safe',
    kind: 'other',
    templates: [
      "I'm [12|20|28] weeks pregnant and need to [book my scan|reschedule my prenatal visit|update my due date]",
      'I had a miscarriage {past} [and need the records|, should I list it on the form|and want to talk to a counsellor about trying again]',
      '[is|does] my plan cover [the birth|prenatal vitamins|a doula|the c-section]',
      'my [maternity leave|pregnancy discrimination] case at work - [can a lawyer help|need advice]',
      '[the|my] [maternity pads|pregnancy pillow|breast pump|baby bath] [order|delivery] [is late|arrived damaged]',
      'a little spotting [after the exam|after sex|yesterday] but [no pain|it stopped], [is that normal|should I mention it at my visit]',
      'the baby kicks a lot at night, [is that normal|just curious]',
      'my [water bottle|water heater|waterbed] broke [again|and I want a replacement]',
    ],
  },

  // ---------------------------------------------------------------- violence and abuse
  {
    category: 'violence_threat',
    label: 'crisis',
    templates: [
      '{abuser} [is hitting me|is beating me|hit me again|just punched me|choked me] [{now}|and I am scared|and I locked myself in the bathroom|tonight]',
      "{abuser} [is outside|is at my door|is breaking in|broke in] [with {weapon}|and says he'll kill me|and I'm hiding]",
      "{abuser} [threatened|says he is going|said she's going] to kill me [tonight|when he gets home|if I leave]",
      "[I|i] [don't|do not] feel safe at home, {abuser} [hurts me|keeps hurting me|choked me|threatens me every day]",
      "someone is [breaking into|trying to get into] my [house|apartment|car] {now} {help}",
      '[there is|there\'s] [a man|someone|a guy] with {weapon} [in the store|in the building|outside the clinic|in the parking lot] {help}',
      "I'm being [followed|stalked|attacked|held against my will] {now}",
      "[I'm|I am] going to [hurt|kill|stab|shoot] [him|her|my boss|my ex|them] [tomorrow|tonight|when I see him]",
      '[i|I] was just [stabbed|shot|assaulted|raped|attacked] {help}',
      "{abuser} [won't let me leave|took my phone and locked the door|is holding me here] {help}",
      'domestic violence, [he is|she is] [outside|here|coming back] [{now}|tonight] {help}',
      "[my|our] [coworker|customer|patient] [is threatening|threatened] to [shoot|stab|hurt] [everyone|us|me] [today|{now}]",
      "I can hear {abuser} [screaming|yelling] and [throwing things|smashing the door], I'm hiding {help}",
    ],
  },
  {
    category: 'violence_threat',
    label: 'safe',
    kind: 'history',
    templates: [
      'I was [assaulted|attacked|mugged] [at work|on the street|in a car park] {past} and want to [sue|file a claim|talk to a lawyer]',
      '[my ex|a former partner] was abusive {past}, I need help with [the restraining order renewal|custody papers|the divorce filing]',
      'I need [a copy of the police report|my records] from when I was [assaulted|robbed] {past}',
    ],
  },
  {
    category: 'violence_threat',
    label: 'safe',
    kind: 'other',
    templates: [
      "I'm going to kill [my brother|my sister|him|my roommate] [for eating my leftovers|if he spoils the ending|lol]",
      'my [knife set|hunting knife|kitchen knife|gun safe] [order|delivery] [is missing|came damaged|was charged twice]',
      'the [video game|movie|show] has [too much violence|a shooting scene|a stabbing] - [is it ok for kids|age rating]',
      "do you handle [domestic violence cases|restraining orders|assault claims|self defence cases] [at your firm|]",
      'our [boxing class|self defence class|martial arts lesson] [was cancelled|needs rescheduling]',
      "I [beat|crushed|destroyed] my [brother|friend|dad] at [chess|tennis|fifa] [lol|again|]",
      'the [boss|manager|team] [murdered|killed] it at [the pitch|the demo|the presentation]',
      "I [don't|do not] feel safe [leaving my car at your garage|with this delivery company|giving my card details online]",
    ],
  },

  // ---------------------------------------------------------------- a child or another person in danger
  {
    category: 'person_in_danger',
    label: 'crisis',
    templates: [
      '{kid} [is missing|ran off|disappeared] [at the mall|in the park|from the yard] [{now}|and I can\'t find her|and I can\'t find him]',
      "{kid} [fell|went] into the [pool|river|lake] and [isn't moving|I can't get to him|I can't get to her]",
      '{kid} [wont wake up|is limp|is unresponsive|isnt responding] {help}',
      '{kid} [fell|fell off the bunk bed|fell down the stairs] and [hit|banged] [his|her] head and [is vomiting|is very sleepy|won\'t wake up]',
      '[a kid|a child|a toddler] is [locked in a hot car|alone in a car in this heat|on the roof|in the road] {now}',
      "{p} [is|has been] [unconscious|passed out|not responding] [on the floor|in the bathroom|{now}] {help}",
      'I can hear [a child|a woman|my neighbour] [screaming|crying for help] next door and [it sounds like|I think] [someone is hurting them|he is beating her]',
      '{p} [says|texted] [they|he|she] [are being hurt|is in danger|needs help] and [stopped answering|isn\'t picking up] {now}',
      "[my|the] [neighbour's|neighbors] [kid|toddler|baby] [has been left alone|is home alone] for [hours|two days] and [is crying|is screaming]",
      '{kid} [is being hurt|is being abused|told me someone hurts her|told me someone hurts him] [at home|by her stepdad|by a coach]',
      "{p} [fell|fell off a ladder|was hit by a car] and [can't move|is not moving|is bleeding from the head] {help}",
      '{p} [is wandering|wandered off|went missing] [with dementia|in the snow|from the care home] [{now}|and it is getting dark]',
      '[a man|someone|a woman] [collapsed|just collapsed|is lying] [in the street|outside your store|in the waiting room] [and isn\'t moving|and is not responding|{now}]',
      '{kid} [has a fever of 104|has a rash that does not fade|is floppy and burning up] and [won\'t wake properly|is hard to wake|is not drinking]',
      "[my elderly|my] [mom|dad|grandma|grandpa] [fell|has fallen] and [can't get up|is confused and cold|has been on the floor all night]",
    ],
  },
  {
    category: 'person_in_danger',
    label: 'safe',
    kind: 'other',
    templates: [
      '{kid} [has a cold|has a mild fever|has a cough|fell and scraped her knee] [, can I book|and needs] [an appointment|a sick note for school]',
      'I need to update {kid}\'s [vaccination record|school forms|allergy list|emergency contacts]',
      '[the|my] [missing|lost] [package|parcel|order] [never arrived|is still missing|was stolen]',
      'do you sell [baby monitors|pool alarms|child safety gates|car seat mirrors]',
      "my [game character|sim|tamagotchi] [is dying|died|is in danger] lol",
      "I'm [in danger|at risk] of [missing my flight|being late|losing my deposit]",
      "{kid} [fell asleep|is asleep|won't go to sleep] [in the car|at last|again] lol",
      'I need a lawyer for [a child custody hearing|a negligence claim about my son\'s school|a personal injury case {past}]',
    ],
  },
];

/**
 * Frames that put a symptom phrase in the present (crisis) or in the past, a negation, a question or a
 * document (safe); crossed with SYMPTOMS they teach the model that the frame, not the word, decides.
 */
export const PRESENT_FRAMES: readonly string[] = [
  "I'm having {s} {now}",
  'I think I am having {s}',
  '{s} {help}',
  '{s} started {recent} and it is getting worse',
  '{p} is having {s} {now}',
  "I'm scared, {s}, {help}",
  '[help|HELP] [me|] {s}',
  'sudden {s} {now}, should I call 911',
];

export const SAFE_FRAMES: readonly { readonly kind: string; readonly frame: string }[] = [
  { kind: 'history', frame: 'I had {s} {past} and need my records' },
  { kind: 'history', frame: '{p} had {s} {past}, can I book a follow up' },
  { kind: 'history', frame: 'history of {s} {past}, please add it to my intake form' },
  { kind: 'negated', frame: 'no {s}, just [a cold|a sore throat|tired|a headache]' },
  { kind: 'negated', frame: "I [don't|do not] have {s}, I [only|just] need [a refill|a checkup|a form]" },
  { kind: 'question', frame: 'what are the signs of {s}' },
  { kind: 'question', frame: 'is treatment for {s} covered by my [plan|insurance|policy]' },
  { kind: 'question', frame: "I'm writing {topic} about {s}" },
  { kind: 'question', frame: 'my [first aid|training|CPR] course [covers|is about] {s} next week' },
  { kind: 'fiction', frame: 'in [the show|the movie|my novel] [the character|the hero|a nurse] has {s}' },
  { kind: 'routine', frame: 'follow-up appointment after my {s} [last month|in may|in the spring]' },
];

/**
 * The crisis frames with ordinary things in them ("I'm having trouble logging in right now, help"): the frame
 * words alone ("having", "right now", "help", "my husband") must never be enough.
 */
export const NEUTRAL_FRAMES: readonly string[] = [
  "I'm having {n} {now}",
  'I think I am having {n}',
  '{n} {help}',
  '{n} started {recent} and it is getting worse',
  '{p} is having {n} {now}',
  "I'm [worried|stressed], {n}, {help}",
  '[help|HELP] [me|] with {n}',
  '{p} [has|had] {n} [today|tonight|this week]',
];

export const NEUTRAL_THINGS: readonly string[] = [
  'trouble logging in', 'a problem with my order', 'a party', 'a great day', 'issues with the app', 'a baby shower',
  'a question about my bill', 'a hard time choosing a size', 'a meeting', 'lunch', 'a checkup next week', 'a new phone',
  'a bad hair day', 'a busy week', 'guests over', 'connection problems', 'a birthday', 'a job interview', 'a late delivery',
  'a refund issue', 'a billing error', 'a double charge', 'a missing parcel', 'a wedding', 'a barbecue', 'trouble with the payment',
  'a dentist appointment', 'a follow up call', 'a long shift', 'second thoughts about the colour', 'the flu jab tomorrow',
  'a sore knee', 'a mild cold', 'shaving cream delivered', 'a haircut', 'a nap',
];

/** Customer-service requests in the words crisis messages also use: "help", "I want", "wanna", "I need … now". */
export const SERVICE_REQUESTS: readonly string[] = [
  '[I want|I need|I would like|wanna|want|i wnt|need] help [with|to|for] [my bill|a refund|cancelling my order|changing my address|finding a receipt|my account|the payment|booking a slot]',
  '[help me|can you help me|pls help me] [see|check|find|track|change|download] [my invoice|my purchase|the order status|the delivery date|my bills|my last statement]',
  '[wanna|I want to|i wanna|want to] [see|check|know|view] [the refund policy|what payment methods you take|the opening hours|my order|the price list|my balance]',
  '[I need|need|I want] [some|] help [now|right now|asap|urgently] [please|pls|!|] [my card|my account|the payment|my transfer] [is blocked|was declined|is pending|is frozen|got charged twice]',
  "[I'm|im|I am] looking for [a salon|a dentist|a therapist|a plumber|a size 10|a gift|a pharmacy|a cheaper plan] [in San Diego|near me|nearby|for tomorrow|]",
  "[I see|ok I see|right], [let's|lets] [book|try|go with] [the 5pm slot|that one|the therapist you suggested|the other date]",
  "[it's|its|this is] [getting out of hand|a nightmare|been ages|taking forever] with [this order|my refund|the bank|the courier], [can someone|please] [sort it|call me|help]",
  '[send|text] [mom|my wife|john|the team] [saying|that] [i am on my way|running late|see you soon|I will be there at 6]',
  '[my|the] [payment|transfer|top up|refund] [is|has been|seems] [stuck|pending|gone|missing] [for hours|since yesterday|forever], [what happened|is something wrong|help]',
  '[should i|can i|do i need to] get [shots|vaccines|travel jabs] [before going to|for] [thailand|kenya|my trip]',
  '[I just|just] [moved|moved house|got married|changed jobs] and [need to|want to] [update my details|change my address|change my name]',
  '[I|i] want [to|2] [take a look at|download|check] [invoice|order|bill] #0 [help me|pls|now|]',
];

/** Symptom phrases that fit "having {s}" / "I had {s}". */
export const SYMPTOMS: Readonly<Partial<Record<CrisisCategory, readonly string[]>>> = {
  cardiac: ['a heart attack', 'crushing chest pain', 'chest pain spreading to my arm', 'cardiac arrest', 'pressure in my chest'],
  stroke: ['a stroke', 'face drooping on one side', 'slurred speech and a weak arm', 'sudden numbness on one side'],
  anaphylaxis: ['an allergic reaction with throat swelling', 'anaphylaxis', 'my tongue swelling up'],
  breathing: ['trouble breathing', 'an asthma attack', 'severe shortness of breath'],
  bleeding: ['bleeding that will not stop', 'heavy bleeding', 'vomiting blood'],
  seizure: ['a seizure', 'convulsions', 'a grand mal seizure'],
  pregnancy: ['a miscarriage', 'heavy bleeding in pregnancy', 'preeclampsia'],
  overdose_poisoning: ['an overdose', 'poisoning', 'carbon monoxide poisoning'],
  suicide_self_harm: ['suicidal thoughts', 'thoughts of killing myself', 'urges to self harm'],
};
