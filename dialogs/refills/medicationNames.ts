/**
 * Medicines people refill most often in US primary care (generic and brand names), spelled the way a
 * label spells them. Knowing them lets a bare "ibuprofen" or "LISINOPRIL" count as an answer to "which
 * medication?" rather than a new question; anything not listed is still accepted as typed.
 */
const names = [
  // Blood pressure, heart, cholesterol
  'lisinopril', 'losartan', 'amlodipine', 'metoprolol', 'atenolol', 'carvedilol', 'valsartan', 'olmesartan', 'irbesartan',
  'hydrochlorothiazide', 'chlorthalidone', 'furosemide', 'spironolactone', 'benazepril', 'enalapril', 'ramipril', 'diltiazem',
  'verapamil', 'nifedipine', 'hydralazine', 'clonidine', 'propranolol', 'bisoprolol', 'atorvastatin', 'simvastatin',
  'rosuvastatin', 'pravastatin', 'lovastatin', 'ezetimibe', 'fenofibrate', 'warfarin', 'apixaban', 'rivaroxaban', 'clopidogrel',
  'digoxin', 'isosorbide', 'nitroglycerin', 'Lipitor', 'Crestor', 'Zocor', 'Norvasc', 'Cozaar', 'Toprol', 'Lopressor', 'Lasix',
  'Eliquis', 'Xarelto', 'Plavix', 'Coumadin', 'Entresto', 'Zestril', 'Prinivil', 'Diovan', 'Benicar',
  // Diabetes
  'metformin', 'glipizide', 'glimepiride', 'glyburide', 'pioglitazone', 'sitagliptin', 'empagliflozin', 'dapagliflozin',
  'semaglutide', 'dulaglutide', 'liraglutide', 'tirzepatide', 'insulin', 'glargine', 'lispro', 'aspart', 'detemir', 'degludec',
  'Glucophage', 'Januvia', 'Jardiance', 'Farxiga', 'Ozempic', 'Wegovy', 'Trulicity', 'Victoza', 'Mounjaro', 'Lantus', 'Humalog',
  'Novolog', 'Levemir', 'Tresiba', 'Basaglar',
  // Thyroid, hormones, contraception
  'levothyroxine', 'liothyronine', 'Synthroid', 'Levoxyl', 'estradiol', 'progesterone', 'medroxyprogesterone',
  'norethindrone', 'levonorgestrel', 'drospirenone', 'testosterone', 'Premarin', 'Yaz', 'Yasmin', 'Loestrin', 'Sprintec',
  'NuvaRing', 'finasteride', 'tamsulosin', 'Flomax', 'sildenafil', 'tadalafil', 'Viagra', 'Cialis', 'alendronate', 'Fosamax',
  // Mental health, sleep, neurology
  'sertraline', 'escitalopram', 'citalopram', 'fluoxetine', 'paroxetine', 'venlafaxine', 'desvenlafaxine', 'duloxetine',
  'bupropion', 'mirtazapine', 'trazodone', 'buspirone', 'amitriptyline', 'nortriptyline', 'quetiapine', 'aripiprazole',
  'risperidone', 'olanzapine', 'lamotrigine', 'lithium', 'lorazepam', 'alprazolam', 'clonazepam', 'diazepam', 'zolpidem',
  'hydroxyzine', 'gabapentin', 'pregabalin', 'topiramate', 'levetiracetam', 'sumatriptan', 'rizatriptan', 'methylphenidate',
  'amphetamine', 'lisdexamfetamine', 'atomoxetine', 'donepezil', 'Zoloft', 'Lexapro', 'Celexa', 'Prozac', 'Paxil', 'Effexor',
  'Cymbalta', 'Wellbutrin', 'Remeron', 'Seroquel', 'Abilify', 'Lamictal', 'Ativan', 'Xanax', 'Klonopin', 'Valium', 'Ambien',
  'Neurontin', 'Lyrica', 'Topamax', 'Keppra', 'Imitrex', 'Ritalin', 'Concerta', 'Adderall', 'Vyvanse', 'Strattera', 'Aricept',
  // Lungs, allergy
  'albuterol', 'levalbuterol', 'fluticasone', 'budesonide', 'formoterol', 'salmeterol', 'tiotropium', 'montelukast',
  'beclomethasone', 'mometasone', 'cetirizine', 'loratadine', 'fexofenadine', 'Ventolin', 'ProAir', 'Proventil', 'Flovent',
  'Advair', 'Symbicort', 'Breo', 'Spiriva', 'Trelegy', 'Singulair', 'Qvar', 'Flonase', 'Nasonex', 'Zyrtec', 'Claritin',
  'Allegra', 'EpiPen', 'epinephrine',
  // Stomach, pain, infection, other
  'omeprazole', 'pantoprazole', 'esomeprazole', 'lansoprazole', 'famotidine', 'ondansetron', 'Prilosec', 'Protonix', 'Nexium',
  'Pepcid', 'Zofran', 'ibuprofen', 'naproxen', 'acetaminophen', 'paracetamol', 'meloxicam', 'diclofenac', 'celecoxib',
  'cyclobenzaprine', 'methocarbamol', 'tramadol', 'oxycodone', 'hydrocodone', 'Tylenol', 'Advil', 'Motrin', 'Aleve',
  'Celebrex', 'Mobic', 'Flexeril', 'allopurinol', 'colchicine', 'prednisone', 'methylprednisolone', 'hydroxychloroquine',
  'methotrexate', 'amoxicillin', 'azithromycin', 'doxycycline', 'cephalexin', 'ciprofloxacin', 'nitrofurantoin',
  'valacyclovir', 'acyclovir', 'fluconazole', 'tretinoin', 'triamcinolone', 'hydrocortisone', 'clobetasol', 'Valtrex',
  'Augmentin', 'Keflex', 'Diflucan', 'potassium', 'folic', 'Humira', 'Enbrel', 'Dupixent',
] as const;

