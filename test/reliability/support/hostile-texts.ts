/**
 * Texts people (or attackers) type, whatever the platform; names keep the test output readable.
 * Each platform's suite adds the injections its own markup would fall for.
 */
export const HOSTILE_TEXTS: readonly [name: string, text: string][] = [
  ['empty', ''],
  ['blanks', '   \t  '],
  ['huge word run', 'word '.repeat(20_000)],
  ['one huge token', 'x'.repeat(5_000)],
  ['bell and escape', 'Bell\u0007 and \u001b[31mred\u001b[0m'],
  ['nul byte', 'before\u0000after'],
  ['right-to-left override', 'Invoice \u202Efdp.exe\u202C customer:"\u202EAcme"'],
  ['Hebrew and Arabic', 'שלום עולם مرحبا بالعالم customer:"עמית"'],
  ['zero-width', 'REQ\u200B-1 \u200C\u200D\uFEFFhidden'],
  ['quotes gone wrong', 'customer:"Acme type:"stated category:'],
];
