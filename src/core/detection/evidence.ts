/**
 * The gate to the model (features.ts): whether anything in a message announces at all, and what the
 * signals read of it on the way (a time anchor, a date, a word for stopping, the team acting, a
 * rule's wording). A message without any of these is not given to the model, so ordinary chat (a
 * shell command, a greeting, a bug report) stays quiet whatever its words, and costs little more
 * than the rules.
 */
import { addressOf } from './address.js';
import * as gateWords from './gate-words.js';
import * as lexicon from './lexicon.js';
import { plainlyAnnounced } from './plain-signs.js';
import type { RuleReading } from './rules.js';
import { type TeamAction, teamActions } from './team-action.js';
import { CLASS_NAMES, CLASS_OF, STOPPING } from './word-classes.js';
import { gated } from './word-gate.js';
import { type Tokens, tokensOf } from './word-features.js';

// Each expression runs only on a text with the words it needs (word-gate.ts).
const ANCHOR = gated(lexicon.ANCHOR);
const DATE = gated(lexicon.DATE);
const GATE_WORD = gated(gateWords.GATE_WORD);
const OPENING_WORD = gated(gateWords.OPENING_WORD);

// Obligations and exclusions: how a new rule is worded ("must", "no longer", "only").
const OBLIGATION = gated(/\b(?:must|required|compulsory|mandatory|not permitted|not allowed|(?:has|have) to be|no longer|no more|only)\b/);
// As evidence only the colloquial ones count: "stop", "end" and "cancel" are everyday words in
// technical chat ("stop the service"), measured to fire on it.
const EVERYDAY_STOPPING = /^(?:stop|end|drop|cancel|pause|discontinue)/;
const STOPPING_EVIDENCE = new Set([...STOPPING].filter((word) => !EVERYDAY_STOPPING.test(word)));
const PLUG = /\bpull(?:s|ed|ing)? the plug\b/;

/** The first colloquial word for stopping something ("axing", "pulling the plug"), if any. */
function stoppingWord(tokens: Tokens, flat: string): string | undefined {
  for (const clause of tokens) for (const token of clause) if (STOPPING_EVIDENCE.has(token)) return token;
  return flat.includes(' plug') ? PLUG.exec(flat)?.[0] : undefined;
}
// A time from which or until which something holds: "from June onwards", "in H1", "after this
// quarter", "permanently". Broader than the rules' anchor; the model weighs it with everything else.
const TIME = gated(
  /\b(?:onwards?|permanently|indefinitely|going forward|from now on|(?:from|starting|after|until|till|by|in|on|for|through|throughout|before|this|next|end of|as of) (?:the )?(?:next |this |end of |start of |coming |[a-z]+ )?(?:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}(?:st|nd|rd|th)\b|q[1-4]\b|h[12]\b|(?:week|month|quarter|year|term|semester|sprint|season|weekend)s?\b|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day))/,
);
// The same with the wider time vocabulary: seasons and holidays ("this Christmas", "over the
// summer"), abbreviated days ("Weds"), "over" / "during" a period, "as of this morning".
const TIME_WIDE =
  /\b(?:(?:this|next|over the|during the|for the|by|until|till|after|before|from|in the|at the start of|start of|end of|over) (?:next |this |coming |[a-z]+ )?(?:summer|winter|spring|autumn|christmas|xmas|easter|holidays?|bank holiday|new year|shutdown|break|milestone|release|season|quarter|half|period)\b|\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri)\b(?! ?[:=/])|as of (?:this morning|today|tomorrow)\b|from this (?:point|moment)\b)/;
