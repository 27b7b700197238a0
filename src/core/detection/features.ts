/**
 * What the model (model.ts) weighs in a message: the rules' signals (their score, the kind of cue,
 * the doubts, who decided, a time anchor, a customer topic) and the message's own words, as
 * hashed words, word pairs and word triples. These let the model learn announcements the rules
 * have no pattern for ("the old portal goes offline on 30 June") from labelled examples, without
 * a longer phrase list.
 *
 * Every feature keeps a label a channel member can read, so the model's verdict can say which
 * words and signals led to it. Linear in the text, which the rules have already capped.
 */
import { doubtsIn } from './doubts.js';
import { ANCHOR, DATE, DOMAIN } from './lexicon.js';
import { messageDoubts } from './score.js';
import type { RuleReading } from './rules.js';
import type { SubjectKind } from './subject.js';

/** Word features are hashed into this many buckets (a power of two). */
export const WORD_BUCKETS = 1 << 18;

export interface Feature {
  /** The weight's key: a signal name ("doubt:question") or a word bucket ("w123"). */
  readonly key: string;
  readonly value: number;
  /** What a person would read: the words ("goes offline") or the signal ('time anchor "from may"'). */
  readonly label: string;
}

export interface FeatureOptions {
  /** Include the rules' signals (default true). */
  readonly signals?: boolean;
  /** Include words, word pairs and triples (default true). */
  readonly words?: boolean;
}

const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'june',
  'jun',
  'july',
  'jul',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
]);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'tomorrow', 'tonight']);
const PERIODS = new Set([
  'week',
  'weeks',
  'month',
  'months',
  'quarter',
  'quarters',
  'year',
  'years',
  'term',
  'semester',
  'sprint',
  'season',
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
]);
// Colloquial ways to stop something ("axing", "shelved", "pulling the plug"): one class, so an
// example with "axing" teaches the model about "binning" too.
const STOPPING = new Set(
  [
    'kill',
    'axe',
    'ax',
    'nix',
    'shelve',
    'scrap',
    'bin',
    'can',
    'ditch',
    'chop',
    'dump',
    'cull',
    'park',
    'sunset',
    'retire',
    'drop',
    'cancel',
    'pause',
    'stop',
    'end',
    'discontinue',
  ]
    .flatMap((verb) => [
      verb,
      `${verb}s`,
      `${verb}ed`,
      `${verb}d`,
      `${verb}ing`,
      `${verb.replace(/e$/, '')}ing`,
      `${verb}${verb.at(-1) ?? ''}ed`,
      `${verb}${verb.at(-1) ?? ''}ing`,
    ])
    .filter((word) => !['can', 'cans', 'ended', 'end', 'ends', 'bin', 'bins', 'ax', 'axs', 'park', 'parks'].includes(word)),
);
// Verbs that state a new arrangement in the present tense ("the portal goes offline on 30 June",
// "Ward 7 reopens in January"): one class, like the stopping words.
const CHANGING = new Set([
  'moves',
  'relocates',
  'reopens',
  'resumes',
  'switches',
  'shifts',
  'holds',
  'stays',
  'remains',
  'starts',
  'begins',
  'opens',
  'closes',
  'launches',
  'ships',
  'replaces',
  'includes',
  'covers',
  'disappears',
  'goes',
  'runs',
  'owns',
  'takes',
  'handles',
  'applies',
  'kicks',
  'expires',
  'becomes',
  'happens',
  'extends',
  'drops',
  'gets',
  'get',
  'moving',
  'shifting',
  'switching',
  'happening',
]);
// Obligations and exclusions: how a new rule is worded ("must", "no longer", "only").
const OBLIGATION = /\b(?:must|required|compulsory|mandatory|not permitted|not allowed|(?:has|have) to be|no longer|no more|only)\b/;
// Personal things and meals: "the blue one for my desk", "final decision: pizza".
const PERSONAL_THING =
  /\b(?:my|mine|myself)\b|\b(?:desk|chair|monitor|keyboard|mouse|headphones|mug|lunch|dinner|milk|coffee|tea|salad|sandwich|pizza|burger|veggie|vegan|soy|snacks?|outfit|shoes|jacket|haircut|marathon|gym|wallpaper|playlist)\b/;
