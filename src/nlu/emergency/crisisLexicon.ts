/**
 * The words a crisis cannot be told without: a body part or symptom, a substance, a weapon or an act of harm,
 * death and dying, danger, or the words of passive ideation ("no point", "goodbye", "burden"). A segment
 * with none of them never raises the alarm, whatever the model says: the model scores a message's framing
 * ("I want to …", "my husband is …") and without this gate a parcel return can look like a crisis.
 * The list is broad on purpose (recall first); it is a gate, not a detector. One typo is tolerated on words
 * of five letters or more against words of six or more ("suicde", "siezure", "overdosd").
 */
const WORDS = [
  // dying, ending, passive ideation
  'die', 'dies', 'died', 'dying', 'dead', 'death', 'kill', 'killing', 'kms', 'suicide', 'suicidal', 'unalive', 'end', 'ending',
  'live', 'living', 'alive', 'life', 'exist', 'existing', 'wake', 'waking', 'sleep', 'gone', 'goodbye', 'bye', 'burden', 'better',
  'point', 'reason', 'last', 'plan', 'planning', 'planned', 'date', 'note', 'letters', 'pray', 'hope', 'tired', 'done', 'anymore',
  'bridge', 'roof', 'ledge', 'edge', 'jump', 'hang', 'rope', 'engine', 'garage', 'exhaust', 'hose', 'charcoal', 'stop', 'over', 'away',
  'miss', 'notice', 'disappear', 'longer', 'around', 'sorry', 'peace', 'ready', 'future', 'way', 'thoughts', 'platform',
  'overpass', 'wall', 'drive', 'forever', 'permanently', 'pain', 'hurt', 'hurts', 'hurting', 'harm', 'harming', 'cut', 'cutting', 'cuts', 'burn',
  'burning', 'burned', 'burnt', 'lighter', 'razor', 'blade', 'scratch', 'scratching', 'myself', 'relapse', 'relapsed', 'urge',
  // substances
  'pill', 'pills', 'tablet', 'tablets', 'capsules', 'meds', 'medication', 'medicine', 'dose', 'doses', 'overdose', 'overdosed',
  'overdosing', 'od', 'odd', 'oded', 'took', 'take', 'taken', 'swallow', 'swallowed', 'ate', 'eaten', 'drank', 'drink', 'drunk',
  'poison', 'poisoned', 'poisoning', 'bleach', 'battery', 'batteries', 'magnet', 'magnets', 'antifreeze', 'chlorine', 'detergent',
  'pod', 'pods', 'remover', 'cleaner', 'chemical', 'chemicals', 'fumes', 'gas', 'carbon', 'monoxide', 'fentanyl', 'heroin', 'laced',
  'narcan', 'naloxone', 'used', 'using', 'injected', 'snorted', 'smoked', 'insulin', 'lithium', 'paracetamol', 'tylenol', 'acetaminophen',
  'ibuprofen', 'advil', 'aspirin', 'xanax', 'oxy', 'oxycodone', 'opioids', 'antidepressants', 'sleeping', 'painkillers', 'vape',
  // heart, stroke, seizure, collapse
  'chest', 'heart', 'cardiac', 'arrest', 'pulse', 'cpr', 'defibrillator', 'aed', 'arm', 'arms', 'jaw', 'sweating', 'sweaty', 'crushing',
  'pressure', 'squeezing', 'tight', 'vice', 'elephant', 'stroke', 'face', 'droop', 'drooping', 'droopy', 'slurred', 'slurring',
  'speech', 'talk', 'talks', 'speak', 'words', 'numb', 'weak', 'lift', 'side', 'headache', 'thunderclap', 'vision', 'confused',
  'seizure', 'seizures', 'seizing', 'fit', 'fits', 'fitting', 'convulsing', 'convulsions', 'shaking', 'jerking', 'twitching', 'foaming',
  'collapsed', 'collapse', 'unconscious', 'unresponsive', 'responding', 'passed', 'fainted', 'faint', 'limp', 'floppy', 'fell', 'fallen',
  'fall', 'head', 'move', 'moving', 'moved', 'eye', 'eyes', 'blind', 'spinning', 'dizzy', 'smile', 'crooked', 'hand', 'dropped',
  'sense', 'stand', 'walk', 'gibberish',
  // breathing, allergy, bleeding
  'breathe', 'breath', 'breathing', 'breathless', 'air', 'choking', 'choke', 'choked', 'gasping', 'wheezing', 'blue', 'grey', 'asthma',
  'inhaler', 'nebuliser', 'nebulizer', 'suffocating', 'drowning', 'drowned', 'water', 'pool', 'smoke', 'fire', 'throat', 'tongue',
  'lips', 'mouth', 'swelling', 'swollen', 'swell', 'hives', 'allergic', 'allergy', 'reaction', 'anaphylaxis', 'anaphylactic',
  'epipen', 'epi', 'peanut', 'peanuts', 'nuts', 'sesame', 'shellfish', 'stung', 'sting', 'blood', 'bleeding', 'bleed', 'bled',
  'wound', 'stitches', 'bandage', 'dressing', 'gushing', 'spurting', 'pumping', 'pouring', 'vomiting', 'vomit', 'throwing', 'coughing',
  'grounds', 'black', 'tarry',
  // pregnancy, children
  'pregnant', 'pregnancy', 'weeks', 'baby', 'babies', 'waters', 'labour', 'labor', 'contractions', 'miscarriage', 'miscarrying',
  'kicks', 'kicking', 'kick', 'movements', 'clots', 'pads', 'preeclampsia', 'postpartum', 'birth', 'newborn', 'infant', 'toddler',
  'child', 'kid', 'kids', 'son', 'daughter', 'fever', 'rash', 'missing', 'lost', 'alone', 'car', 'wandered',
  // violence and danger
  'hit', 'hits', 'hitting', 'beat', 'beating', 'beaten', 'punched', 'punch', 'slapped', 'kicked', 'strangled', 'choked', 'abuse',
  'abusive', 'abusing', 'assault', 'assaulted', 'attack', 'attacked', 'attacking', 'rape', 'raped', 'stab', 'stabbed', 'shot', 'shoot',
  'shooting', 'gun', 'knife', 'weapon', 'bat', 'threat', 'threaten', 'threatening', 'threatened', 'following', 'followed', 'stalking',
  'stalker', 'breaking', 'broke', 'door', 'locked', 'hiding', 'scared', 'afraid', 'safe', 'unsafe', 'danger', 'dangerous', 'hostage',
  'grabbed', 'grabbing', 'coming', 'rifle', 'pistol', 'hammer', 'machete', 'crowbar', 'leave', 'trapped', 'held', 
  'wandering', 'dementia', 'smashing', 'lake', 'river', 'sea', 'rid', '911', '999', '112',
  'screaming', 'yelling', 'dv', 'domestic', 'violence', 'violent', 'emergency', 'ambulance', 'police',
];
const STEMS = ['suicid', 'overdos', 'poison', 'bleed', 'breath', 'chok', 'seiz', 'convuls', 'stab', 'shoot', 'threat', 'abus', 'assault', 'attack', 'anaphyla', 'allerg', 'pregnan', 'miscarr', 'contraction', 'unconscious', 'unrespons', 'swell', 'drown', 'faint', 'vomit', 'slur', 'droop', 'numb', 'paralys', 'strangl', 'suffocat', 'hemorrhag', 'haemorrhag', 'antidepress', 'painkill'];