// The words without one of which TIME_WIDE cannot match: it runs only when one is present
// (classesIn notes it on its pass over the words).
const WIDE_TIME_WORDS = new Set(
  'summer winter spring autumn christmas xmas easter holiday holidays shutdown break milestone release season quarter half period mon tue tues wed weds thu thur thurs fri morning today tomorrow point moment'.split(
    ' ',
  ),
);
// The team as the subject: "we …", "our …", "the team …" at the start of a clause.
const TEAM_SUBJECT = gated(/(?:^|[.;:,!-] )(?:(?:ok|so|update|fyi|heads up|team|all)[,:]? )?(?:we|our|the team|the company)\b/);
// Text no announcement is written in: code, a path, a file name, a command with its flags. Stricter
// than features.ts's CODE_LIKE (no arrows, "a/b", domain names), since it closes the gate.
const TECHNICAL =
  /[{}=|\\`]|(?:^|\s)~?\/[a-z0-9_.-]+\/[a-z0-9_./-]*|\b[a-z]+_[a-z_]+\b|\$[a-z(]|\b[a-z0-9-]+\.(?:conf|cfg|ini|sh|py|js|ts|json|xml|php|log|txt|so|deb|rpm|iso|exe|dll|ya?ml|rb|pl|cpp|java|sql|html|css|md)\b|::|\s-{1,2}[a-z][a-z0-9-]*(?=[\s,.;)]|$)/;

export interface Evidence {
  readonly flat: string;
  readonly tokens: Tokens;
  readonly anchor: RegExpExecArray | null;
  readonly date: RegExpExecArray | null;
  readonly time: RegExpExecArray | null;
  readonly stopping: string | undefined;
  readonly team: boolean;
  readonly obligation: RegExpExecArray | null;
  /** For each word class (CLASS_NAMES index) found, its first word. */
  readonly classes: ReadonlyMap<number, string>;
  readonly actions: readonly TeamAction[];
  /** The words addressing a group at the start ("Drivers:"), if any. */
  readonly address: string | undefined;
  /** How many words of the first clause address a group (0 when none do). */
  readonly addressWords: number;
}

const classIndex = (name: string) => CLASS_NAMES.indexOf(name);
const [OBLIGE, NORM, FORWARD, EVERY, NEW, WE] = ['oblige', 'norm', 'forward', 'every', 'new', 'we'].map(classIndex);
const SETTLING = ['approval', 'fixed', 'dead'].map(classIndex);
const NO_ACTIONS: readonly TeamAction[] = [];

/** The word classes found (each with its first word), and whether a word of TIME_WIDE is there: one pass. */
function classesIn(tokens: Tokens): { classes: Map<number, string>; wideTime: boolean } {
  const classes = new Map<number, string>();
  let wideTime = false;
  for (const clause of tokens)
    for (const token of clause) {
      const indexes = CLASS_OF.get(token);
      if (indexes) for (const index of indexes) if (!classes.has(index)) classes.set(index, token);
      if (!wideTime && WIDE_TIME_WORDS.has(token)) wideTime = true;
    }
  return { classes, wideTime };
}

// The forms in which the team states what it does ("we're switching", "we'll print", "we've
// knocked … on the head", "we move into …"), as opposed to weighing, proposing or denying it.
export const OPENING_FORMS = new Set(['progressive', 'future', 'perfect', 'present']);

/**
 * Signs that something is being announced at all: a rule cue, a date or a time from or until
 * which something holds, a word for stopping, approving or settling something, the wording of a
 * rule, the team stating what it does, two weaker signs (plain-signs.ts: "Kenyan goes on the
 * filter menu, Honduras comes off"), or a word common in announcements and in chat alike ("now",
 * "every", "thumbs up", a first word in -ing), which the model weighs against the chat without
 * decisions it was trained on. Without one the model is not asked, so ordinary chat (a shell
 * command, a greeting, a bug report) stays quiet whatever its words; and it is cheap, so most chat
 * costs little more than the rules.
 */
export function evidenceIn(reading: RuleReading): Evidence | undefined {
  const flat = reading.flat;
  const tokens = tokensOf(reading.clauses);
  const { classes, wideTime } = classesIn(tokens);
  const anchor = ANCHOR.exec(flat);
  const date = DATE.exec(flat);
  const time = TIME.exec(flat) ?? (wideTime ? TIME_WIDE.exec(flat) : null);
  const stopping = stoppingWord(tokens, flat);
  // A rule worded without a date ("every PR needs two approvals now", "new … policy: …"). The team
  // as subject or "must" alone do not open the gate: everyday chat is full of them (measured: the
  // firing rate on chat doubles); the team doing something in a stating form does.
  const has = (index: number | undefined) => index !== undefined && classes.has(index);
  const rule = (has(OBLIGE) || has(NORM)) && (has(FORWARD) || has(EVERY) || has(NEW) || (has(OBLIGE) && has(NORM)));
  // Only "we" and "team" start a team action, and both are words of the class "we".
  const actions = has(WE) ? teamActions(tokens) : NO_ACTIONS;
  const acting = actions.some((action) => OPENING_FORMS.has(action.form));
  // Last, the weak signs (plain-signs.ts), a word for approving, settling or stopping being one.
  const addressed = addressOf(reading.text);
  const found =
    reading.best.family !== undefined ||
    anchor ||
    date ||
    time ||
    stopping ||
    rule ||
    acting ||
    GATE_WORD.test(flat) ||
    OPENING_WORD.test(flat) ||
    gateWords.OPENING_GERUND.test(flat) ||
    plainlyAnnounced(tokens, SETTLING.some(has), addressed?.words ?? 0);
  if (!found) return undefined;
  // Technical text (code, a path, a command with flags) is asked about only when a rule found a
  // cue in it: otherwise its "kill", "dump", "by default" or log dates are not announcements
  // (measured: chat-dev's firing rate halves, no labelled decision is lost).
  if (reading.best.family === undefined && TECHNICAL.test(flat)) return undefined;
  return {
    flat,
    tokens,
    anchor,
    date,
    time,
    stopping,
    team: TEAM_SUBJECT.test(flat),
    obligation: OBLIGATION.exec(flat),
    classes,
    actions,
    address: addressed?.address,
    addressWords: addressed?.words ?? 0,
  };
}
