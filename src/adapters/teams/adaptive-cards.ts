/**
 * Neutral messages → Adaptive Cards for Teams. Pure functions.
 *
 * What a TextBlock does with text (the facts this module relies on):
 * - It renders a subset of CommonMark: `**bold**`, `_italic_`, `- ` / `1. ` lists and
 *   `[title](url)` links; headings, tables and images are not supported
 *   (learn.microsoft.com/adaptive-cards/authoring-cards/text-features). Teams also applies it to
 *   `Fact.title` and `Fact.value` (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format).
 * - "HTML isn't supported in Adaptive Cards" (same Teams page): `<b>` is not rendered as markup, and
 *   `&lt;` is not decoded as an entity by every host, so HTML-escaping would show `&lt;` literally.
 * - A mention in a card needs `<at>Name</at>` in the text *and* a matching entity in
 *   `msteams.entities`. We never emit entities, so no text can become a real mention; on top of that
 *   `<` in any text is followed by an invisible WORD JOINER (U+2060), so no host can see a tag, an
 *   autolink (`<https://…>`) or an `<at>` in it, whether or not it honours backslash escapes.
 * - Backslash escapes are CommonMark, but older Teams mobile clients showed the backslash
 *   (MicrosoftDocs/msteams-docs#5793, microsoft/AdaptiveCards#4677, fixed for `\*` on iOS in
 *   microsoft/Teams-AdaptiveCards-Mobile#83). A stray visible backslash is the accepted cost: the
 *   text stays inert either way.
 * - `{{DATE(…)}}` / `{{TIME(…)}}` in a TextBlock are formatting functions; user text gets a word
 *   joiner between the braces so it is shown, not evaluated.
 * - A single `\n` is a soft break (a space), by design: a line break needs `\n\n`
 *   (microsoft/AdaptiveCards#5538, MicrosoftDocs/msteams-docs#10086), so every line break is doubled.
 */
import { spellCommands } from '../../core/commands/usage.js';
import { type Block, type Button, type Inline, type Message, fallbackFor } from '../../core/messages.js';
import { truncate as cutText } from '../../core/truncate.js';
import { encodeCardAction } from './action-codec.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Our own limits. The documented message size has moved over the years: ~28 KB for incoming
 * webhooks, 40 KB and lately 100 KB for bot messages ("Format your bot messages" on Learn, as
 * quoted in Microsoft Q&A threads of 2025), counted in bytes. The card gets 24,000 bytes of
 * serialized UTF-8 JSON, under the smallest of those, so the activity envelope and the fallback
 * text (at most 1,000 characters) fit in the rest whatever the tenant's limit is today.
 * 40 body elements keeps cards readable on mobile.
 */
export const LIMITS = { textBlock: 4000, bodyElements: 40, cardBytes: 24_000, fallback: 1000, buttonTitle: 60, buttons: 6 } as const;

const WORD_JOINER = '\u2060';

/** {@link cutText}, and a cut right after a backslash drops it: it would escape the ellipsis and show. */
export function truncate(text: string, max: number): string {
  const cut = cutText(text, max);
  return cut === text ? text : cut.replace(/\\+…$/, '…');
}