const exact = new Set(WORDS);
// One-deletion keys (position and rest) of every word of six letters or more: one letter missing, extra or
// replaced at the same place ("suicde", "suiccide", "siezure" by a swap) is still the word.
const deletions = new Set<string>();
for (const word of WORDS) if (word.length >= 6) for (let i = 0; i < word.length; i++) deletions.add(`${i}|${word.slice(0, i)}${word.slice(i + 1)}`);
const deleted = new Set([...deletions].map((key) => key.slice(key.indexOf('|') + 1)));

/** True when some word of the segment belongs to a crisis concept, allowing one typo on longer words. */
export function mentionsCrisisConcept(words: readonly string[]): boolean {
  for (const word of words) {
    if (exact.has(word)) return true;
    if (STEMS.some((stem) => word.startsWith(stem))) return true;
    if (word.length >= 5 && isOneTypoAway(word)) return true;
  }
  return false;
}

function isOneTypoAway(word: string): boolean {
  if (deleted.has(word)) return true;
  for (let i = 0; i < word.length; i++) {
    const rest = word.slice(0, i) + word.slice(i + 1);
    if ((word.length >= 6 && exact.has(rest)) || deletions.has(`${i}|${rest}`)) return true;
    if (i + 1 < word.length && exact.has(word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2))) return true;
  }
  return false;
}