const canonical: ReadonlyMap<string, string> = new Map(names.map((n) => [n.toLowerCase(), n]));

/** Words that sit next to a medicine's name on a label or in a request and belong with it ("albuterol inhaler"). */
const formWords = new Set(['inhaler', 'inhalers', 'pen', 'pens', 'patch', 'patches', 'cream', 'ointment', 'spray', 'drops', 'er', 'xr', 'sr', 'xl', 'hfa', 'odt']);

/** Edit distance with adjacent swaps (optimal string alignment), stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** The listed name a word is, or is a typo of (one slip, two in long names; never in the first letter). */
function nameOf(word: string): string | undefined {
  const exact = canonical.get(word);
  if (exact) return exact;
  if (word.length < 6) return undefined;
  const allowed = word.length >= 10 ? 2 : 1;
  let best: { name: string; distance: number } | undefined;
  for (const [lower, name] of canonical) {
    // People rarely mistype a name's first letter, and ordinary words ("preparing") often look like one otherwise.
    if (lower.length < 6 || lower[0] !== word[0]) continue;
    const distance = editDistance(word, lower, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** A known medicine named in the text, with the form word after it, where it stands in the text. */
export interface MedicationMention {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Every known medicine the text names (typos forgiven), in order of appearance. */
export function findMedications(text: string): MedicationMention[] {
  const found: MedicationMention[] = [];
  const words = [...text.matchAll(/[A-Za-z][A-Za-z-]*/g)];
  for (const [index, match] of words.entries()) {
    const name = nameOf(match[0].toLowerCase());
    if (!name || found.some((f) => f.name === name)) continue;
    const next = words[index + 1];
    const form = next && formWords.has(next[0].toLowerCase()) && /^\s*$/.test(text.slice(match.index + match[0].length, next.index)) ? next : undefined;
    found.push({
      name: form ? `${name} ${form[0].toLowerCase()}` : name,
      start: match.index,
      end: form ? form.index + form[0].length : match.index + match[0].length,
    });
  }
  return found;
}
