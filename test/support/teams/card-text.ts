/** Reads what a person would see on a card the bot sent: every text, fact and button title. */
import type { ConnectorCall } from './fake-connector.js';

function collect(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Record<string, unknown>;
  if (typeof element.text === 'string') out.push(element.text);
  if (typeof element.title === 'string') out.push(element.title);
  if (typeof element.label === 'string') out.push(element.label);
  if (typeof element.value === 'string' && element.type === 'Fact') out.push(element.value);
  for (const key of ['body', 'items', 'actions', 'facts', 'columns', 'choices']) collect(element[key], out);
  if (Array.isArray(element.facts))
    for (const fact of element.facts as { title?: string; value?: string }[]) out.push(`${fact.title ?? ''} ${fact.value ?? ''}`);
}

export function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = call.body.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return card;
}

/** The card's visible text, invisible word joiners removed, one line per element. */
export function textOf(call: ConnectorCall): string {
  const out: string[] = [];
  collect(cardOf(call).body, out);
  collect(cardOf(call).actions, out);
  return out.join('\n').replaceAll('\u2060', '');
}

/** The data of the card's buttons (Action.Submit), in order. */
export function buttonsOf(call: ConnectorCall): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return void node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Submit') found.push({ title: String(element.title), data: element.data as Record<string, unknown> });
    // An Action.ShowCard's card holds the buttons that ask before they act.
    for (const key of ['body', 'items', 'actions', 'card']) walk(element[key]);
  };
  walk(cardOf(call));
  return found;
}
