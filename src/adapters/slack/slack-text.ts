/**
 * Text as Slack sends it in messages and slash commands: `&`, `<` and `>` typed by a person arrive
 * as `&amp;`, `&lt;` and `&gt;`, and `<…>` is Slack's own markup (mentions, channels, links). The
 * core wants what the person typed, so the three entities are decoded once, here, outside markup.
 * Modal inputs arrive raw and must not be decoded.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

export function decodeSlackText(text: string): string {
  // Markup is left as it is: its own `&amp;` (inside a link label) belongs to Slack's syntax.
  return text.replace(/(<[^<>]*>)|&(?:amp|lt|gt);/g, (match, markup: string | undefined) => markup ?? ENTITIES[match] ?? match);
}
