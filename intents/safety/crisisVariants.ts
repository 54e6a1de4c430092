import { CrisisCategory } from '../../src/nlu/types';
import type { TemplateGroup } from './templates';

/**
 * Second pass over the crisis side: forms the first templates lacked. Very short messages, methods and
 * dates instead of the word "suicide", a crisis told through a practical request, a past event that is
 * happening again now, an overdose that feels fine (still an emergency), drug use, reduced fetal movement,
 * threats made through a third party.
 */
export const CRISIS_VARIANT_GROUPS: readonly TemplateGroup[] = [
  {
    category: CrisisCategory.selfHarm,
    label: 'crisis',
    templates: [
      "I've been [burning|hitting|punching|scratching|scalding] myself [again|every day|when it gets bad|until it bleeds] [because it's the only thing that helps|and I can't stop|]",
      "[I've|i've|ive] [started|gone back to] [self harming|cutting|hurting myself] [again|this week], [my arms are|my legs are|I'm] covered in [cuts|burns|marks]",
      "thank you for [everything|always being kind|listening], you were [the only one who listened|the last kind voice I heard|nicer to me than anyone], [goodbye|I won't be writing again|this is goodbye]",
      "[make sure|I need to know] my [family|kids|wife] [gets the money|is looked after|will be ok] after [I'm gone|this weekend|friday|I do it]",
      "I [don't plan on|won't be|am not going to be] [living|alive|around] [past|after|beyond] [this month|friday|christmas|the weekend], so [cancel|close|don't renew] [everything|my account|the contract|the lease]",
      "[I'm|im] [sitting|parked] in [the car|the garage] with [the engine running|the hose in the window|the doors shut and the motor on]",
      "I've [set a date|picked the day|made my plan|written the date down] [to die|to end it|for it|to kill myself] [, it's the 14th|, it's next week|]",
      "[planning|I'm planning|been planning] [my death|my suicide|how I'll do it] [for weeks|for a while|every night]",
      "[i|I] [just|] [want|wanna] [it|everything] to [stop|be over] [forever|for good|permanently], [i'm|im] [so tired|done]",
      "[nobody|no one] [will|would] [miss|notice] [me|if I'm gone] [anyway|], [tonight's the night|I'm going tonight|I've decided]",
      "[this|my] [pain|life] [is|feels] [unbearable|too much] and [I've|i have] [got|saved up] [pills|tablets] [to end it|for tonight]",
      "[please|] [just|] let me die [already|tonight|]",
      "I [took|swallowed] [a full month|a week's worth|two weeks' worth|the whole week] of [my|her|his] {pills} [at once|just now|]",
      "[can you|please] [give my dog|give my cat|make sure my pets go] to [someone kind|a good home], I won't be [here|able to] [after tonight|much longer]",
    ],
  },
  {
    category: CrisisCategory.overdose,
    label: 'crisis',
    templates: [
      "{p} [used|took|smoked|snorted|injected] [something|heroin|pills from a party|drugs] and [is barely breathing|won't wake up|has blue lips|is snoring weirdly and won't respond]",
      "I think [it|the stuff|what he took|what she took] was [laced|cut] with fentanyl, [he's|she's] [not breathing right|turning grey|unresponsive]",
      "I took [too many|a lot of|loads of|a whole pack of] [paracetamol|tylenol|acetaminophen|painkillers] [yesterday|last night|this morning] and [feel ok now|seem fine|feel normal] but [I'm scared|I'm worried|should I go in]",
      '{kid} [ate|swallowed|got hold of] [some of|a few of] [my|his|her|grandma\'s|grandad\'s] [pills|tablets|capsules|medicine], [not sure which ones|I don\'t know how many|{help}]',
      'took [0|00|a bunch] of my [antidepressants|sleeping tablets|pills|painkillers] [about 0 min ago|0 minutes ago|just now|an hour ago]',
      '{p} [drank|swallowed|sipped] [some|a bit of|a glass of] {poison} [by mistake|on purpose|]',
      '[I|i] [accidentally|] [swallowed|drank|inhaled] [some|a mouthful of] [pool chemicals|chlorine|the cleaning solution|paint thinner|bleach water]',
      '[overdosed|od\'d|ODd] on [my pills|paracetamol|my meds|his meds] [yesterday|earlier|last night], [feel fine now but scared|am i ok|what should i do]',
    ],
  },
  {
    category: CrisisCategory.cardiac,
    label: 'crisis',
    templates: [
      "I had [a heart attack|a cardiac arrest|heart problems] [before|years ago|in 2019] and [this feels exactly the same|it's happening again|I have the same pain] [right now|now|today]",
      "[crushing|heavy|tight] [chest|chest pain] [again|like last time] [, same as my heart attack|, I'm scared it's my heart]",
    ],
  },
  {
    category: CrisisCategory.stroke,
    label: 'crisis',
    templates: [
      "[dad|mum|he|she] had a stroke [before|two years ago] and [it's happening again|the same thing is happening now|his face is drooping again|her speech went again] [right now|now|]",
    ],
  },
  {
    category: CrisisCategory.anaphylaxis,
    label: 'crisis',
    templates: [
      "[the|my] [salad|curry|biscuit|sandwich|sauce|takeaway] [had|contained|must have had] [sesame|nuts|prawns|peanut oil] [in it|], [and|] my [lips|mouth|throat|tongue] [are|is] [swelling|tingling and closing|getting tight]",
      "used [my|the|his|her] [epipen|epi pen|auto injector] [0 min ago|a few minutes ago|earlier] and [the symptoms are coming back|it's getting worse again|her throat is tightening again]",
      "[allergic reaction|reaction] [getting worse|spreading] [fast|quickly], [face swelling|lips huge|throat tight]",
    ],
  },
  {
    category: CrisisCategory.breathing,
    label: 'crisis',
    templates: [
      "[I'm|im|I am] choking",
      "[I don't know what to do|i dont know what to do|not sure what to do|idk what to do|I don't want to overreact but], [I have|i have|there's|i got] [chest pain|crushing chest pain|no feeling in my arm|blood everywhere|a swollen throat|a seizure coming]",
      "[gasping|struggling for air|fighting for breath|wheezing badly] and [my|the|her|his] [inhaler|nebuliser|puffer] [isn't helping|does nothing|isn't working|ran out]",
      "[cant|can't|cannot] [get my breath|breathe properly|get air] [help|please|pls|]",
      "[she's|he's|my son is|my daughter is] [choking|not breathing|going blue] [help|please help|HELP]",
    ],
  },
  {
    category: CrisisCategory.bleeding,
    label: 'crisis',
    templates: [
      "blood [is soaking|keeps coming|is coming] through [the bandage|the dressing|the gauze] after [my surgery|the procedure|the operation|my c-section] [and it's dripping|and won't stop|]",
      "[my|the] [stitches|wound|incision] [burst open|opened up|split] and [it's pouring blood|there's blood everywhere|it won't stop bleeding]",
      "[cut|sliced] [my|his|her] [hand|arm|leg] [on glass|with a saw|on a knife] [and it's spurting|and it's really deep|and it won't stop]",
      "[bleeding|blood] [bad|badly|a lot|so much|everywhere|wont stop] [help|pls|]",
      "[blood is|it's|theres blood] [pumping|gushing|squirting|pouring] [out of|from] [the wound|a gash|the cut] [on|in] [my|his|her] {bodypart}",
      "[coughing up|throwing up|spitting up|vomiting] [blood|lots of blood|clots of blood] [, a lot of it|, cups of it|and feel faint|]",
      "[the|his|her|my baby's] [wound|cord stump|surgery site|cut] [is still bleeding|keeps bleeding] and [has soaked|soaked through] [the dressing|the nappy|his clothes|the sheets]",
    ],
  },
  {
    category: CrisisCategory.pregnancy,
    label: 'crisis',
    templates: [
      "[I|i] [haven't|have not|havent] felt [the baby|her|him|my baby] [move|kick] [since yesterday|all day|since this morning|since last night]",
      "[the baby's|baby's|my baby's] movements [have slowed right down|are much less|have stopped|feel different] [today|since last night], [0] weeks",
      "no [kicks|movement] [all day|since breakfast|for hours] and [she's|he's|baby's] usually [so active|really active], [0] weeks",
      "[0] weeks and [my waters have gone|I'm bleeding|I have constant pain|I can't feel the baby]",
    ],
  },
  {
    category: CrisisCategory.violence,
    label: 'crisis',
    templates: [
      "[a customer|a man|someone|a guy] [is threatening|is waving a knife at|is attacking|is screaming at and shoving] [the staff|the cashier|people|the receptionist] [in your store|at reception|in the waiting room|right now]",
      "[he|she|my ex] [said|says|texted] [he'll|she'll|they'll] [burn the house down|set the flat on fire|kill me|hurt the kids] [with me in it|if I leave|if I call anyone|if I talk to the lawyer]",
      "[someone|a man|a guy] has been [following|tailing] me [for ages|for blocks|since the station], [I'm|I ducked] [in a shop|hiding in your store|scared], [can someone help|help]",
      "[DV|domestic abuse|domestic violence] [situation|emergency] [need help|help] [he's|she's] [coming back|on the way|here]",
      "[he's|someone is|they're] [kicking|smashing|banging|breaking] [the door in|down the door|on the window]",
    ],
  },
  {
    category: CrisisCategory.personInDanger,
    label: 'crisis',
    templates: [
      "[someone|a man|a guy] [online|on social media|in a group chat] [is threatening|says he'll|told my son he'd] [to bring a gun to|attack|shoot up] [my daughter's school|the school|the office] [tomorrow|on monday]",
      "[my|a] [friend|coworker|student] [is threatening|says he's going] to [shoot|hurt|attack] [people|his class|his family] [tomorrow|tonight]",
    ],
  },
];
