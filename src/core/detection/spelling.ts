/**
 * Spelling tolerance for the few words the rules hinge on. People type "decidied", "desided",
 * "agred" and "finalised"; the rules are written once, in one canonical spelling, and every
 * known variant is mapped to it by a single Map lookup per word (no fuzzy search at run time).
 *
 * The typo variants are generated once at load: every string one edit away (a letter dropped,
 * added, changed or two letters swapped) from a key word of six letters or more. Real words that
 * happen to be one edit away ("decade", "decode", "approver") are excluded so they keep their
 * meaning.
 */

/** Canonical spellings (American, as the rules are written) for British and common variants. */
const FIXED: Readonly<Record<string, string>> = {
  finalise: 'finalize',
  finalised: 'finalized',
  finalises: 'finalizes',
  finalising: 'finalizing',
  prioritise: 'prioritize',
  prioritised: 'prioritized',
  prioritises: 'prioritizes',
  prioritising: 'prioritizing',
  deprioritise: 'deprioritize',
  deprioritised: 'deprioritized',
  deprioritising: 'deprioritizing',
  organise: 'organize',
  organised: 'organized',
  authorise: 'authorize',
  authorised: 'authorized',
  standardise: 'standardize',
  standardised: 'standardized',
  centralise: 'centralize',
  centralised: 'centralized',
  cancelled: 'canceled',
  cancelling: 'canceling',
  cancelation: 'cancellation',
  licence: 'license',
  licences: 'licenses',
  programme: 'program',
  honour: 'honor',
  honouring: 'honoring',
  favour: 'favor',
  favoured: 'favored',
  catalogue: 'catalog',
  rumour: 'rumor',
  rumours: 'rumors',
  // Short words are not fuzzed (too many real neighbours), so their usual typos are listed.
  desicion: 'decision',
  desicions: 'decisions',
  descicion: 'decision',
  aggred: 'agreed',
  agred: 'agreed',
  agre: 'agree',
  argee: 'agree',
  aggree: 'agree',
  agreee: 'agree',
  agreeing: 'agreeing',
  goign: 'going',
  giong: 'going',
  gonig: 'going',
  goin: 'going',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tomorow: 'tomorrow',
  pls: 'please',
  plz: 'please',
  thru: 'through',
  propse: 'propose',
  porpose: 'propose',
  sugest: 'suggest',
  suggets: 'suggest',
};

/** Words whose misspellings matter; each maps to itself and its one-edit variants to it. */
// Past forms first: "decied" is one edit from both "decided" and "decide", and people who type
// it mean the announcement.
const FUZZED = [
  'decided',
  'decision',
  'decisions',
  'decide',
  'decides',
  'deciding',
  'undecided',
  'agreed',
  'agreement',
  'finalize',
  'finalized',
  'finalised',
  'confirmed',
  'approved',
  'canceled',
  'cancelled',
  'postponed',
  'discontinued',
  'deprecated',
  'prioritize',
  'prioritise',
  'proposal',
  'propose',
  'suggestion',
  'effective',
  'starting',
  'mandatory',
] as const;

/**
 * Real words one edit away from a fuzzed word keep their own meaning: "decade" is not "decide",
 * and "approve" (someone still has to) is not "approved" (done).
 */
const KEEP = new Set([
  'agree',
  'agrees',
  'approve',
  'confirm',
  'confirms',
  'confirming',
  'postpone',
  'discontinue',
  'deprecate',
  'cancel',
  'start',
  'started',
  'starts',
  'effect',
  'effects',
  'prioritized',
  'decade',
  'decades',
  'decode',
  'decoded',
  'decodes',
  'decoding',
  'deride',
  'derided',
  'derides',
  'deriding',
  'decider',
  'deciders',
  'derision',
  'division',
  'revision',
  'decisive',
  'agreer',
  'conformed',
  'approver',
  'approves',
  'reproved',
  'finalizer',
  'finalizes',
  'proposals',
  'proposed',
  'proposes',
  'suggestions',
  'starring',
  'stating',
  'starving',
  'staring',
  'stirring',
  'startling',
  'affective',
  'effected',
  'defective',
  'cancels',
  'canceler',
  'postpones',
  'deprecates',
  'agreements',
  'prioritizes',
  'prioritises',
]);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function oneEditVariants(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    for (const letter of LETTERS) out.push(head + letter + tail); // insertion
    if (i < word.length) {
      out.push(head + word.slice(i + 1)); // deletion
      for (const letter of LETTERS) if (letter !== word[i]) out.push(head + letter + word.slice(i + 1)); // substitution
      if (i + 1 < word.length) out.push(head + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2)); // swap
    }
  }
  return out;
}

function buildSpellingMap(): Map<string, string> {
  const map = new Map<string, string>();
  const canonical = (word: string) => FIXED[word] ?? word;
  for (const word of KEEP) map.set(word, word);
  for (const word of FUZZED) map.set(word, canonical(word));
  for (const [variant, word] of Object.entries(FIXED)) map.set(variant, word);
  for (const word of FUZZED) {
    if (word.length < 6) continue;
    for (const variant of oneEditVariants(word)) {
      if (!map.has(variant)) map.set(variant, canonical(word));
    }
  }
  return map;
}

const SPELLING = buildSpellingMap();

/** The canonical spelling of a lower-case word, or the word itself. */
export function canonicalWord(word: string): string {
  return SPELLING.get(word) ?? word;
}

/** Every word canonicalWord may change (and some it leaves as they are). */
export const respelledWords = (): IterableIterator<string> => SPELLING.keys();
