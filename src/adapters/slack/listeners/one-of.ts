/**
 * A pattern that matches exactly one of `names` (event types, slash commands, callback ids): how
 * one Bolt listener takes all of a kind (see events.ts for why there is one listener per kind).
 */
const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const oneOf = (names: readonly string[]): RegExp => new RegExp(`^(?:${names.map(escaped).join('|')})$`);
