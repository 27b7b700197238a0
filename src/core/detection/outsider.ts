/**
 * Someone outside the organisation heading a clause as its subject: "Our payment provider moves
 * payouts to weekly …", "Supplier stops making the 40mm bolts …", "Customer cancelled the PO …",
 * "Our main donor will fund only …". Worded like our own announcements (a change, a time, a rule),
 * they are someone else's decision; the model weighs this against the rest (features.ts).
 */
import type { Tokens } from './word-features.js';

const OUTSIDERS = new Set(
  'supplier suppliers vendor vendors provider providers donor donors funder funders sponsor sponsors customer customers client clients landlord landlords regulator regulators insurer insurers bank banks courier couriers carrier carriers distributor distributors wholesaler wholesalers contractor contractors competitor competitors rival rivals manufacturer manufacturers airline airlines government ministry authority authorities reseller resellers retailer retailers publisher publishers venue'.split(
    ' ',
  ),
);
// Words that may stand before the subject: "our main donor", "the big supplier", "one customer".
const BEFORE = new Set(['the', 'our', 'a', 'one', 'main', 'big', 'new', 'old', 'biggest', 'largest', 'key', 'local', 'that', 'this']);

/** The outsider heading a clause of the message ("provider"), if any. */
export function outsiderSubject(tokens: Tokens): string | undefined {
  for (const clause of tokens)
    for (let at = 0; at < Math.min(clause.length - 1, 4); at += 1) {
      const word = clause[at] ?? '';
      if (OUTSIDERS.has(word)) return word;
      if (!BEFORE.has(word) && !word.endsWith("'s")) break;
    }
  return undefined;
}
