import { EmergencyCategory } from '../types';
import type { PhraseRule } from './phraseMatcher';

/** `general` marks emergencies without a specific category ("call an ambulance"). */
export type RuleCategory = EmergencyCategory | 'general';

const C = EmergencyCategory;

// Shared word lists (phraseMatcher syntax: `|` alternatives, `=` exact, `~` one typo allowed, `*` prefix).
const PERSON =
  'he|she|hes|shes|him|her|husband|wife|dad|father|mom|mum|mother|grandma|grandpa|grandmother|grandfather|friend|someone|somebody|man|woman|guy|lady|person|patient|partner|brother|sister|boyfriend|girlfriend|uncle|aunt|neighbor|neighbour|roommate|coworker|colleague';
const CHILD =
  'baby|babies|infant|newborn|toddler|child|children|kid|kids|son|daughter|little one|little boy|little girl|my boy|my girl|month old|months old|week old|weeks old|year old|years old';
const PILLS =
  'pills|pill|tablets|tablet|meds|medication|medications|medicine|sleeping pills|painkillers|=tylenol|=advil|=aspirin|=ibuprofen|=acetaminophen|=xanax|=oxy|=oxycodone|=opioids|=fentanyl|=insulin|=vicodin|=percocet|antidepressants|=benadryl|=melatonin|=heroin|=ambien|=valium|=adderall|=lithium';
const PRICE_TALK =
  'bill|bills|price|prices|pricing|invoice|charge|charges|charged|cost|costs|total|receipt|shipping|fee|fees|statement|quote|subscription|deal|discount|sale';
const PRODUCT_TALK = 'order|ordered|buy|bought|purchase|purchased|shipping|shipment|return|refund|cart|checkout|sell|sold|stock|delivery|deliver';