/** `<` and `&` followed by a word joiner: no tag, autolink, mention or entity can start there. */
const neutraliseAngles = (text: string): string =>
  text.replace(/[<&]/g, (char) => `${char}${WORD_JOINER}`).replace(/\{\{/g, `{${WORD_JOINER}{`);

/**
 * Makes text inert in a TextBlock: markdown punctuation backslash-escaped, line-start list and
 * quote markers escaped, `<`, `&` and `{{` broken with a word joiner.
 */
export function escapeCardText(text: string): string {
  return neutraliseAngles(
    text
      .replace(/[\\*_[\]()`#>~|!]/g, (char) => `\\${char}`)
      .replace(/^(\s*)([-+])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\./gm, '$1\\.'),
  );
}

/**
 * Our own punctuation needs less: without `[` no link can form, and headings, tables and
 * blockquotes only start a line. Escaping less keeps our `(5.1.2)` free of backslashes on clients
 * that show them; usage texts still contain `<statement>`, `[page:2]` and `at_risk`.
 */
const escapeOwnText = (text: string): string =>
  neutraliseAngles(
    text
      .replace(/[\\*_[\]~]/g, (char) => `\\${char}`)
      .replace(/^(\s*)([-+>#])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\./gm, '$1\\.'),
  );

/**
 * Our own text: commands spelled the Teams way, `*bold*` → `**bold**`, `` `code` `` kept as a code
 * span, everything else escaped with {@link escapeOwnText}.
 */
export function ownText(text: string): string {
  const spelled = spellCommands(text, 'teams');
  let result = '';
  let last = 0;
  for (const match of spelled.matchAll(/\*([^*\n]+)\*|`([^`\n]+)`/g)) {
    result += escapeOwnText(spelled.slice(last, match.index));
    // Inside a code span backslash escapes are literal in CommonMark, so only the angles are touched.
    result += match[1] !== undefined ? `**${escapeOwnText(match[1])}**` : `\`${neutraliseAngles(match[2] ?? '')}\``;
    last = match.index + match[0].length;
  }
  return result + escapeOwnText(spelled.slice(last));
}

/** Only absolute http(s) URLs become links; `(`, `)` and spaces encoded so they cannot end the target. */
function safeUrl(link: string): string | undefined {
  try {
    const url = new URL(link);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.href.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

export function inlineToCardText(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return ownText(part);
      if ('user' in part) return escapeCardText(part.user);
      // A name, never a mention: a real mention needs an entity, and a snapshot name is enough here.
      if ('person' in part) return escapeCardText(part.person.name ?? part.person.id ?? 'someone');
      // `#name` with no space is no heading, so the hash needs no escape.
      if ('channel' in part) return `#${escapeCardText(part.channel)}`;
      const url = safeUrl(part.link);
      const label = escapeCardText(part.label);
      return url ? `[${label}](${url})` : label;
    })
    .join('');
}

/** Line breaks doubled (see the module comment), then cut to the TextBlock limit. */
export const cardText = (text: string): string => truncate(text.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n\n'), LIMITS.textBlock);

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: cardText(text),
  wrap: true,
  ...extra,
});

/**
 * Adaptive Cards have no confirmation dialog, so a button that asks first (retiring) opens a
 * small card under it with the question and the button that really acts.
 */
function buttonAction(button: Button): CardElement {
  if (!button.confirm) return submitAction(button);
  return {
    type: 'Action.ShowCard',
    title: truncate(button.label, LIMITS.buttonTitle),
    card: {
      type: 'AdaptiveCard',
      body: [textBlock(escapeOwnText(button.confirm))],
      actions: [submitAction({ ...button, label: `Yes, ${button.label.toLowerCase()}` })],
    },
  };
}

function submitAction(button: Button): CardElement {
  return {
    type: 'Action.Submit',
    title: truncate(button.label, LIMITS.buttonTitle),
    data: encodeCardAction(button.action),
    ...(button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function renderBlock(block: Block): CardElement | undefined {
  switch (block.kind) {
    case 'heading':
      // Headings are plain on Slack too: nothing in them is markup, so no bold conversion.
      return textBlock(escapeOwnText(spellCommands(block.text, 'teams')), { weight: 'Bolder', size: 'Medium' });
    case 'text':
      return textBlock(inlineToCardText(block.parts));
    case 'context':
      return textBlock(inlineToCardText(block.parts), { isSubtle: true, size: 'Small' });
    case 'fields':
      return {
        type: 'FactSet',
        facts: block.items.map(([label, value]) => ({ title: cardText(ownText(label)), value: cardText(inlineToCardText(value)) })),
      };
    case 'list':
      // One Container, so a 20-item list costs one of the 40 body elements.
      return { type: 'Container', items: block.items.map((item) => textBlock(`• ${inlineToCardText(item)}`, { spacing: 'Small' })) };
    case 'actions': {
      // Teams desktop and web show at most six actions per set (observed, not documented:
      // atc0005/go-teams-notify#161), so longer rows become several sets.
      const sets: CardElement[] = [];
      for (let i = 0; i < block.buttons.length; i += LIMITS.buttons) {
        sets.push({ type: 'ActionSet', actions: block.buttons.slice(i, i + LIMITS.buttons).map(buttonAction) });
      }
      return sets.length === 1 ? sets[0] : { type: 'Container', items: sets };
    }
    case 'divider':
      return undefined;
  }
}

/**
 * In Adaptive Cards a separator is drawn by the element below it (`separator: true`), so a divider
 * marks the next element rather than adding an empty Container, which hosts may skip entirely.
 */
function renderBody(blocks: readonly Block[]): CardElement[] {
  const body: CardElement[] = [];
  let separate = false;
  for (const block of blocks) {
    const element = renderBlock(block);
    if (!element) {
      separate = body.length > 0;
      continue;
    }
    body.push(separate ? { ...element, separator: true, spacing: 'Medium' } : element);
    separate = false;
  }
  return body;
}

const MORE_NOTE = (): CardElement => textBlock('…more than fits in one message.', { isSubtle: true, size: 'Small' });

const byteSize = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** A card for a message, cut to {@link LIMITS} with a note saying so. */
export function toAdaptiveCard(message: Message): AdaptiveCard {
  let body = renderBody(message.blocks);
  if (body.length > LIMITS.bodyElements) body = [...body.slice(0, LIMITS.bodyElements - 1), MORE_NOTE()];
  const card = (elements: CardElement[]): AdaptiveCard => ({
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: elements,
    msteams: { width: 'Full' },
  });
  let result = card(body);
  // Dropping whole elements from the end keeps every element valid; one element alone over the
  // budget (four 4,000-character facts) is cut too, leaving only the note.
  while (byteSize(result) > LIMITS.cardBytes && body.length > 0) {
    body = body.slice(0, -1);
    result = card([...body, MORE_NOTE()]);
  }
  return result;
}

/** The card plus the plain text Teams uses for notifications (`activity.summary`). */
export function toTeamsMessage(message: Message): { text: string; card: AdaptiveCard } {
  const plain = spellCommands(fallbackFor(message), 'teams').replace(/[*`]/g, '');
  return { text: truncate(neutraliseAngles(plain), LIMITS.fallback), card: toAdaptiveCard(message) };
}
