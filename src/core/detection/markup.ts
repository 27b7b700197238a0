/**
 * Markup normalisation: turns Slack mrkdwn and Teams HTML into plain text a person would read,
 * so the lexical rules see words, not markup. Mentions become "@mention" (a name must not look
 * like a subject such as "Apple"), links become their label, code is dropped (a snippet that
 * says `decision: true` is not an announcement), quoted lines are dropped (they are someone
 * else's words). Emoji are removed from the text but returned, because a 😂 is a joke signal.
 */

/** Work on at most this much raw input: markup shrinks, and a decision is announced early. */
export const RAW_INPUT_LIMIT = 4000;
/** Then look at the first this-many characters of readable text. */
export const TEXT_LIMIT = 1000;

export interface NormalizedText {
  /** Readable text: single spaces, newlines kept as sentence boundaries, original case. */
  readonly text: string;
  /** Emoji found, as Slack short names ("joy") or the characters themselves ("😂"). */
  readonly emoji: readonly string[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
};

// Slack's angle-bracket forms: <@U1>, <@U1|name>, <#C1|name>, <!here>, <!subteam^S1|@team>,
// <!date^…|fallback>, <https://x|label>, <mailto:a@b|a@b>. Bounded so a stray "<" cannot scan far.
const SLACK_ANGLE = /<([@#!]|https?:\/\/|mailto:)([^<>\n]{0,500})>/gi;
const TEAMS_MENTION = /<at\b[^>]{0,200}>[^<]{0,200}<\/at>/gi;
const CODE_BLOCK = /```[\s\S]*?```|<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>/gi;
const INLINE_CODE = /`[^`\n]{0,300}`/g;
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|tr|h[1-6]|blockquote)\b[^<>]{0,500}>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9-]{0,20}(?:\s[^<>]{0,500})?\/?>/gi;
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]{1,500}/gi;
const SHORTCODE = /(?<![0-9a-z]):([a-z0-9_+'-]{1,40}):/gi;
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F170}-\u{1F189}]/gu;
// Variation selectors, zero-width joiners, keycaps and skin tones left between removed emoji.
const EMOJI_RESIDUE = /\uFE0E|\uFE0F|\u200D|\u20E3|\p{Emoji_Modifier}/gu;

function decodeEntity(_match: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16));
  if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10));
  return ENTITIES[lower] ?? `&${body};`;
}

function safeCodePoint(code: number): string {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

function slackAngle(_match: string, kind: string, rest: string): string {
  const bar = rest.indexOf('|');
  const label = bar >= 0 ? rest.slice(bar + 1).trim() : '';
  switch (kind) {
    case '@':
      return ' @mention ';
    case '#':
      return label ? ` #${label} ` : ' #channel ';
    case '!':
      if (rest.startsWith('subteam')) return ' @mention ';
      if (rest.startsWith('date')) return label ? ` ${label} ` : ' ';
      return ` @${rest.split('|')[0] ?? 'here'} `;
    default:
      // A link: its label is what readers see; an unlabelled link reads as "link".
      return label ? ` ${label} ` : ' link ';
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
const WORD_BEFORE = /[\p{L}\p{N}][\s\uFE0F]*$/u;
const WORD_AFTER = /^[\s\uFE0F\p{Extended_Pictographic}]*[\p{L}\p{N}]/u;

/**
 * What an emoji becomes: between words it separates them like a dash ("DECISION 🚨 seats are
 * sold in tens" reads as "DECISION - seats …"); elsewhere it is just dropped.
 */
function separator(source: string, offset: number, length: number): string {
  const before = source.slice(Math.max(0, offset - 3), offset);
  const after = source.slice(offset + length, offset + length + 12);
  return WORD_BEFORE.test(before) && WORD_AFTER.test(after) ? ' - ' : ' ';
}

const BULLET = /^(?:[-•◦▪‣]|\d{1,2}[.)])\s+/;
const BULLET_START = /^[-•◦▪‣\d]/;

/** A line as the rules read it: single spaces, no list bullet; undefined for an empty or quoted line. */
function lineText(line: string): string | undefined {
  const trimmed = (line.includes('  ') ? line.replace(/ {2,}/g, ' ') : line).trim();
  // A quoted line ("> …") repeats someone else's message.
  if (!trimmed || trimmed.startsWith('>')) return undefined;
  // List bullets: the item is the sentence.
  return BULLET_START.test(trimmed) ? trimmed.replace(BULLET, '') : trimmed;
}

/** Turns chat markup into readable text and collects the emoji. Never throws; linear time. */
export function normalizeMarkup(raw: string): NormalizedText {
  const emoji: string[] = [];
  let text = raw.length > RAW_INPUT_LIMIT ? raw.slice(0, RAW_INPUT_LIMIT) : raw;
  // Each pass below only runs when its telltale character is there: most messages are plain
  // ASCII without markup, and then all but a few passes are skipped (measured: a fifth of the
  // detector's time went to passes that found nothing).
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');

  // Code first: nothing inside it is chat. An unclosed fence (or a cut) hides the rest.
  const angled = text.includes('<');
  if (angled || text.includes('`')) {
    text = text.replace(CODE_BLOCK, '\n');
    const openFence = text.indexOf('```');
    if (openFence >= 0) text = text.slice(0, openFence);
    text = text.replace(INLINE_CODE, ' code ');
  }

  if (angled) {
    text = text.replace(TEAMS_MENTION, ' @mention ');
    text = text.replace(SLACK_ANGLE, slackAngle);
    text = text.replace(BLOCK_TAG, '\n').replace(ANY_TAG, ' ');
  }
  // Entities after tags, so an escaped "&lt;p&gt;" typed by a person stays text.
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  // Decoded entities may be outside ASCII ("&nbsp;", "&mdash;"), so this is asked after them.
  const ascii = !NON_ASCII.test(text);
  if (text.includes('://') || /www\./i.test(text)) text = text.replace(BARE_URL, ' link ');

  if (text.includes(':'))
    text = text.replace(SHORTCODE, (match: string, name: string, offset: number, source: string) => {
      if (!/[a-z+]/i.test(name)) return match; // "10:00:30" is a time, not an emoji
      emoji.push(name.toLowerCase());
      return separator(source, offset, match.length);
    });
  if (!ascii) {
    text = text.replace(EMOJI_RESIDUE, '');
    text = text.replace(PICTOGRAPH, (char: string, offset: number, source: string) => {
      emoji.push(char);
      return separator(source, offset, char.length);
    });
    text = text
      .replace(/[\u2018\u2019\u201b\u2032´]/g, "'")
      .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
      .replace(/[\u2013\u2014\u2015]/g, ' - ')
      .replace(/[\u2192\u27f6\u21d2]/g, ' -> ')
      .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
  }
  if (text.includes('`')) text = text.replace(/`/g, "'");
  if (text.includes('\t')) text = text.replace(/\t/g, ' ');
  // Bold, italics and strike-through markers carry no words.
  if (text.includes('*') || text.includes('~')) text = text.replace(/[*~]+/g, ' ');
  if (text.includes('_')) text = text.replace(/(^|[\s(])_+|_+(?=$|[\s.,:;!?)])/gm, '$1');

  let readable: string;
  if (text.includes('\n')) {
    const lines: string[] = [];
    for (const line of text.split('\n')) {
      const readableLine = lineText(line);
      if (readableLine !== undefined) lines.push(readableLine);
    }
    readable = lines.join('\n');
  } else readable = lineText(text) ?? '';
  // "Decisión", "décidé": accents are not what the rules look at (none left once the emoji are gone).
  if (!ascii && NON_ASCII.test(readable)) readable = readable.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (readable.length > TEXT_LIMIT) {
    const cut = readable.lastIndexOf(' ', TEXT_LIMIT);
    readable = readable.slice(0, cut > TEXT_LIMIT / 2 ? cut : TEXT_LIMIT);
  }
  return { text: readable, emoji };
}