/** The emergency and crisis phrases. Categories follow EmergencyCategory; see phraseMatcher for the syntax. */
export const EMERGENCY_RULES: readonly PhraseRule<RuleCategory>[] = [
  // ---- cardiac -------------------------------------------------------------------------------------------
  {
    id: 'chest_pain',
    category: C.cardiac,
    slots: ['chest|chests|=chesst', 'pain|pains|=pian|=pian|hurt|hurts|hurting|ache|aching|tight|tightness|pressure|crushing|squeezing|squeezed|heavy|heaviness|discomfort|burning|=hurst|=hurtin|=painful|=sore|=feels tight|=crushed|=killing me|=killin me'],
    gap: 3,
    negatable: true,
    veto: ['drawers', 'drawer', 'freezer', 'cooler', 'toy', 'toys', 'treasure', 'box', 'press', 'day', 'workout', 'gym', 'piece', 'tattoo', 'hair', 'waxing', 'wax'],
  },
  {
    id: 'pain_in_chest',
    category: C.cardiac,
    slots: ['pain|pains|=pian|pressure|tightness|squeezing|ache|aching|discomfort|heaviness|crushing|weight|elephant', 'chest|=chesst'],
    gap: 3,
    negatable: true,
    veto: ['drawers', 'drawer', 'freezer', 'cooler', 'toy', 'treasure', 'box', 'press', 'workout', 'gym', 'tattoo'],
  },
  {
    id: 'heart_attack',
    category: C.cardiac,
    slots: ['heart|=hart|=heat', '~attack|=atack|=attak|=attck'],
    gap: 0,
    negatable: true,
    vetoPrev: ['nearly', 'almost', 'practically', 'basically', 'gave', 'give', 'giving', 'gives', 'literally'],
    veto: [PRICE_TALK, 'burger', 'sandwich', 'plate', 'menu', 'dessert', 'movie', 'song', 'album', 'game', 'video', 'grill', 'restaurant', 'table', 'reservation', 'diner'],
  },
  { id: 'cardiac_arrest', category: C.cardiac, slots: ['cardiac|heart', 'arrest|stopped|has stopped|stopping'], gap: 1, negatable: true, veto: ['hearts'] },
  {
    id: 'radiating_pain',
    category: C.cardiac,
    slots: ['pain|pressure|ache|tightness|squeezing|crushing', 'radiat*|spreading|spreads|shooting|going|moving|travelling|traveling', 'arm|arms|jaw|shoulder|neck|back'],
    gap: 3,
    negatable: true,
  },
  { id: 'heart_squeezed', category: C.cardiac, slots: ['heart', 'squeezed|squeezing|being squeezed|crushed|crushing|being crushed|in a vice|in a vise'], gap: 2, negatable: true, veto: ['song', 'movie', 'story', 'news', 'lyrics', 'book'] },
  { id: 'weight_on_chest', category: C.cardiac, slots: ['sitting on|weight on|pressing on|pressing down on|standing on|pushing on|pushing down on', 'my chest|his chest|her chest|the chest'], gap: 1, negatable: true },
  { id: 'crushing_pressure', category: C.cardiac, slots: ['crushing|squeezing', 'pressure|pain|feeling|weight'], gap: 2, negatable: true },
  {
    id: 'person_collapsed',
    category: C.cardiac,
    slots: [PERSON, 'unresponsive|~unresponsive|unconscious|collapsed|=collasped|passed out|not waking up|wont wake up|isnt waking up|cant wake|not breathing|no pulse|fainted|fell unconscious|not responding|isnt responding|stopped responding|not moving'],
    gap: 3,
    negatable: true,
    veto: ['email', 'emails', 'messages', 'message', 'calls', 'texts', 'letters', 'ticket', 'app', 'website', 'server', 'laughing', 'laughter', 'couch', 'sofa', 'party', 'drunk', 'seller', 'vendor', 'landlord', 'agent', 'support', 'refund', 'money', 'company', 'contractor', 'plumber', 'lawyer', 'attorney', 'dispute', 'claim', 'requests', 'request', 'dms', 'voicemail', 'voicemails', 'inquiry', 'complaint', 'complaints', PRODUCT_TALK],
  },
  {
    id: 'unresponsive',
    category: C.cardiac,
    slots: ['=unresponsive|~unresponsive|=unconscious|=unconcious|=unconsious'],
    negatable: true,
    veto: ['app', 'apps', 'website', 'site', 'page', 'screen', 'touchscreen', 'server', 'computer', 'laptop', 'phone', 'tablet', 'button', 'buttons', 'keyboard', 'mouse', 'system', 'browser', 'tab', 'program', 'software', 'game', 'controller', 'remote', 'tv', 'printer', 'device', 'support', 'team', 'seller', 'vendor', 'agent', 'agents', 'service', 'company', 'landlord', 'store', 'shop', 'bank', 'staff', 'manager', 'office', 'chat', 'bot', 'emails', 'email', 'inbox', 'bias', 'mind', 'decision', 'brand', 'market', 'customers', 'audience', 'students', 'class'],
  },
  { id: 'no_pulse', category: C.cardiac, slots: ['no|cant find|cannot find', 'pulse|heartbeat'], gap: 2, veto: ['market', 'company', 'team'] },
  { id: 'needs_cpr', category: C.cardiac, slots: ['doing|giving|need|needs|start|started|do|perform|performing', '=cpr|=aed|defibrillator'], gap: 3, veto: ['class', 'course', 'classes', 'training', 'certification', 'certified', 'renew', 'card', PRODUCT_TALK] },

  // ---- stroke (and other acute neurological signs) -------------------------------------------------------
  {
    id: 'face_drooping',
    category: C.stroke,
    slots: ['face|mouth|smile|eyelid|side of his face|side of her face|side of my face', 'droop*|sagging|sags|sagged|numb|lopsided|uneven|fallen|falling|crooked|paralyzed|paralysed'],
    gap: 3,
    negatable: true,
    veto: ['emoji', 'cream', 'serum', 'mask', 'lift', 'filler', 'fillers', 'botox', 'wrinkles', 'clock', 'watch', 'product'],
  },
  { id: 'slurred_speech', category: C.stroke, slots: ['=slurred|=slurring|=slured|=slurrs|=slurry speech'], negatable: true, veto: ['drunk', 'concrete', 'cement', 'mix'] },
  { id: 'speech_garbled', category: C.stroke, slots: ['speech|talking|words|speaking', 'slurred|garbled|jumbled|=gibberish|=nonsense|=weird|=strange|=funny'], gap: 2, negatable: true, veto: ['free', 'app', 'recognition', 'text', 'translation', 'bot', 'software', 'podcast', 'lawyer', 'contract', 'legal', 'agreement', 'terms', 'clause'] },
  { id: 'cant_speak', category: C.stroke, slots: ['suddenly|sudden', 'cant|cannot|unable to|can not', 'speak|talk|move|see|walk|lift|raise'], gap: 2, negatable: true },
  {
    id: 'one_side_weak',
    category: C.stroke,
    slots: ['numb|numbness|weak|weakness|paralyz*|paralys*|tingling|droop*|cant move|cannot move|cant feel|cannot feel|limp', 'one side|left side|right side|half of his|half of her|half of my|half his|half her|half my|one arm|left arm|right arm|one leg'],
    gap: 4,
    negatable: true,
    veto: ['steering', 'car', 'tire', 'tires', 'screen', 'bed', 'mattress', 'pillow', 'headphones', 'earbuds', 'speaker', 'sleeping', 'slept'],
  },
  {
    id: 'one_side_weak_reverse',
    category: C.stroke,
    slots: ['one side|left side|right side|half of his|half of her|half of my|half his|half her|half my|whole left|whole right', 'numb|numbness|weak|weakness|paralyz*|paralys*|droop*|tingling|gone dead|went dead|cant move|limp'],
    gap: 4,
    negatable: true,
    veto: ['steering', 'car', 'tire', 'tires', 'screen', 'bed', 'mattress', 'pillow', 'headphones', 'earbuds', 'speaker', 'sleeping', 'slept'],
  },
  {
    id: 'having_stroke',
    category: C.stroke,
    slots: ['having|had|has|=symptoms|=signs|think|thinks|might|maybe|is|hes|shes|im|having a|just had', 'stroke|=strok|=storke|=stroek'],
    gap: 3,
    negatable: true,
    veto: ['luck', 'genius', 'brush', 'pen', 'midnight', 'master', 'swim', 'swimming', 'backstroke', 'key', 'keystroke', 'paint', 'painting', 'golf', 'piston', 'engine', 'tennis', 'oar', 'insight', 'fortune', 'cat', 'dog', 'stroke of', 'laptop', 'computer', 'pc', 'printer', 'server', 'app', 'tv', 'phone', 'router', 'website', 'system', 'engine', 'last year', 'years ago', 'months ago', 'ago', 'history', 'recovering', 'recovery', 'rehab', 'therapy', 'insurance', 'claim', 'disability', 'records', 'after his', 'after her', 'after my', 'since his', 'since her', 'since my'],
  },
  { id: 'worst_headache', category: C.stroke, slots: ['worst|sudden|severe|excruciating|blinding|thunderclap', 'headache|head pain'], gap: 2, negatable: true, veto: ['giving', 'gives', 'gave', 'give', 'given', 'this', 'paperwork', 'process', 'website', 'bill', 'billing', 'company', 'account'] },
  {
    id: 'seizure',
    category: C.stroke,
    slots: ['=seizure|=seizures|=siezure|=seizre|~seizure|=seizing|=siezing|=convulsing|convulsions|=convulsion|=convulsed'],
    vetoNext: ['up', 'the', 'assets', 'property', 'control', 'power', 'opportunity', 'moment', 'day', 'chance'],
    negatable: true,
    veto: ['asset', 'assets', 'property', 'properties', 'vehicle', 'car', 'court', 'police', 'bank', 'account', 'search', 'warrant', 'funds', 'goods', 'customs', 'engine', 'motor', 'brakes', 'house', 'home', 'land', 'estate', 'cash', 'money', 'seizing up', 'seized', 'forfeiture', 'irs', 'law', 'legal', 'lawyer', 'attorney', 'shipment', 'cargo', 'opportunity', 'moment', 'day', 'initiative', 'control'],
  },

  // ---- breathing ---------------------------------------------------------------------------------------
  {
    id: 'cant_breathe',
    category: C.breathing,
    slots: ['cant|cannot|can not|unable to|struggling to|hard to|difficulty|difficult to|trouble|hardly|barely|couldnt|not able to|=cnt|=cnat|labored|laboured|fighting to|problems', '~breathe|~breathing|~breath|=breathin|=breth|=brethe|=breath'],
    gap: 2,
    negatable: true,
    veto: ['away', 'fresh', 'mint', 'mints', 'freshener', 'spray', 'wait', 'waiting', 'excitement', 'laughing', 'laughter', 'customer', 'neck', 'deal', 'bad breath', 'smell', 'smells', 'odor', 'odour', 'halitosis', 'morning breath'],
  },
  { id: 'not_breathing', category: C.breathing, slots: ['not|isnt|stopped|stop|no longer|wasnt|arent|quit', '~breathing|breathe'], gap: 1, veto: ['fabric', 'material', 'shirt', 'mask', 'jacket', 'sleeping bag', 'tent', 'down my neck'] },
  { id: 'short_of_breath', category: C.breathing, slots: ['short|shortness|=sob|out', 'of', '~breath'], gap: 0, negatable: true, veto: ['run', 'running', 'ran', 'jog', 'jogging', 'stairs', 'workout', 'gym', 'exercise', 'hike', 'laughing', 'sprint', 'race'] },
  { id: 'choking_on', category: C.breathing, slots: ['choking|choked|chokes|=chocking', 'on'], gap: 0, veto: [PRICE_TALK, 'words', 'tears', 'laughter', 'irony', 'smoke from', 'dust'] },
  { id: 'person_choking', category: C.breathing, slots: [`${PERSON}|${CHILD}|im|i am|is|hes|shes|i think|help`, 'choking|=chocking|chokes'], gap: 2, vetoNext: ['up', 'hazard', 'hazards'], veto: [PRICE_TALK, 'hazard', 'warning', 'label', 'toy', 'toys', 'game', 'team', 'playoffs', 'finals', 'match'] },
  {
    id: 'turning_blue',
    category: C.breathing,
    slots: ['=turning|=turned|=going|=gone|=goes|=turns|=getting|=went', 'blue|purple|grey|gray'],
    gap: 1,
    veto: ['screen', 'laptop', 'computer', 'phone', 'display', 'light', 'lights', 'led', 'sky', 'water', 'hair', 'dye', 'paint', 'color', 'colour', 'shirt', 'jeans', 'fabric', 'wall', 'walls', 'car', 'sweater', 'sign', 'icon', 'button', 'mood', 'ring', 'flame', 'cheese', 'meat', 'beard', 'logo', 'theme', 'once', 'jetblue', 'kid', 'team', 'wolverines', 'michigan', 'vote', 'state', 'democrats', 'democrat', 'district', 'county'],
  },
  { id: 'lips_blue', category: C.breathing, slots: ['lips|lip|face|skin|fingers|fingernails|nails', 'blue|purple|bluish|grey|gray'], gap: 2, veto: ['lipstick', 'polish', 'paint', 'dye', 'makeup', 'color', 'colour', 'shade', 'gloss', 'shirt', 'mask', 'costume', 'emoji', PRODUCT_TALK] },
  { id: 'gasping', category: C.breathing, slots: ['gasping|gasps|gasped', 'air|breath'], gap: 2 },
  { id: 'asthma_attack', category: C.breathing, slots: ['asthma', '~attack|attacks|flare'], gap: 2, negatable: true },
  { id: 'inhaler_failing', category: C.breathing, slots: ['inhaler|nebulizer|puffer', 'not working|isnt working|doesnt work|not helping|isnt helping|didnt help|empty|ran out'], gap: 2, veto: [PRODUCT_TALK, 'refill', 'prescription', 'pharmacy', 'insurance', 'copay'] },

  // ---- severe bleeding ---------------------------------------------------------------------------------
  { id: 'wont_stop_bleeding', category: C.bleeding, slots: ['wont|will not|cant|cannot|can not|doesnt|isnt|not|wouldnt|couldnt|hasnt|didnt|unable to', 'stop|stopping|stopped', '~bleeding|bleed|bleeds|the bleeding|=bleading|blood'], gap: 1 },
  { id: 'bleeding_heavily', category: C.bleeding, slots: ['~bleeding|bleed|bleeds|bled|=bleading|=bleding', 'heavily|badly|a lot|lots|profusely|everywhere|nonstop|non stop|severely|like crazy|so much|too much|out|through|heavy|hard|=bad|constantly|really bad|from his|from her|from my head|from the head'], gap: 2, vetoNext: ['edge', 'heart', 'hearts', 'money', 'cash', 'customers', 'subscribers', 'users', 'out of the'], veto: ['money', 'cash', 'edge', 'customers', 'ink', 'colors', 'colours', 'dye', 'paint', 'wallet', 'account', 'budget', 'subscribers'] },
  { id: 'bleeding_long', category: C.bleeding, slots: ['~bleeding|bleed|bleeds|=bleading', 'wont stop|will not stop|doesnt stop|not stopping|hasnt stopped|isnt stopping|keeps going|for an hour|for hours|for over an hour|for over|=nonstop'], gap: 4, negatable: true, veto: ['money', 'cash', 'edge', 'customers', 'ink', 'colors', 'colours', 'dye', 'paint', 'wallet', 'account', 'budget', 'subscribers', 'gums', 'period'] },
  { id: 'heavy_bleeding', category: C.bleeding, slots: ['heavy|severe|serious|uncontrollable|uncontrolled|massive|lots of|a lot of|so much|too much|pool of|gushing|pouring|spurting|arterial|bright red', '~bleeding|blood|=bleading'], gap: 1, negatable: true, veto: ['donor', 'donors', 'donation', 'donate', 'drive', 'test', 'tests', 'testing', 'pressure', 'sugar', 'type', 'work', 'bank', 'orange', 'oranges', 'moon', 'sausage', 'pudding', 'movie', 'film', 'game', 'bath', 'cells', 'panel', 'results', 'draw', 'glucose', 'period'] },
  { id: 'blood_everywhere', category: C.bleeding, slots: ['blood', 'everywhere|gushing|pouring|spurting|squirting|all over|wont stop|coming out|soaked|soaking'], gap: 2, negatable: true, veto: ['movie', 'film', 'game', 'scene', 'costume', 'halloween', 'fake', 'prop'] },
  { id: 'coughing_blood', category: C.bleeding, slots: ['coughing|cough|coughed|vomiting|vomit|vomited|throwing up|threw up|puking|puked|spitting', 'blood|up blood'], gap: 1, negatable: true },
  { id: 'deep_wound', category: C.bleeding, slots: ['deep|huge|big|bad|gaping|open', 'cut|cuts|wound|gash|laceration'], gap: 1, negatable: true, veto: [PRICE_TALK, 'rates', 'rate', 'budget', 'budgets', 'jobs', 'staff', 'tax', 'taxes', 'spending', 'funding', 'salary', 'salaries', 'wages', 'hair', 'haircut', 'scene', 'movie', 'film', 'edit', 'director', 'album', 'track', 'song', 'diamond', 'meat', 'steak', 'beef', 'fabric', 'jeans', 'dress', 'neckline'] },

  // ---- overdose / poisoning ----------------------------------------------------------------------------
  { id: 'took_too_many', category: C.overdose, slots: ['took|taken|take|swallowed|ate|had|taking|popped|downed|took like|gave|given|drank', 'too many|too much|a whole bottle|whole bottle|an entire bottle|entire bottle|the whole bottle|a bottle of|bottle of|the bottle of|half a bottle of|=dozens|=forty|=fifty|=thirty|=twenty|a handful|handful|a bunch of|bunch of|way too many|dozens of|double|all of', PILLS], gap: 2 },
  { id: 'took_many_pills', category: C.overdose, slots: ['took|swallowed|taken|ate|had|popped|downed|took like|took about|took around', '#bignum', PILLS], gap: 1, veto: ['mg', 'milligrams', 'ml', 'days', 'weeks', 'months', 'years', 'over', 'since', 'prescribed', 'prescription', 'refill'] },
  { id: 'too_many_pills', category: C.overdose, slots: ['too many|too much|a whole bottle|whole bottle|the whole bottle|entire bottle|handful of', PILLS], gap: 2, vetoPrev: ['sell', 'sells', 'selling', 'stock', 'order', 'ordered', 'buy', 'bought', 'ship', 'shipped', 'charged', 'cost'] },
  { id: 'overdose', category: C.overdose, slots: ["~overdosed|~overdosing|=overdose|=overdoze|=overdos|=overdosd|=oded|=od'd|=od'ed|=odding"], negatable: true, vetoNext: ['limit', 'limits', 'threshold'], veto: ['eye', 'eyes', 'lens', 'lenses', 'prescription', 'glasses', 'optometrist', 'sphere', 'cylinder', 'axis', 'number', 'even'] },
  { id: 'overdose_short', category: C.overdose, slots: ['he|she|i|ive|im|just|might|has|have|think|probably|friend|son|daughter', "=oded|=od|=od'd|=od'ed"], gap: 1, veto: ['eye', 'eyes', 'lens', 'glasses', 'prescription', 'number', 'numbers', 'socks', 'shoes'] },
  {
    id: 'swallowed_poison',
    category: C.overdose,
    slots: ['swallowed|swallow|drank|drink|drinking|ate|eaten|eating|ingested|ingest|got into|chewed|licked|=swalowed|=swolled|=drunk', 'bleach|antifreeze|anti freeze|detergent|tide pod|tide pods|laundry pod|laundry pods|dishwasher pod|rat poison|poison|cleaning|cleaner|drain cleaner|pesticide|pesticides|weed killer|button battery|batteries|battery|lighter fluid|gasoline|petrol|paint thinner|windex|chemicals|chemical|ammonia|lye|mouse poison|roundup|nicotine|vape juice|e liquid|rubbing alcohol|mothballs|magnets|magnet|a coin'],
    gap: 3,
    veto: ['ivy', 'oak', 'sumac', 'apple', 'mushrooms'],
  },
  { id: 'poisoned', category: C.overdose, slots: ['~poisoned|=poisening|carbon monoxide|gas leak|smell gas|smells like gas'], negatable: true, veto: ['detector', 'detectors', 'alarm battery', 'install', 'installed', 'installation', 'inspection', 'food', 'well', 'chalice', 'ivy', 'apple', 'relationship', 'atmosphere', 'mind', 'minds', 'against', 'pen', 'station', 'stations', 'candle', 'candles', 'coffee', 'mileage', 'tank', 'grill', 'stove', 'fireplace', PRODUCT_TALK] },
  { id: 'poison_control', category: C.overdose, slots: ['poison control|poison center|poison centre|poison hotline'], veto: [PRODUCT_TALK] },
  { id: 'drugs_unresponsive', category: C.overdose, slots: ['took|taken|using|used|smoked|injected|snorted|on|shot up', 'something|drugs|heroin|fentanyl|meth|pills|cocaine|crack', 'wont wake|not waking|unresponsive|not breathing|passed out|blue|foaming|overdosing'], gap: 6 },

  // ---- anaphylaxis -------------------------------------------------------------------------------------
  { id: 'throat_closing', category: C.anaphylaxis, slots: ['throat|airway|windpipe', 'closing|closing up|swelling|swelled|swollen|swells|tight|tightening|tightens|closed|shut|shutting'], gap: 3, negatable: true, veto: ['sore', 'scratchy', 'lozenge', 'lozenges', 'spray', 'drops'] },
  { id: 'tongue_swelling', category: C.anaphylaxis, slots: ['tongue|lips|lip|face|mouth|eyes', 'swelling|swollen|swelled|swell|puffing up|blowing up|=swolen|=sweling'], gap: 3, negatable: true, veto: ['filler', 'fillers', 'injection', 'injections', 'botox', 'plumper', 'plumping', 'gloss', 'balm', 'serum', 'cream', 'mask', 'dentist', 'tooth', 'wisdom', 'extraction', 'surgery', 'procedure', 'piercing', 'tattoo', PRODUCT_TALK] },
  { id: 'anaphylaxis', category: C.anaphylaxis, slots: ['~anaphylaxis|~anaphylactic|=anaphalactic|=anaphylatic|=anafylaxis|anaphylactic shock|allergic shock|=anaphylaxsis'], negatable: true, veto: ['training', 'course', 'class', 'policy', 'plan', 'kit', PRODUCT_TALK] },
  { id: 'need_epipen', category: C.anaphylaxis, slots: ['used|use|using|gave|give|giving|injected|inject|administered|need|needs|needed|grab|get|where is|cant find|jabbed', '=epipen|=epipens|epi pen|=epi|epinephrine|adrenaline pen|auto injector|autoinjector|=epi-pen'], gap: 2, veto: ['refill', 'refills', 'prescription', 'renew', 'price', 'prices', 'coupon', 'insurance', 'copay', 'cover', 'covered', 'pharmacy', 'order', 'ordered', 'buy', 'case', 'holder', 'pouch', 'trainer', 'expired', 'expiring', 'expire', 'school', 'form', 'forms', 'authorization'] },
  { id: 'allergic_reaction', category: C.anaphylaxis, slots: ['having|having a|severe|bad|serious|major|=huge|massive|going into|is having|hes having|shes having|im having', 'allergic reaction|allergy attack|reaction'], gap: 2, negatable: true, veto: ['chemical', 'chemicals', 'nuclear', 'market', 'stock', 'audience', 'fans', 'customers', 'critics', 'public', 'internet', 'twitter', 'mixed', 'initial', 'first', 'gut', 'his', 'her', 'their', 'my', 'your', 'our', 'email', 'news', 'post', 'price', 'prices', 'strong', 'knee', 'jerk'] },
  { id: 'hives_breathing', category: C.anaphylaxis, slots: ['hives|rash|welts', 'throat|breathe|breathing|breath|swelling|swollen|tongue|lips|dizzy|wheezing'], gap: 6, negatable: true },
  { id: 'ate_allergen_reaction', category: C.anaphylaxis, slots: ['after eating|after he ate|after she ate|after i ate|ate|eaten|eating|after taking', 'peanut|peanuts|nuts|nut|shellfish|shrimp|penicillin|bee|sesame|fish|eggs|wheat', 'swelling|swollen|throat|cant breathe|hives|wheezing|reaction|tight'], gap: 6, negatable: true },
  { id: 'stung_reaction', category: C.anaphylaxis, slots: ['stung|sting|bee|wasp|hornet', 'swelling|swollen|throat|cant breathe|breathing|hives|dizzy|face'], gap: 6, negatable: true, veto: ['sting operation', 'police', 'band', 'concert', 'song', 'album'] },

  // ---- suicide / self-harm (never negated: "I don't want to live" is itself the signal) -----------------
  { id: 'kill_myself', category: C.selfHarm, slots: ['kill|killing|=kil|=kms|end|ending|off|hang|hanging|shoot|drown|poison|overdose|=unalive', 'myself|my self|me self|=myslef|=mysefl|=meself|=mself|himself|herself|themselves|themself'], gap: 1, vetoNext: ['laughing', 'laugh', 'with laughter', 'trying', 'working', 'over', 'for this', 'studying', 'at work', 'at the gym', 'in the gym'] },
  { id: 'kms', category: C.selfHarm, slots: ['=kms'], vetoPrev: ['#num', 'few', 'several', 'many', 'some', 'the', 'of', 'per', 'in'], vetoNext: ['away', 'from', 'per', 'an', 'a', 'of', 'north', 'south', 'east', 'west', 'long', 'away', 'drive', 'ride', 'run', 'walk'] },
  { id: 'take_my_life', category: C.selfHarm, slots: ['take|taking|took', 'my life|my own life|his own life|her own life|their own life|his life|her life'], gap: 1, vetoNext: ['savings', 'insurance', 'story', 'policy', 'back', 'in my hands', 'into my', 'seriously', 'for granted'], veto: ['savings', 'insurance', 'policy', 'pension', 'retirement', 'course', 'class', 'photos'] },
  { id: 'end_my_life', category: C.selfHarm, slots: ['end|ending|=ened|finish', 'my life|my own life|it all|everything|my existence|my suffering|his life|her life|their life|his own life|her own life'], gap: 0, vetoNext: ['savings', 'insurance', 'story', 'policy', 'in my cart', 'in the cart', 'work', 'back', 'home', 'out', 'for'], veto: ['subscription', 'contract', 'lease', 'membership', 'account', 'plan', 'order', 'cart', 'trial', 'policy', 'insurance', 'savings', 'pension', 'annuity', 'retirement'] },
  { id: 'suicidal', category: C.selfHarm, slots: ['~suicidal|~suicide|=sucidal|=suicdal|=suiside|=suicidle|=sucide|=suecide|suicid*'], vetoNext: ['covered', 'clause', 'exclusion', 'coverage', 'provision', 'rider', 'squad', 'doors', 'door', 'bomber', 'bombers', 'is the second', 'is the leading', 'rates', 'rate', 'statistics', 'awareness', 'prevention'], veto: ['squad', 'doors', 'door', 'bomber', 'bombers', 'mission', 'blonde', 'kings', 'machine', 'song', 'album', 'movie', 'film', 'game', 'forest', 'run', 'runs', 'drills', 'sprints'] },
  { id: 'dont_want_to_live', category: C.selfHarm, slots: ['dont|do not|no longer|never|=dnt|=dont|doesnt|didnt|not', 'want|wanna|wish|feel like', 'to live|to be alive|to exist|to wake up|live|to go on|to keep living|to continue living|to be alive anymore|alive'], gap: 1, vetoNext: ['in', 'near', 'with', 'there', 'here', 'at', 'on', 'by', 'next', 'close', 'far', 'somewhere', 'anywhere', 'downtown', 'abroad', 'upstairs', 'downstairs', 'out', 'alone', 'together', 'off'] },
  { id: 'dont_want_to_be_here', category: C.selfHarm, slots: ['dont|do not|no longer', 'want|wanna', 'to be here|be here|to be around|be around|to be on this earth|to be on earth', 'anymore|any more|no more|ever again|on this earth|=anymore'], gap: 1 },
  { id: 'want_to_die', category: C.selfHarm, slots: ['want|wanna|going|gonna|ready|wish|wishing|deserve|like|rather|thinking about|think about|about', 'to die|i could die|i was dead|i were dead|die|dying|to be dead|be dead|to not exist|to disappear forever'], gap: 2, vetoNext: ['of', 'for', 'laughing', 'from', 'out', 'down', 'off', 'young'], veto: ['laughter', 'laughing', 'embarrassment', 'boredom', 'cuteness', 'happiness', 'hungry', 'hunger', 'thirst', 'curiosity', 'dye', 'hair', 'color', 'battery', 'phone', 'laptop', 'plant', 'plants', 'car', 'engine', 'flowers', 'fish', 'pet', 'dog', 'cat', 'game', 'character', 'series', 'show', 'movie', 'book', 'cold', 'heat', 'cringe', 'funny', 'lol', 'haha', 'lmao', 'jealous', 'jealousy', 'envy', 'dress', 'shoes', 'bag', 'price', 'deal', 'sale', 'dying to', 'ever', 'warranty', 'die hard', 'dead line', 'dead end', 'deadline', 'dead zone', 'dead pixel', 'dead battery', 'dead link', 'dead on arrival', 'arrived dead', 'zombie', 'walking dead', 'dead or alive', 'pay', 'paying', 'happy', 'insurance', 'policy', 'will', 'estate', 'beneficiary', 'inheritance', 'executor', 'probate', 'trust', 'assets', 'account', 'accounts', 'funeral', 'burial', 'order', 'package', 'delivery', 'shipping', 'bill', 'fee', 'charge', 'cost'] },
  { id: 'self_harm', category: C.selfHarm, slots: ['hurting|harming|cutting|burning|starving|hurt|harm|cut|burn|punish|punishing|=cuttin', 'myself|my self|=meself|=myslef|himself|herself|themselves|themself'], gap: 0, vetoNext: ['on', 'shaving', 'while', 'with the', 'opening', 'cooking', 'chopping', 'slicing', 'in the kitchen', 'a slice', 'some slack', 'a break', 'off', 'short', 'out'], veto: ['shaving', 'shave', 'knife set', 'package', 'packaging', 'box', 'paper', 'glass', 'kitchen', 'cooking', 'cake', 'pizza', 'bread', 'hair', 'bangs', 'razor blade refill', 'slack', 'break', 'some', 'piece', 'deal', 'loose', 'stove', 'oven', 'iron', 'curling', 'sun', 'sunburn', 'lifting', 'gym', 'workout', 'back', 'ankle', 'knee', 'wrist', 'assembling', 'assembly', 'tripped', 'fell', 'slipped', 'playing'] },
  { id: 'self_harm_intent', category: C.selfHarm, slots: ['want|wanna|going|gonna|thinking|thought|think|urge|urges|feel like|plan|planning|tempted|might|will|keep', 'to hurt|hurt|to harm|harm|to cut|cut|to kill|kill|to burn|to end|end', 'myself|my self|my life|himself|herself|themselves|his life|her life|their life'], gap: 2 },
  { id: 'self_harm_words', category: C.selfHarm, slots: ['self harm|self-harm|=selfharm|self harming|self injury|self injuring|self mutilation'], veto: ['policy', 'training', 'course', 'article', 'research', 'awareness', 'prevention', 'book'] },
  { id: 'no_reason_to_live', category: C.selfHarm, slots: ['no|nothing|nothing left|nobody|no one', 'reason to live|point in living|reason to go on|point living|point going on|point anymore|to live for|would miss me|will miss me|cares if i die|care if i die'], gap: 2 },
  { id: 'better_off_dead', category: C.selfHarm, slots: ['better off|be better', 'dead|without me|if i died|if i was gone|if i were gone|gone'], gap: 2, veto: ['product', 'company', 'plan', 'option', 'service', 'version', 'app', 'cancel', 'canceling', 'cancelling', 'switching', 'provider', 'bank', 'carrier', 'insurance', 'competitor', 'offer', 'account'] },
  { id: 'cant_go_on', category: C.selfHarm, slots: ['cant|cannot|can not|=cnt', 'go on|keep going|do this anymore|live like this|live with this|go on living|keep living|bear it anymore|bear to live'], gap: 1, vetoNext: ['with', 'waiting', 'paying', 'using', 'the', 'about', 'forever', 'like this with', 'a trip', 'vacation', 'holiday', 'the trip', 'tour', 'the tour', 'without'], veto: [PRODUCT_TALK, PRICE_TALK, 'waiting', 'hold', 'service', 'internet', 'wifi', 'app', 'website', 'company', 'bank', 'account', 'trip', 'vacation', 'holiday', 'tour', 'cruise', 'flight', 'hike', 'ride', 'internet', 'connection', 'signal', 'phone', 'laptop', 'computer', 'printer', 'car', 'bot', 'support', 'agent', 'queue', 'line', 'paperwork', 'forms', 'process', 'leg', 'knee', 'ankle', 'foot', 'injury', 'battery'] },
  { id: 'jump_off', category: C.selfHarm, slots: ['jump|jumping|throw myself|leap', 'off|from|in front of', 'bridge|roof|building|balcony|cliff|train|tower|window|ledge'], gap: 3, veto: ['bungee', 'diving', 'pool', 'lake', 'river', 'swim', 'trampoline', 'parachute', 'skydiving', 'game', 'video', 'jump off point', 'jumping off point', 'ideas'] },
  { id: 'not_worth_living', category: C.selfHarm, slots: ['life|living', 'not worth|isnt worth|no longer worth|is pointless|meaningless'], gap: 2, veto: ['subscription', 'plan', 'product', 'price', 'upgrade', 'version'] },
  { id: 'goodbye_note', category: C.selfHarm, slots: ['wrote|writing|write|left|leaving', 'a suicide note|suicide note|goodbye letter|goodbye note|goodbye letters|final note|last note'], gap: 2 },

  {
    id: 'epipen_not_enough',
    decisive: true,
    category: C.anaphylaxis,
    slots: ['=epipen|=epipens|epi pen|=epi-pen|epinephrine|adrenaline|auto injector|autoinjector', 'not getting better|isnt getting better|not better|not helping|isnt helping|didnt help|hasnt helped|not working|isnt working|didnt work|still swelling|still swollen|still cant breathe|still wheezing|getting worse|worse|wearing off|wore off|coming back|second dose|another dose|second pen|another pen|both pens'],
    gap: 6,
    negatable: true,
    veto: ['refill', 'refills', 'prescription', 'renew', 'price', 'prices', 'coupon', 'insurance', 'copay', 'cover', 'covered', 'pharmacy', 'order', 'ordered', 'buy', 'case', 'holder', 'pouch', 'trainer', 'expired', 'expiring', 'expire', 'school', 'form', 'forms', 'authorization', 'how do', 'how does', 'what if', 'article', 'class', 'training'],
  },
  // ---- violence / threats ------------------------------------------------------------------------------
  {
    id: 'threat_to_harm',
    category: C.violence,
    slots: ['going to|gonna|ill|im going to|want to|wanna|about to|threatened to|threatening to|threatens to|trying to|tried to|try to|plan to|planning to|says hell|said hed|says he will|said he would|swear ill|gotta', 'kill|~murder|shoot|stab|strangle|hurt|beat up|burn down|blow up|~kil|=kil|slit|break his|break her|run over|choke|harm|attack|poison|bomb', 'him|her|you|them|someone|somebody|everyone|everybody|people|my|his|their|our|this place|the building|the store|the office|the kids|the baby|y all|yall|ya|u|that'],
    gap: 1,
    vetoNext: ['deal', 'offer', 'price', 'interview', 'exam', 'test', 'game', 'competition', 'record', 'time', 'chances', 'mood', 'vibe', 'buzz', 'bill', 'idea', 'plan', 'bugs', 'bug', 'weeds', 'process', 'lights', 'light', 'music', 'engine', 'motor', 'app', 'battery', 'photos', 'pictures', 'video', 'scene', 'film', 'movie', 'project', 'presentation', 'crowd', 'competitors', 'rush', 'heat', 'traffic', 'odds', 'subscription', 'credit', 'cards', 'card', 'budget', 'chance', 'shots', 'shot', 'paint', 'grass', 'lawn', 'beat', 'laughing'],
    veto: ['figuratively', 'joking', 'kidding', 'email', 'emails', 'message', 'text', 'texts', 'note', 'dm', 'reply', 'quote', 'invoice', 'link', 'kindness', 'compliments', 'lol', 'haha', 'lmao', 'metaphor', 'game', 'gaming', 'fortnite', 'minecraft', 'character', 'boss level', 'level', 'workout', 'gym', 'photo', 'photos', 'photoshoot', 'video', 'film', 'movie', 'camera', 'scene', 'interview', 'exam', 'presentation', 'zombies', 'monsters', 'weeds', 'bugs', 'bacteria', 'germs', 'mosquitoes', 'ants', 'roaches', 'pests', 'flies', 'killer', 'diet', 'calories', 'price', 'prices', 'deal', 'sale', 'discount', 'coupon', 'hunger', 'hungry', 'coffee', 'pizza', 'cravings', 'for a', 'for some', 'feelings', 'feeling', 'chance', 'chances', 'ego', 'pride', 'wallet', 'budget', 'rating', 'ratings', 'credit score', 'grade', 'grades', 'eyes', 'ears', 'back', 'knees', 'feet', 'shoes', 'heels'],
  },
  {
    id: 'will_kill',
    category: C.violence,
    slots: ['will|=wil|might|=ima|=imma|=gonna|=finna', 'kill|murder|shoot|stab|strangle|=kil', 'him|her|them|you|someone|somebody|my|his|everyone|everybody|this guy|that guy|this man|that man|this woman|that woman|the guy'],
    gap: 1,
    vetoNext: ['deal', 'offer', 'price', 'interview', 'exam', 'test', 'game', 'vibe', 'mood', 'idea', 'plan', 'process', 'app', 'battery', 'project', 'chances', 'time', 'buzz'],
    veto: ['joking', 'kidding', 'lol', 'haha', 'lmao', 'figuratively', 'email', 'text', 'message', 'note', 'photo', 'photos', 'video', 'scene', 'film', 'movie', 'game', 'kindness', 'compliments', 'price', 'prices', 'deal', 'fees', 'bill', 'bills', 'interview', 'exam', 'presentation', 'weeds', 'bugs', 'germs', 'bacteria', 'plants', 'plant', 'diet', 'calories', 'vibe', 'mood', 'buzz', 'battery', 'project', 'anniversary', 'birthday', 'forget', 'forgot', 'spent', 'spending', 'shopping', 'late', 'grades', 'feelings', 'back', 'knees', 'feet'],
  },
  {
    id: 'abuser_hits',
    category: C.violence,
    slots: [PERSON + '|they|dad|father|stepdad|stepfather|ex|parents|someone', 'hits|hit|hitting|beat|beats|beating|beaten|punched|punches|punching|kicked|kicks|kicking|choked|chokes|choking|strangled|strangles|slapped|slaps|attacked|attacking|attacks|threatened|threatening|threatens|stabbed|stabbing|shot|shooting|abuses|abused|abusing|raped|hurts|hurting|hurt|pushed|shoved|grabbed|burned|locked|assaulted|assaulting|~strangled', 'me|us|my|her|him|the kids|kids|children|the baby|mom|his|them'],
    gap: 2,
    vetoNext: ['up'],
    veto: ['liable', 'liability', 'property', 'premises', 'insured', 'insurance', 'car', 'truck', 'bike', 'mailbox', 'fence', 'vehicle', 'parked', 'chess', 'game', 'games', 'match', 'race', 'score', 'record', 'price', 'prices', 'deal', 'offer', 'quote', 'bid', 'auction', 'level', 'jackpot', 'lottery', 'golf', 'ball', 'tennis', 'poker', 'cards', 'argument', 'debate', 'with a fine', 'with fees', 'with a fee', 'with charges', 'with a lawsuit', 'lawsuit', 'legal action', 'sue', 'suing', 'court', 'eviction', 'evict', 'collections', 'collection', 'credit', 'report', 'late fee', 'fee', 'fees', 'bill', 'bills', 'invoice', 'charge', 'charges', 'tax', 'taxes', 'storm', 'hurricane', 'traffic', 'inflation', 'recession', 'stock', 'market', 'heat', 'hard times', 'covid', 'flu', 'cold', 'allergies', 'hay fever', 'jet lag', 'hangover', 'photo', 'photos', 'video', 'photograph', 'picture', 'pictures', 'wedding', 'reply', 'email', 'emails', 'message', 'messages', 'text', 'texts', 'spam', 'calls', 'ads', 'notifications', 'beat me to', 'beats me', 'beat us to', 'beat me at', 'beat us at', 'feelings', 'pride', 'ego', 'back', 'shoulder', 'knee', 'neck', 'wrist', 'ankle', 'leg', 'foot', 'feet', 'hip', 'tooth', 'teeth', 'stomach', 'head hurts', 'eyes', 'ears', 'lower back', 'hurt my back', 'hurt my knee', 'hurt his back', 'hurt her back', 'shopping', 'cart', 'store', 'door', 'wall', 'gym', 'workout', 'hurts my'],
  },
  { id: 'weapon_present', category: C.violence, slots: ['has|have|got|pulled|pulling|pointing|pointed|with|holding|waving|brandishing|carrying|grabbed|armed with|aiming', 'a gun|gun|guns|a knife|knife|a weapon|weapon|firearm|a firearm|pistol|a pistol|rifle|a rifle|shotgun|a shotgun|a machete|machete|a bat|a baseball bat'], gap: 1, veto: ['control', 'rights', 'amendment', 'violence', 'policy', 'policies', 'license', 'licence', 'licensed', 'permit', 'permits', 'law', 'laws', 'legal', 'lawyer', 'attorney', 'question', 'questions', 'store', 'shop', 'show', 'safe', 'safes', 'case', 'holster', 'cleaning', 'kit', 'toy', 'toys', 'water', 'nerf', 'glue', 'heat', 'staple', 'nail', 'spray', 'massage', 'airsoft', 'paintball', 'bb', 'grip', 'scope', 'sharpener', 'sharpen', 'block', 'set', 'chef', 'kitchen', 'butter', 'steak', 'pocket', 'collection', 'collector', 'range', 'hunting', 'registration', 'registered', 'inherited', 'insurance', 'policy', 'museum', 'replica', 'prop', 'costume', 'cosplay', 'game', 'video', 'camera', 'photo', 'sketch', 'drawing', 'engraving', 'engraved', 'leather', 'sheath', 'transport', 'travel', 'flight', 'airline', 'checked', 'baggage', 'luggage', 'tsa', 'customs', PRODUCT_TALK, 'rifle scope', 'bat signal', 'cricket', 'baseball', 'softball', 'team', 'league', 'practice'] },
  { id: 'being_attacked', category: C.violence, slots: ['=being|=been|=getting|=got|=was|=were|=am|=im|=is being|=are being|=bein', 'attacked|assaulted|raped|stabbed|shot|kidnapped|abducted|abused|beaten|beaten up|strangled|choked|threatened|held hostage|held at gunpoint|sexually assaulted|molested|trafficked|hit by a car|hit by a truck|run over|shot at'], gap: 1, vetoNext: ['for', 'up', 'with an error', 'with an', 'down', 'at', 'a glass', 'of', 'glass', 'with a fee', 'with a fine', 'with fees', 'with charges', 'by the', 'with a bill', 'with legal', 'with a lawsuit', 'with eviction', 'with collections', 'by inflation', 'by prices'], veto: ['legal', 'lawsuit', 'action', 'court', 'eviction', 'evict', 'collections', 'collection', 'fine', 'fines', 'late fee', 'fee', 'fees', 'bill', 'bills', 'charges', 'charge', 'tax', 'taxes', 'ads', 'spam', 'emails', 'messages', 'calls', 'notifications', 'photo', 'photos', 'photograph', 'picture', 'pictures', 'film', 'movie', 'video', 'scene', 'camera', 'episode', 'wedding', 'shoot', 'photoshoot', 'vaccine', 'flu', 'booster', 'covid', 'injection', 'jab', 'tequila', 'vodka', 'whiskey', 'espresso', 'glass', 'glasses', 'critics', 'reviews', 'review', 'idea', 'proposal', 'plan', 'request', 'application', 'traffic', 'storm', 'hurricane', 'hail', 'flood', 'inflation', 'price', 'prices', 'market', 'stocks', 'virus', 'malware', 'hackers', 'hacker', 'hacked', 'ransomware', 'phishing', 'bugs', 'mosquitoes', 'rain', 'snow', 'cold', 'allergies', 'heat', 'sun', 'jet lag', 'flight', 'twitter', 'internet', 'online', 'social media', 'trolls', 'comments', 'hard', 'hardest', 'lottery', 'deal', 'offer', 'bargain', 'a shot', 'flu shot', 'shots', 'vaccinated', 'travel', 'less'] },
  { id: 'being_followed', category: C.violence, slots: ['=being|=im being|=am being|=is being|=are being|=keeps', 'followed|stalked|stalking me|following me|robbed|mugged|carjacked'], gap: 0, veto: ['twitter', 'instagram', 'tiktok', 'online', 'account', 'page', 'blog', 'channel', 'ads', 'ad', 'emails', 'cookies', 'tracking', 'app', 'apps', 'prices', 'price', 'fees', 'fee', 'charges', 'bank', 'airline', 'company', 'ripoff', 'rip', 'scam'] },
  {
    id: 'arson_threat',
    decisive: true,
    category: C.violence,
    slots: ['hell|shell|theyll|he will|she will|they will|hes going to|shes going to|theyre going to|going to|gonna|threatened to|threatening to|threatens to|said hed|says hell|swore hed|swears hell', 'burn|set fire to|set on fire|torch|blow up', 'house|home|apartment|flat|place|building|trailer|me|us'],
    gap: 3,
    veto: ['lol', 'haha', 'lmao', 'joking', 'kidding', 'figuratively', 'cd', 'cds', 'dvd', 'disc', 'discs', 'calories', 'fat', 'toast', 'food', 'dinner', 'cookies', 'steak', 'candle', 'candles', 'incense', 'money', 'cash', 'bridges', 'bridge', 'midnight oil', 'rubber', 'playlist', 'song', 'party', 'dance floor', 'phone', 'inbox', 'notifications', 'social media', 'twitter', 'instagram', 'tiktok', 'comments', 'reviews', 'game', 'movie', 'film', 'scene', 'bake', 'oven', 'stove', 'fireplace', 'firewood', 'wood', 'leaves', 'trash', 'garbage', 'brush pile', 'bonfire'],
  },
  {
    id: 'threat_against_me',
    decisive: true,
    category: C.violence,
    slots: ['he|she|they|hes|shes|hell|shell|theyll|husband|wife|boyfriend|girlfriend|partner|ex|someone|somebody|dad|father|stepdad|mother|brother|neighbor|neighbour|man|guy|stranger|landlord|roommate', 'shoot|stab|kill|strangle|murder|hurt|beat|choke|attack|rape', 'me|us|my kids|the kids|my children|my family|my baby|my son|my daughter|my mom|my mother'],
    gap: 3,
    vetoNext: ['with', 'up', 'at', 'in'],
    veto: ['lol', 'haha', 'lmao', 'price', 'prices', 'bill', 'bills', 'anniversary', 'birthday', 'forget', 'forgot', 'spent', 'spend', 'spending', 'shopping', 'fail', 'failed', 'grades', 'grade', 'exam', 'test', 'homework', 'late', 'curfew', 'chess', 'game', 'games', 'match', 'race', 'tennis', 'golf', 'cards', 'poker', 'sees', 'boss', 'coach', 'teacher', 'kidding', 'joking', 'figuratively', 'literally', 'dent', 'scratch', 'scratched', 'crashed', 'car', 'finds out how much', 'price tag', 'receipt', 'feelings', 'back', 'knee', 'ankle', 'shoulder', 'neck'],
  },
  {
    id: 'drowning',
    category: C.breathing,
    slots: ['=drowning|=drowned|=drownding|=drowing|=drownin|face down in the|face down in|pulled from the water|pulled out of the pool|went under and'],
    veto: ['debt', 'debts', 'paperwork', 'emails', 'email', 'bills', 'work', 'sorrows', 'tasks', 'homework', 'assignments', 'requests', 'orders', 'calls', 'messages', 'notifications', 'laundry', 'loans', 'stress', 'data', 'information', 'noise', 'sauce', 'dressing', 'syrup', 'gravy', 'ketchup', 'mayo', 'butter', 'cheese', 'paper', 'tickets', 'cases', 'clients', 'projects', 'meetings', 'deadlines', 'sorrow', 'feelings', 'sadness', 'responsibilities', 'options', 'choices', 'ads', 'spam', 'movie', 'film', 'song', 'book', 'plants', 'plant', 'overwatering'],
  },
  { id: 'fire', category: 'general', slots: ['house|home|apartment|flat|kitchen|building|car|room|garage|bedroom|oven|stove|curtains|bed|couch|neighbors house|neighbours house|office|store', 'on fire|is burning|burning down|caught fire|catching fire|=ablaze|is in flames|went up in flames|full of smoke'], gap: 2, negatable: true, veto: ['sale', 'sales', 'deal', 'deals', 'prices', 'price', 'stock', 'stocks', 'team', 'player', 'sauce', 'spicy', 'chili', 'pepper', 'wings', 'hot sauce', 'curry', 'salsa', 'mouth', 'tongue', 'playlist', 'song', 'track', 'album', 'game', 'movie', 'show', 'episode', 'insurance', 'claim', 'claims', 'last year', 'years ago', 'ago', 'inspection', 'alarm battery', 'extinguisher', 'pit', 'fireplace', 'candle', 'candles', 'incense', 'bbq', 'barbecue', 'grill', 'marshmallows', 'toast', 'logo', 'emoji', 'lol', 'haha'] },
  {
    id: 'fall_not_moving',
    category: 'general',
    slots: ['fell|fallen|has fallen|fall|crashed|hit by a car|was hit|got hit|fell down|fell off|fell from|tripped|slipped', 'not moving|isnt moving|unconscious|unresponsive|not responding|cant move|can not move|cannot move|cant get up|can not get up|cannot get up|wont wake|not waking|not breathing|hit his head|hit her head|hit my head|head is bleeding|is bleeding|bleeding|broke his neck|broke her neck|not making sense|confused'],
    gap: 6,
    negatable: true,
    veto: ['asleep', 'love', 'stock', 'stocks', 'prices', 'price', 'sales', 'through', 'apart', 'behind', 'short', 'flat', 'rates', 'rate', 'profits', 'revenue', 'ratings', 'grades', 'phone', 'laptop', 'tablet', 'package', 'parcel', 'box', 'order', 'shelf', 'tv', 'vase', 'picture', 'mirror', 'glasses', 'screen', 'website', 'server', 'app', 'system', 'market', 'prices', 'temperature', 'leaves', 'snow', 'rain', 'wagon', 'off the wagon', 'cake', 'souffle', 'tent', 'shelves', 'fence', 'tree', 'branch', 'car', 'truck', 'bike', 'motorcycle', 'plant', 'toy', 'doll', 'stroller', 'monitor', 'file', 'files', 'email', 'emails', 'ticket', 'tickets', 'plan', 'plans', 'deal', 'meeting', 'appointment', 'booking', 'reservation', 'order', 'account', 'balance'],
  },
  { id: 'domestic_violence', category: C.violence, slots: ['domestic violence|domestic abuse|abusive husband|abusive wife|abusive partner|abusive boyfriend|abusive girlfriend|abusive relationship|abusive father|abusive dad|abusive parent|abusive parents|abusive ex'], veto: ['statistics', 'awareness', 'month', 'research', 'article', 'policy', 'training', 'course', 'documentary', 'book', 'movie', 'film'] },
  { id: 'intruder', category: C.violence, slots: ['someone|somebody|a man|a guy|intruder|he|they|stranger|people|burglar|burglars|men', 'broke|breaking|is breaking|trying to break|broken|break|is trying to get|trying to get|got', 'in|into'], gap: 2, veto: ['account', 'email', 'password', 'profile', 'laptop', 'computer', 'system', 'network', 'database', 'wifi', 'app', 'car', 'cars', 'vehicle', 'storage', 'unit', 'locker', 'last week', 'last month', 'last year', 'yesterday', 'while we were away', 'insurance', 'claim', 'report', 'police report', 'industry', 'market', 'business', 'music', 'song', 'tears', 'sweat', 'laughter', 'song', 'dance', 'dancing', 'a sweat', 'conversation', 'the conversation', 'the news', 'tune', 'program', 'top', 'game', 'level'] },
  { id: 'active_shooter', category: C.violence, slots: ['active shooter|shots fired|shooter|gunman|gunmen|gunshots|gun shots|gunfire|someone is shooting|somebody is shooting|there is a shooting|theres a shooting|people shooting|being shot at|shooting at us|shooting at me|shooting at people'], veto: ['game', 'games', 'video', 'movie', 'film', 'first person', 'third person', 'looter', 'arcade', 'camera', 'drill', 'drills', 'training', 'simulation', 'toy', 'water', 'nerf', 'paintball', 'airsoft', 'photo', 'photos', 'photographer', 'wedding', 'news', 'review', 'bubble', 'pea', 'straight', 'sharp', 'trouble', 'tequila', 'cocktail', 'party'] },
  { id: 'unsafe_at_home', category: C.violence, slots: ['not safe|unsafe|not feel safe|dont feel safe|not feeling safe|scared for my life|afraid for my life|fear for my life|im in danger|we are in danger|were in danger now|in danger right now|is in danger|are in danger|fearing for my life|afraid hell kill|afraid he will kill|scared hell kill|scared he will kill|going to kill me|hes going to kill me|will kill me|gonna kill me|threatened to kill me|threatening to kill me|threatens to kill me|trying to kill me|tried to kill me|wants to kill me|said he would kill me|said she would kill me|says hell kill me|going to hurt me|gonna hurt me|trying to hurt me|threatened to hurt me|will hurt me|going to hurt the kids|threatened to kill|threatening to kill|threatened to hurt|threatening to hurt'], gap: 1, veto: ['investment', 'investments', 'password', 'passwords', 'website', 'site', 'link', 'app', 'data', 'account', 'accounts', 'neighborhood', 'area', 'product', 'car', 'toy', 'toys', 'bridge', 'building', 'recall', 'recalled', 'food', 'water', 'drink', 'vaccine', 'method', 'payment', 'transaction', 'download', 'connection', 'network', 'wifi', 'extinct', 'extinction', 'species', 'lol', 'haha', 'lmao', 'price', 'prices', 'bill', 'bills', 'boss', 'teacher', 'coach', 'anniversary', 'birthday', 'forget', 'forgot', 'spent', 'spend', 'spending', 'shopping', 'bank statement', 'credit card', 'spending', 'spent', 'shoes', 'dress', 'purchase', 'this bill', 'late', 'homework', 'grades', 'report card', 'traffic', 'commute', 'workout', 'hike', 'stairs', 'heat', 'humidity', 'cold', 'winter', 'summer', 'wait', 'waiting', 'queue', 'line'] },

  // ---- pregnancy ---------------------------------------------------------------------------------------
  { id: 'pregnant_bleeding', category: C.pregnancy, slots: ['~pregnant|=pregant|=pregnat|=prego|weeks along|months along|pregnancy|expecting|=preggo', '~bleeding|bleed|blood|severe pain|severe cramps|severe cramping|bad cramps|really bad cramps|cramping badly|contractions|leaking fluid|fluid leaking|gushing|water broke|=spotting heavily|heavy spotting|passed out|fainted|seizure|severe headache|blurry vision|vision is blurry|hit in the stomach|fell|=falling|=fall|cant feel the baby|baby isnt moving|no movement|baby stopped moving|stomach pain|abdominal pain|belly pain|terrible pain|excruciating pain|unbearable pain|pain is unbearable'], gap: 8, negatable: true, veto: ['test', 'tests', 'pillow', 'pillows', 'tracker', 'app', 'book', 'books', 'vitamins', 'clothes', 'jeans', 'leggings', 'belt', 'band', 'announcement', 'photoshoot', 'costume', 'insurance', 'coverage', 'covered', 'leave', 'discrimination', 'policy', 'benefits', 'massage', 'yoga', 'class', 'classes', 'blood test', 'blood work', 'bloodwork', 'blood type', 'blood pressure cuff', 'blood sugar', 'ultrasound appointment', 'pressure cuff', 'recipe', 'diet', 'fall semester', 'in the fall', 'this fall', 'next fall', 'last fall', 'fall break', 'fall out', 'fall through', 'fell through', 'fell in love', 'falling in love', 'fall in love', 'fall asleep', 'fell asleep', 'falling asleep'] },
  { id: 'bleeding_pregnant', category: C.pregnancy, slots: ['~bleeding|bleed|blood|severe pain|severe cramps|cramping|contractions|leaking fluid|heavy spotting|spotting', '~pregnant|=pregant|=pregnat|weeks along|months along|my pregnancy|expecting'], gap: 6, negatable: true, veto: ['test', 'tests', 'pillow', 'tracker', 'app', 'insurance', 'coverage', 'leave', 'policy', 'blood test', 'blood work', 'bloodwork', 'blood type', 'blood sugar', 'blood pressure cuff'] },
  { id: 'water_broke', category: C.pregnancy, slots: ['water|waters|=bag of waters', 'broke|broken|has broken|have broken|just broke|break|breaking'], gap: 1, veto: ['heater', 'heaters', 'pipe', 'pipes', 'main', 'mains', 'bottle', 'bottles', 'filter', 'filters', 'tank', 'tanks', 'line', 'lines', 'pump', 'pumps', 'softener', 'cooler', 'dispenser', 'glass', 'fountain', 'bill', 'meter', 'jug', 'pitcher', 'flask', 'hose', 'gun', 'park', 'slide', 'bed', 'balloon', 'balloons', 'tap', 'faucet', 'machine', 'boiler', 'kettle', 'feature', 'resistant', 'proof', 'waterproof', 'gauge', 'sensor', 'valve', 'dam', 'well', 'tower', 'cup', 'record', 'records', 'world record', 'bank', 'piggy'] },
  { id: 'baby_not_moving', category: C.pregnancy, decisive: true, slots: ['baby|babies|babys|the baby|fetus|my bump', 'movements slowed|movements have slowed|movement has slowed|movement slowed|movements have stopped|movements stopped|movement stopped|moving much less|kicks slowed|kicks have slowed|kicks stopped|kicks have stopped|fewer kicks|fewer movements|less kicks|kicking less|barely moving|hardly moving|barely moved|hardly moved|not moving|stopped moving|hasnt moved|hasn t moved|isnt moving|not kicking|stopped kicking|moving less|not moved|hasnt kicked|no movement|less movement|not felt|hasnt been moving|not been moving|havent felt'], gap: 3, veto: ['stroller', 'pram', 'monitor', 'swing', 'swings', 'carrier', 'seat', 'car seat', 'gate', 'toy', 'toys', 'food', 'mobile', 'bottle', 'bouncer', 'rocker', 'walker', 'doll', 'dolls', 'gift', 'registry', 'shower', 'clothes', 'order', 'package', 'delivery', 'shipment', 'crib', 'bassinet', 'tracking', 'boomer', 'boomers', 'teeth', 'tooth', 'photos', 'photo', 'pictures'] },
  { id: 'labor_early', category: C.pregnancy, slots: ['going into|gone into|went into|am in|im in|in early|in preterm|premature|preterm|early', 'labor|labour|contractions'], gap: 1, vetoPrev: ['when', 'was', 'went'], vetoNext: ['law', 'laws', 'lawyer', 'dispute', 'disputes', 'union', 'unions', 'department', 'day', 'costs', 'cost', 'code', 'market', 'force', 'shortage', 'board', 'relations', 'rights', 'practices', 'party', 'movement', 'laws', 'standards', 'camp', 'statistics', 'certification', 'contract'], veto: ['law', 'laws', 'lawyer', 'attorney', 'legal', 'employer', 'employment', 'union', 'wages', 'costs', 'shortage', 'market', 'hiring', 'workforce', 'job', 'jobs', 'overtime', 'pay', 'salary'] },
  { id: 'contractions_apart', category: C.pregnancy, slots: ['contractions', '#num|minutes apart|mins apart|every|close together|getting closer|are strong|are really strong|started'], gap: 3, veto: ['muscle', 'muscles', 'economic', 'economy', 'market', 'grammar', 'english', 'words', 'word', 'spelling', 'apostrophe'] },
  { id: 'pregnancy_complication', category: C.pregnancy, slots: ['=preeclampsia|=pre-eclampsia|=eclampsia|placental abruption|ectopic pregnancy|=ectopic|=miscarrying|having a miscarriage|think im miscarrying|losing the baby|losing my baby|=hemorrhaging|=haemorrhaging'], negatable: true, veto: ['justice', 'history', 'article', 'research', 'insurance', 'coverage', 'policy', 'statistics', 'book', 'movie'] },
  { id: 'miscarriage_now', category: C.pregnancy, slots: ['having|having a|think|might be|im|is|could be|am|started', 'miscarriage|miscarrying|miscarry'], gap: 2, negatable: true, veto: ['justice', 'of justice', 'history', 'last year', 'years ago', 'months ago', 'in the past', 'previous', 'insurance', 'policy'] },

  // ---- pediatric ---------------------------------------------------------------------------------------
  {
    id: 'child_unresponsive',
    category: C.pediatric,
    slots: [CHILD, 'not breathing|isnt breathing|stopped breathing|cant breathe|can not breathe|cannot breathe|unresponsive|~unresponsive|wont wake up|not waking up|isnt waking up|cant wake|limp|floppy|blue|turning blue|choking|=seizure|seizing|convulsing|having a seizure|passed out|unconscious|fell and hit|not responding|isnt responding|wont respond|eyes rolling|went limp|gone limp|stopped responding|swallowed|drank|ate'],
    gap: 3,
    negatable: true,
    veto: ['monitor', 'monitors', 'doll', 'dolls', 'toy', 'toys', 'stroller', 'blanket', 'blankets', 'onesie', 'onesies', 'shirt', 'shoes', 'clothes', 'outfit', 'room', 'paint', 'walls', 'balloon', 'balloons', 'cake', 'dress', 'game', 'app', 'tablet', 'phone', 'emails', 'texts', 'messages', 'calls', 'alexa', 'order', 'package', 'delivery', 'shipping', 'gift', 'present', 'snacks', 'candy', 'lunch', 'dinner', 'breakfast', 'veggies', 'vegetables', 'homework', 'pizza', 'cookies', 'whole thing', 'all of it', 'ate it up', 'loved it', 'class', 'teacher', 'school', 'bus', 'camp', 'coach'],
  },
  { id: 'infant_fever_lethargic', category: C.pediatric, slots: [CHILD, 'fever|temperature|temp|=fevr|febrile|=104|=105|=103', 'lethargic|=lethargy|limp|floppy|unresponsive|wont wake|not waking|hard to wake|barely awake|listless|very sleepy|so sleepy|stiff neck|seizure|not eating|wont eat|wont drink|not drinking|wont stop crying|not responding|blue|purple spots'], gap: 6, negatable: true, veto: ['thermometer', 'thermometers', 'reducer', 'patch', 'patches', 'strip', 'strips', 'order', 'buy', 'bought', 'coupon', 'refund', 'return', 'receipt', 'delivery', 'shipping'] },
  { id: 'newborn_fever', category: C.pediatric, slots: ['newborn|week old|weeks old|=1 month old|=2 month old|one month old|two month old|infant under', 'fever|temperature of|temp of|=fevr|feverish|febrile'], gap: 5, negatable: true, veto: ['thermometer', 'thermometers', 'reducer', 'patch', 'strip', 'order', 'buy', 'bought', 'coupon', 'refund', 'return', 'what dose', 'dosage', 'dose', 'tylenol', 'motrin', 'advice', 'article', 'normal temperature', 'room temperature', 'bath', 'bottle', 'formula', 'water'] },
  { id: 'child_head_injury', category: C.pediatric, slots: [CHILD, 'fell|fall|dropped|hit|hitting|bumped|banged|slipped|tumbled', 'head|skull'], gap: 6, negatable: true, veto: ['stroller', 'doll', 'toy', 'monitor', 'phone', 'tablet', 'bottle', 'order', 'package', 'cake', 'asleep', 'in love', 'lice', 'hair', 'haircut', 'shampoo'] },
  { id: 'child_swallowed', category: C.pediatric, slots: [CHILD, 'swallowed|ate|drank|chewed|got into|ingested', 'battery|batteries|button battery|magnet|magnets|coin|bleach|detergent|pod|pods|pills|medicine|medication|meds|poison|cleaner|chemicals|lighter fluid|antifreeze|nicotine|vape|gummies|edibles|tablets|vitamins|iron pills|essential oil'], gap: 4, veto: ['toy', 'monitor'] },
  { id: 'febrile_seizure', category: C.pediatric, slots: ['febrile seizure|febrile convulsion|febrile fit'] },

  // ---- general (no specific category) -----------------------------------------------------------------
  {
    id: 'call_ambulance',
    category: 'general',
    slots: ['call|calling|called|need|needs|get|send|sending|dial|dialing|dialled|dialed|=ring|phone|where is|wheres|waiting for|waiting on|=calll|=cal|=neeed', '=911|=999|=112|an ambulance|ambulance|the ambulance|paramedics|the paramedics|=emts|=emt|emergency services|=ems|a doctor now|a doctor right now|the fire department|the fire brigade|the police|police|=cops|the cops'],
    gap: 2,
    negatable: true,
    veto: ['recording', 'recordings', 'records', 'record', 'transcript', 'transcripts', 'report', 'reports', 'dispatcher', 'dispatchers', 'bill', 'bills', 'billing', 'invoice', 'invoices', 'charge', 'charges', 'charged', 'fee', 'fees', 'porsche', 'carrera', 'model', 'kit', 'lego', 'toy', 'insurance', 'claim', 'claims', 'coverage', 'covered', 'reimburse', 'reimbursement', 'copay', 'deductible', 'statement', 'last month', 'last year', 'last week', 'yesterday', 'prank', 'pranks', 'tv', 'show', 'series', 'episode', 'lawsuit', 'lawyer', 'attorney', 'case', 'court', 'shift', 'job', 'jobs', 'hiring', 'career', 'training', 'course', 'certification', 'volunteer', 'chaser', 'chasers', 'sticker', 'stickers', 'decal', 'costume', 'lights', 'siren', 'sirens', 'ride', 'driver', 'drivers', 'union', 'strike', 'cover', 'service fee', 'for a note', 'sick note', 'appointment', 'appointments', 'prescription', 'refill', 'checkup', 'check up', 'referral', 'test results', 'results', 'routine', 'annual', 'physical', 'vaccination', 'vaccine', 'flu shot', 'booster', 'schedule', 'book', 'booking', 'reschedule', 'tomorrow', 'next week', 'next month', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'available', 'availability', 'slot', 'slots', 'visit', 'telehealth', 'video call', 'virtual', 'online', 'who accepts', 'in network', 'form', 'forms', 'letter', 'paperwork', 'advice', 'question', 'questions', 'review', 'second opinion', 'dermatologist', 'rash cream', 'vet', 'dog', 'cat'],
  },
  { id: 'send_help', category: 'general', slots: ['send|sending|get me|=sned', 'help|someone to help|somebody to help|help here'], gap: 1, vetoNext: ['desk', 'with', 'for', 'articles', 'article', 'docs', 'center', 'centre', 'page', 'ticket', 'on', 'about', 'to', 'choosing', 'finding', 'picking', 'understanding', 'please with', 'me with', 'me find', 'me understand', 'me choose', 'me pick', 'me book', 'me order', 'me track'], veto: ['desk', 'ticket', 'email', 'article', 'link', 'guide', 'docs', 'documentation', 'instructions', 'manual', 'info', 'information', 'details', 'request', 'order', 'package', 'account', 'password', 'login', 'bill', 'billing', 'invoice', 'refund', 'return', 'booking', 'appointment', 'form', 'forms', 'questionnaire', 'homework', 'assignment', 'resume', 'essay', 'recipe', 'setup', 'install', 'installation', 'gift', 'size', 'sizing', 'choose', 'choosing', 'pick', 'decide', 'find', 'finding', 'understand'] },
  {
    id: 'emergency_declared',
    category: 'general',
    slots: ['=emergency|=emergancy|=emergeny|=emergencey|=emrgency|=emergecy'],
    negatable: true,
    vetoPrev: ['non', 'family', 'fam', 'fashion', 'wardrobe', 'shopping', 'chocolate', 'coffee', 'pizza', 'hair', 'makeup', 'snack', 'cake', 'wine', 'beauty', 'nail', 'style', 'tech', 'plumbing', 'dental', 'pet', 'vet', 'veterinary', 'in case of', 'case of', 'in an', 'for', 'like an', 'ipad', 'laundry', 'cleaning', 'not', 'no', 'isnt', 'wasnt'],
    vetoNext: ['row', 'rows', 'takeoff', 'landing', 'info', 'information', 'slide', 'seat', 'seats', 'is', 'was', 'room', 'rooms', 'contact', 'contacts', 'fund', 'funds', 'savings', 'appointment', 'appointments', 'exit', 'exits', 'kit', 'kits', 'brake', 'brakes', 'number', 'numbers', 'dental', 'dentist', 'vet', 'plumber', 'locksmith', 'electrician', 'fee', 'fees', 'care', 'loan', 'loans', 'leave', 'alert', 'alerts', 'blanket', 'blankets', 'light', 'lights', 'lighting', 'supply', 'supplies', 'power', 'generator', 'radio', 'shipping', 'order', 'orders', 'delivery', 'refill', 'refills', 'department', 'medicine', 'physician', 'doctor', 'doctors', 'visit', 'visits', 'bill', 'bills', 'billing', 'services', 'service', 'line', 'lines', 'procedure', 'procedures', 'plan', 'plans', 'preparedness', 'response', 'responders', 'hearing', 'motion', 'custody', 'order', 'repair', 'repairs', 'maintenance', 'pack', 'backpack', 'food', 'water', 'cash', 'button', 'stop', 'shutdown', 'release', 'update', 'patch', 'fix', 'meeting', 'contraception', 'contraceptive', 'pill', 'passport', 'visa', 'travel', 'flight', 'funding', 'relief', 'assistance', 'housing', 'shelter', 'vehicle', 'vehicles', 'lane', 'landing', 'use', 'only', 'mode', 'override', 'access', 'code', 'codes', 'hotline', 'surgery', 'c', 'medical', 'clinic', 'call', 'calls', 'dispatch', 'management', 'broadcast', 'declaration', 'powers', 'session', 'injunction', 'petition', 'filing', 'stay', 'relief'],
    veto: ['lol', 'haha', 'lmao', 'jk', 'kidding', 'joking', 'fashion', 'shopping', 'wardrobe', 'package', 'parcel', 'order', 'delivery', 'shipping', 'refund', 'return', 'account', 'password', 'login', 'bill', 'billing', 'invoice', 'payment', 'charge', 'subscription', 'dentist', 'dental', 'vet', 'plumber', 'plumbing', 'locksmith', 'electrician', 'heater', 'boiler', 'leak', 'pipe', 'pipes', 'toilet', 'car', 'laptop', 'computer', 'phone', 'printer', 'wifi', 'internet', 'website', 'server', 'meeting', 'report', 'deadline', 'homework', 'exam', 'work', 'boss', 'client', 'project', 'presentation', 'wedding', 'dress', 'party', 'coffee', 'chocolate', 'pizza', 'snack', 'hair', 'makeup', 'nails', 'legal', 'lawyer', 'attorney', 'court', 'custody', 'hearing', 'filing', 'motion', 'injunction', 'appointment', 'booking', 'reservation', 'flight', 'hotel', 'visa', 'passport', 'contact', 'contacts', 'fund', 'savings'],
  },
  { id: 'medical_emergency', category: 'general', slots: ['medical emergency|life threatening|life or death|life-threatening|dying right now|im dying|he is dying|she is dying|hes dying|shes dying|someone is dying|help me please im dying|about to die|might die|could die|going to die'], negatable: true, vetoNext: ['of', 'for', 'to', 'laughing', 'from', 'if'], veto: ['insurance', 'coverage', 'covered', 'fund', 'funds', 'kit', 'kits', 'plan', 'policy', 'card', 'bracelet', 'alert', 'app', 'training', 'course', 'class', 'leave', 'form', 'forms', 'bill', 'bills', 'billing', 'invoice', 'charge', 'charges', 'fee', 'fees', 'claim', 'claims', 'reimbursement', 'copay', 'deductible', 'statement', 'savings', 'loan', 'fund', 'battery', 'phone', 'laptop', 'plant', 'plants', 'laughing', 'laughter', 'lol', 'haha', 'lmao', 'boredom', 'embarrassment', 'cringe', 'heat', 'hungry', 'hunger', 'thirst', 'thirsty', 'curiosity', 'game', 'character', 'show', 'movie', 'book', 'series', 'fish', 'tamagotchi', 'my car', 'engine', 'hard drive', 'business', 'company', 'industry', 'career', 'dream', 'dreams', 'inside', 'cute', 'cuteness', 'price', 'prices', 'deal', 'sale', 'dress', 'shoes', 'wait', 'waiting', 'queue', 'hold', 'on hold', 'line', 'stock', 'stocks', 'market', 'flowers', 'tree', 'trees', 'garden', 'lawn', 'grass', 'crops', 'bees', 'coral', 'fad', 'trend', 'tradition', 'language', 'art', 'craft', 'breed', 'species', 'star', 'stars', 'sun', 'universe', 'mall', 'malls', 'store', 'stores', 'print', 'newspaper', 'newspapers', 'radio', 'tv', 'dvd', 'cable', 'landline', 'office', 'town', 'city', 'internet', 'wifi'] },
  { id: 'emergency_room_now', category: 'general', slots: ['heading to|going to|on the way to|on our way to|rushing to|rushed to|taking him to|taking her to|take him to|take her to|at the|in the', '=er|emergency room|the er|a&e|the hospital now|hospital right now|emergency department'], gap: 1, negatable: true, veto: ['bill', 'bills', 'billing', 'invoice', 'charge', 'charges', 'charged', 'fee', 'fees', 'copay', 'deductible', 'insurance', 'claim', 'claims', 'coverage', 'covered', 'reimburse', 'reimbursement', 'statement', 'last month', 'last year', 'last week', 'yesterday', 'ago', 'visit from', 'records', 'record', 'report', 'paperwork', 'form', 'forms', 'parking', 'cafeteria', 'gift shop', 'visiting hours', 'visitor', 'visitors', 'flowers', 'job', 'jobs', 'shift', 'nurse', 'nurses', 'doctor', 'work', 'works', 'working', 'volunteer', 'volunteering', 'career', 'hiring', 'tv', 'show', 'series', 'episode', 'season', 'dvd', 'box set', 'drama', 'grey', 'greys', 'anatomy', 'scrubs', 'house'] },
];

/** Words that make any medical emergency a pediatric one as well. */
export const CHILD_WORDS = CHILD;
