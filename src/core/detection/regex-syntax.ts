/**
 * A reader of regular expression source into a small tree (characters as the sets of word
 * characters they can match, alternatives, repeats, lookarounds, assertions), for regex-words.ts,
 * which reads from the tree the words a match needs. It knows the syntax the detector's
 * expressions use; anything else throws `Unsupported`.
 */

/** What matters of the characters an atom can match: which word characters, and whether any other. */
export interface CharSet {
  readonly words: readonly string[];
  readonly nonWord: boolean;
}

export type Node =
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'alt'; readonly alts: readonly (readonly Node[])[] }
  | { readonly type: 'repeat'; readonly body: Node; readonly min: number; readonly max: number }
  | { readonly type: 'look'; readonly body: Node }
  | { readonly type: 'assert'; readonly kind: '^' | '$' | 'b' | 'B' }
  | { readonly type: 'backref' };

/** Syntax the reader does not know; the caller gives up on the expression (never guesses). */
export class Unsupported extends Error {}

const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The set of the ASCII codes `member` accepts, plus any character beyond ASCII if `beyond`. */
function charSet(member: (code: number) => boolean, beyond: boolean): CharSet {
  const words: string[] = [];
  let nonWord = beyond;
  for (let code = 0; code < 128; code += 1) {
    if (!member(code)) continue;
    if (isWordCode(code)) words.push(String.fromCharCode(code));
    else nonWord = true;
  }
  return { words, nonWord };
}

const NON_WORD: CharSet = { words: [], nonWord: true };
const singles = new Map<number, CharSet>();
function single(code: number): CharSet {
  if (!isWordCode(code)) return NON_WORD;
  let set = singles.get(code);
  if (!set) singles.set(code, (set = { words: [String.fromCharCode(code)], nonWord: false }));
  return set;
}
const SPACE = new Set([9, 10, 11, 12, 13, 32]);
const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: charSet((c) => c >= 48 && c <= 57, false),
  D: charSet((c) => !(c >= 48 && c <= 57), true),
  w: charSet(isWordCode, false),
  W: charSet((c) => !isWordCode(c), true),
  s: charSet((c) => SPACE.has(c), true),
  S: charSet((c) => !SPACE.has(c), true),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

/** A recursive-descent reader of the regular expression syntax the detector uses. */
export class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.at < this.source.length) throw new Unsupported(`unexpected ")" at ${this.at}`);
    return node;
  }

  private peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }

  private disjunction(): Node {
    const alts: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      alts.push(this.sequence());
    }
    return { type: 'alt', alts };
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(atom.type === 'assert' || atom.type === 'look' ? atom : this.quantified(atom));
    }
    return items;
  }

  private quantified(atom: Node): Node {
    const next = this.peek();
    let min: number;
    let max: number;
    if (next === '*' || next === '+' || next === '?') {
      this.at += 1;
      [min, max] = next === '*' ? [0, Infinity] : next === '+' ? [1, Infinity] : [0, 1];
    } else if (next === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!braces) return atom; // a literal "{"
      this.at += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
    } else return atom;
    if (this.peek() === '?') this.at += 1; // lazy: matches the same texts
    return { type: 'repeat', body: atom, min, max };
  }

  private atom(): Node {
    const char = this.peek();
    this.at += 1;
    switch (char) {
      case '^':
      case '$':
        return { type: 'assert', kind: char };
      case '.':
        return { type: 'chars', set: charSet((c) => c !== 10 && c !== 13, true) };
      case '[':
        return { type: 'chars', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return { type: 'chars', set: single(char.codePointAt(0) ?? 0) };
    }
  }

  private group(): Node {
    let look = false;
    if (this.peek() === '?') {
      const kind = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at));
      if (!kind) throw new Unsupported('group kind');
      look = kind[0] !== '?:' && !kind[0].endsWith('>');
      this.at += kind[0].length;
    }
    const body = this.disjunction();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.at += 1;
    return look ? { type: 'look', body } : body;
  }

  private escape(): Node {
    const char = this.peek();
    this.at += 1;
    if (char === 'b' || char === 'B') return { type: 'assert', kind: char };
    if (/[1-9k]/.test(char)) return { type: 'backref' };
    return { type: 'chars', set: this.escapedSet(char) };
  }

  /** The characters of an escape (after the backslash), in or out of a class. */
  private escapedSet(char: string): CharSet {
    const named = CLASS_ESCAPES[char];
    if (named) return named;
    if (char === 'p' || char === 'P') {
      const close = this.source.indexOf('}', this.at);
      if (close < 0) throw new Unsupported('property escape');
      this.at = close + 1;
      return charSet(() => true, true); // some letters and digits: anything, as far as words go
    }
    const code = this.escapedCode(char);
    return single(code);
  }

  private escapedCode(char: string): number {
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return control;
    const hex = char === 'x' ? /^[0-9a-fA-F]{2}/ : char === 'u' ? /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : undefined;
    if (hex) {
      const digits = hex.exec(this.source.slice(this.at));
      if (!digits) throw new Unsupported(`\\${char} escape`);
      this.at += digits[0].length;
      return Number.parseInt(digits[0].replace(/[{}]/g, ''), 16);
    }
    if (char === 'c') throw new Unsupported('control letter escape');
    return char.codePointAt(0) ?? 0; // an identity escape: "\." is "."
  }

  private charClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.at += 1;
    const ascii = new Array<boolean>(128).fill(false);
    let beyond = false;
    const add = (set: CharSet) => {
      for (const char of set.words) ascii[char.charCodeAt(0)] = true;
      // Which non-word character does not matter: any one ends a word.
      if (set.nonWord) beyond = true;
    };
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Unsupported('unclosed class');
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && typeof from === 'number') {
        this.at += 1;
        const to = this.classAtom();
        if (typeof to !== 'number') throw new Unsupported('range to a class');
        for (let code = from; code <= Math.min(to, 127); code += 1) ascii[code] = true;
        if (to > 127) beyond = true;
      } else if (typeof from === 'number') {
        if (from < 128) ascii[from] = true;
        else beyond = true;
      } else add(from);
    }
    this.at += 1;
    // A negated class matches what is not listed: always some character beyond ASCII.
    return negated ? charSet((code) => !ascii[code], true) : charSet((code) => ascii[code] === true, beyond);
  }

  /** One member of a class: a code point, or the set of an escape such as \d. */
  private classAtom(): number | CharSet {
    const char = this.peek();
    this.at += 1;
    if (char !== '\\') return char.codePointAt(0) ?? 0;
    const escaped = this.peek();
    this.at += 1;
    if (escaped === 'b') return 8; // backspace, inside a class
    if (CLASS_ESCAPES[escaped] || escaped === 'p' || escaped === 'P') return this.escapedSet(escaped);
    return this.escapedCode(escaped);
  }
}