// Another organisation as the subject, by its capitalised name: "FYI, Contoso has decided to …".
const NAMED_DECIDER =
  /(?:^|[.!?:]\s+|,\s+)(?:[Tt]he\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:has\s+|have\s+|had\s+)?(?:just\s+|now\s+|officially\s+)?(?:decided|announced|chosen|chose|opted|voted|agreed|confirmed)\b/;
const OUR_NAMES =
  /^(?:We|I|Our|Team|Leadership|Management|Board|Finance|Legal|HR|Ops|Product|Engineering|Sales|Marketing|Support|Compliance|Security|Procurement|Exec|Execs|SLT|CEO|CTO|CFO|COO|Everyone|Partners|Trustees|Directors)\b/;
// As evidence only the colloquial ones count: "stop", "end" and "cancel" are everyday words in
// technical chat ("stop the service"), measured to fire on it.
const EVERYDAY_STOPPING = /^(?:stop|end|drop|cancel|pause|discontinue)/;
const STOPPING_WORD = new RegExp(
  `\\b(?:${[...STOPPING].filter((word) => !EVERYDAY_STOPPING.test(word)).join('|')}|pull(?:s|ed|ing)? the plug)\\b`,
);
const TOKEN = /[a-z][a-z0-9]*(?:['-][a-z0-9]+)*|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|am|pm|k|m|h|%)?|[£$€]|[?]/g;

/** The class a token stands for, so "from 12 March" and "from 3 June" teach the same thing. */
function tokenClass(token: string): string {
  if (/^\d/.test(token)) return '<number>';
  if (token === '£' || token === '$' || token === '€') return '<money>';
  if (MONTHS.has(token)) return '<month>';
  if (DAYS.has(token)) return '<day>';
  if (PERIODS.has(token)) return '<period>';
  return token;
}

/** 32-bit FNV-1a: a stable hash, the same in training and at run time. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function wordFeatures(clauses: RuleReading['clauses'], out: Feature[]): void {
  const seen = new Set<number>();
  const add = (gram: string, label: string) => {
    const bucket = hash(gram) & (WORD_BUCKETS - 1);
    if (seen.has(bucket)) return;
    seen.add(bucket);
    out.push({ key: `w${bucket}`, value: 1, label });
  };
  for (const clause of clauses) {
    const tokens = clause.text.match(TOKEN) ?? [];
    let previous = '^';
    let previousSurface = '';
    let before = '';
    for (const surface of tokens) {
      const token = tokenClass(surface);
      add(token, surface);
      if (STOPPING.has(token)) add('<stopping>', surface);
      if (CHANGING.has(token)) add(`${previous} <changing>`, previousSurface ? `${previousSurface} ${surface}` : surface);
      add(`${previous} ${token}`, previousSurface ? `${previousSurface} ${surface}` : surface);
      if (before) add(`${before} ${previous} ${token}`, `${previousSurface} ${surface}`);
      before = previous;
      previous = token;
      previousSurface = surface;
    }
  }
}

// A time from which or until which something holds: "from June onwards", "in H1", "after this
// quarter", "permanently". Broader than the rules' anchor; the model weighs it with everything else.
const TIME =
  /\b(?:onwards?|permanently|indefinitely|going forward|from now on|(?:from|starting|after|until|till|by|in|on|for|through|throughout|before|this|next|end of|as of) (?:the )?(?:next |this |end of |start of |coming |[a-z]+ )?(?:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}(?:st|nd|rd|th)\b|q[1-4]\b|h[12]\b|(?:week|month|quarter|year|term|semester|sprint|season|weekend)s?\b|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day))/;
// The team as the subject: "we …", "our …", "the team …" at the start of a clause.
const TEAM_SUBJECT = /(?:^|[.;:,!-] )(?:(?:ok|so|update|fyi|heads up|team|all)[,:]? )?(?:we|our|the team|the company)\b/;
// Code, paths and configuration: technical chat, not an announcement.
const CODE_LIKE = /[{}=|\\<>]|\/[a-z0-9_.-]+\/|\b[a-z]+_[a-z_]+\b|\$[a-z(]|\b[a-z]+\.[a-z]{2,4}\b|::/;

const SUBJECT_LABEL: Readonly<Record<SubjectKind, string>> = {
  internal: 'decided by the team',
  none: 'no one named',
  personal: 'personal choice',
  external: 'third party',
  unknown: 'decided by someone unnamed or outside the team',
};

const LENGTHS: ReadonlyArray<readonly [number, string]> = [
  [4, 'very short'],
  [10, 'short'],
  [30, 'medium'],
  [Number.POSITIVE_INFINITY, 'long'],
];

interface Evidence {
  readonly flat: string;
  readonly anchor: RegExpExecArray | null;
  readonly date: RegExpExecArray | null;
  readonly time: RegExpExecArray | null;
  readonly stopping: RegExpExecArray | null;
  readonly team: boolean;
  readonly obligation: RegExpExecArray | null;
}

/**
 * Signs that something is being announced at all: a rule cue, a date or a time from or until
 * which something holds, a word for stopping something. Without one the
 * model is not asked, so ordinary chat (a shell command, a greeting, a bug report) stays quiet
 * whatever its words; and it is cheap, so most chat costs little more than the rules.
 */
function evidenceIn(reading: RuleReading): Evidence | undefined {
  const flat = reading.clauses.map((clause) => clause.text).join(' ');
  const evidence = {
    flat,
    anchor: ANCHOR.exec(flat),
    date: DATE.exec(flat),
    time: TIME.exec(flat),
    stopping: STOPPING_WORD.exec(flat),
    team: TEAM_SUBJECT.test(flat),
    obligation: OBLIGATION.exec(flat),
  };
  // The team as subject and the wording of a rule are weighed too, but do not open the gate:
  // everyday chat is full of "we" and "must" (measured: the firing rate on chat doubles).
  const found = reading.best.family !== undefined || evidence.anchor || evidence.date || evidence.time || evidence.stopping;
  return found ? evidence : undefined;
}

function signalFeatures(reading: RuleReading, evidence: Evidence, out: Feature[]): void {
  const { best, canonical, clauses } = reading;
  const { flat } = evidence;
  const signal = (key: string, label: string, value = 1) => out.push({ key, value, label });
  signal('bias', 'base rate', 1);
  signal('rule:score', best.reasons[0] ?? 'rules', best.score);
  if (best.score >= 0.5) signal('rule:fires', best.reasons[0] ?? 'rules');
  if (best.family) signal(`cue:${best.family}`, best.reasons[0] ?? best.family);
  if (best.subject && best.subject !== 'none') signal(`subject:${best.subject}`, SUBJECT_LABEL[best.subject]);
  for (const kind of new Set(best.doubts)) signal(`doubt:${kind}`, best.reasons.find((reason) => reason.startsWith(kind)) ?? kind);
  // Doubts anywhere in the message, whether or not the rules found a cue to apply them to.
  const asked = clauses.some((clause) => clause.question);
  for (const doubt of doubtsIn(flat, asked, flat.length)) signal(`any:${doubt.kind}`, doubt.reason);
  for (const doubt of messageDoubts(canonical, reading.emoji)) signal(`any:${doubt.kind}`, doubt.reason);
  if (evidence.anchor) signal('anchor', `time anchor "${evidence.anchor[0]}"`);
  if (evidence.date) signal('date', `date "${evidence.date[0]}"`);
  if (evidence.time) signal('time', `when "${evidence.time[0]}"`);
  if (evidence.stopping) signal('stopping', `stopping something "${evidence.stopping[0]}"`);
  if (evidence.team) signal('team-subject', 'the team is the subject');
  if (evidence.obligation) signal('obligation', `a rule "${evidence.obligation[0]}"`);
  const personal = PERSONAL_THING.exec(flat);
  if (personal) signal('personal', `personal "${personal[0]}"`);
  const named = NAMED_DECIDER.exec(reading.text);
  if (named && !OUR_NAMES.test(named[1] ?? '')) signal('named-decider', `decided by ${named[1] ?? 'someone else'}`);
  const topic = DOMAIN.exec(flat);
  if (topic) signal('topic', `customer topic "${topic[0]}"`);
  if (CODE_LIKE.test(flat)) signal('code-like', 'technical text');
  const words = flat.split(' ').length;
  const length = LENGTHS.find(([limit]) => words <= limit);
  if (length) signal(`length:${length[1]}`, `${length[1]} message`);
}

/** The features of a message the rules have read, or undefined when nothing in it announces. */
export function featuresOf(reading: RuleReading, options: FeatureOptions = {}): Feature[] | undefined {
  const evidence = evidenceIn(reading);
  if (!evidence) return undefined;
  const out: Feature[] = [];
  if (options.signals ?? true) signalFeatures(reading, evidence, out);
  else out.push({ key: 'bias', value: 1, label: 'base rate' });
  if (options.words ?? true) wordFeatures(reading.clauses, out);
  return out;
}
