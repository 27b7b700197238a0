/**
 * What the model (model.ts) weighs in a message: the rules' signals (their score, the kind of cue,
 * the doubts, who decided, a time anchor, a customer topic) and the message's own words, as
 * hashed words, word pairs and word triples. These let the model learn announcements the rules
 * have no pattern for ("the old portal goes offline on 30 June") from labelled examples, without
 * a longer phrase list.
 *
 * Only a message that passes the gate (evidence.ts) is weighed. Every feature keeps a label a
 * channel member can read, so the model's verdict can say which words and signals led to it.
 * Linear in the text, which the rules have already capped.
 */
import { doubtsIn } from './doubts.js';
import { type Evidence, OPENING_FORMS, evidenceIn } from './evidence.js';
import * as lexicon from './lexicon.js';
import { outsiderSubject } from './outsider.js';
import { type PlainSign, shapeSigns } from './plain-signs.js';
import type { RuleReading } from './rules.js';
import { INTERNAL_SUBJECTS } from './subject-words.js';
import type { SubjectKind } from './subject.js';
import { TEAM_FORM_LABEL, type TeamForm } from './team-action.js';
import { CLASS_LABEL, CLASS_NAMES } from './word-classes.js';
import { gated } from './word-gate.js';
import { type WordSink, wordFeatures } from './word-features.js';

export { WORD_BUCKETS } from './word-features.js';

// Each expression runs only on a text with the words it needs (word-gate.ts).
const DOMAIN = gated(lexicon.DOMAIN);

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

// Personal things and meals: "the blue one for my desk", "final decision: pizza".
const PERSONAL_THING = gated(
  /\b(?:my|mine|myself)\b|\b(?:desk|chair|monitor|keyboard|mouse|headphones|mug|lunch|dinner|milk|coffee|tea|salad|sandwich|pizza|burger|veggie|vegan|soy|snacks?|outfit|shoes|jacket|haircut|marathon|gym|wallpaper|playlist)\b/,
);
// Another organisation as the subject, by its capitalised name: "FYI, Contoso has decided to …".
const NAMED_DECIDER =
  /(?:^|[.!?:]\s+|,\s+)(?:[Tt]he\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:has\s+|have\s+|had\s+)?(?:just\s+|now\s+|officially\s+)?(?:decided|announced|chosen|chose|opted|voted|agreed|confirmed)\b/;
// NAMED_DECIDER runs (on the text in its case) only when the message has one of its verbs.
const DECIDER_VERB = gated(/\b(?:decided|announced|chosen|chose|opted|voted|agreed|confirmed)\b/);
// Another organisation named as the subject of a change: "Epic is sunsetting …", "Telmark has axed …".
const NAMED_ACTOR =
  /(?:^|[.!?:;]\s+|,\s+|\bFYI\W+)(?:[Tt]he\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:is|are|has|have|'s|just|will)\s+(?:just\s+|now\s+|officially\s+)?[a-z]+(?:ing|ed)\b/;
const OUR_NAME_WORDS =
  /^(?:We|I|Our|Team|Leadership|Management|Board|Finance|Legal|HR|Ops|Product|Engineering|Sales|Marketing|Support|Compliance|Security|Procurement|Exec|Execs|SLT|CEO|CTO|CFO|COO|Everyone|Partners|Trustees|Directors|ExCo|Senate|Steering|Mgmt)\b/;
/** A name that is one of our own units ("Editorial", "The Department"): not someone else deciding. */
const isOurName = (name: string) => OUR_NAME_WORDS.test(name) || INTERNAL_SUBJECTS.has((name.split(' ')[0] ?? '').toLowerCase());
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

/** Receives the features of a message: the model sums their weights, training keeps them. */
export interface FeatureSink {
  /** False when the sink ignores labels (the model's sum): they are then not put together. */
  readonly labels?: boolean;
  signal(key: string, value: number, label: string): void;
  /** Two word classes in one message (indexes into CLASS_NAMES, first < second). */
  cross(first: number, second: number, firstWord: string, secondWord: string): void;
  word: WordSink;
}

const CLASS_KEYS = CLASS_NAMES.map((name) => `class:${name}`);
const SHAPE_LABEL: Partial<Record<PlainSign, string>> = {
  emphatic: 'a rule that allows no exception',
  body: 'one of our bodies decided',
  report: 'a decision passed on',
  then: 'a choice: "… then"',
};
const SHAPE_KEYS = Object.fromEntries(Object.keys(SHAPE_LABEL).map((sign) => [sign, `shape:${sign}`])) as Record<PlainSign, string>;
const TEAM_KEYS = Object.fromEntries(Object.keys(TEAM_FORM_LABEL).map((form) => [form, `team:${form}`])) as Record<TeamForm, string>;
const CLASS_INDEXES = CLASS_NAMES.map((_, index) => index);
/** Each kind once, in order of first appearance (as a Set would give them, without one). */
const uniqueKinds = <T>(kinds: readonly T[]): T[] => kinds.filter((kind, index) => kinds.indexOf(kind) === index);
const classLabel = (index: number, word: string) => {
  const name = CLASS_NAMES[index] ?? '';
  return `${CLASS_LABEL[name] ?? name} "${word}"`;
};
/** The weight key of a cross of two classes. */
export const crossKey = (first: number, second: number) => `cross:${CLASS_NAMES[first] ?? ''}+${CLASS_NAMES[second] ?? ''}`;
export const crossLabel = (first: number, second: number, firstWord: string, secondWord: string) =>
  `${classLabel(first, firstWord)} with ${classLabel(second, secondWord)}`;

function signalFeatures(reading: RuleReading, evidence: Evidence, sink: FeatureSink): void {
  const { best, clauses } = reading;
  const { flat } = evidence;
  // The sum needs no labels: they are put in words only for a sink that reads them.
  const labelled = sink.labels !== false;
  const signal = (key: string, label: () => string, value = 1) => sink.signal(key, value, labelled ? label() : '');
  signal('bias', () => 'base rate', 1);
  signal('rule:score', () => best.reasons[0] ?? 'rules', best.score);
  if (best.score >= 0.5) signal('rule:fires', () => best.reasons[0] ?? 'rules');
  const family = best.family;
  if (family) signal(`cue:${family}`, () => best.reasons[0] ?? family);
  const subject = best.subject;
  if (subject && subject !== 'none') signal(`subject:${subject}`, () => SUBJECT_LABEL[subject]);
  // The rules found an announcement with no doubt against it and no one else deciding ("We've
  // decided to raise prices from July", "Decision: we move the release to Friday"): one weight for
  // the whole finding, so that words a third party's news or a status report share with it ("raise
  // prices", "the release") do not outweigh it piece by piece.
  if (best.score >= 0.5 && best.doubts.length === 0 && (subject === undefined || subject === 'none' || subject === 'internal'))
    signal('rule:undoubted', () => best.reasons[0] ?? 'an announcement');
  // … and the team states in it what it does ("Decision: we move the release to Friday").
  if (best.score >= 0.5 && best.doubts.length === 0 && evidence.actions.some((action) => OPENING_FORMS.has(action.form)))
    signal('rule:team-states', () => best.reasons[0] ?? 'the team says what it does');
  for (const kind of uniqueKinds(best.doubts))
    signal(`doubt:${kind}`, () => best.reasons.find((reason) => reason.startsWith(kind)) ?? kind);
  // Doubts anywhere in the message, whether or not the rules found a cue to apply them to.
  const asked = clauses.some((clause) => clause.question);
  for (const doubt of doubtsIn(flat, asked, flat.length)) signal(`any:${doubt.kind}`, () => doubt.reason);
  for (const doubt of reading.wide) signal(`any:${doubt.kind}`, () => doubt.reason);
  const { anchor, date, time, stopping, obligation } = evidence;
  if (anchor) signal('anchor', () => `time anchor "${anchor[0]}"`);
  if (date) signal('date', () => `date "${date[0]}"`);
  if (time) signal('time', () => `when "${time[0]}"`);
  if (stopping) signal('stopping', () => `stopping something "${stopping}"`);
  if (evidence.team) signal('team-subject', () => 'the team is the subject');
  if (obligation) signal('obligation', () => `a rule "${obligation[0]}"`);
  const address = evidence.address;
  if (address) signal('address', () => `addressed to "${address}"`);
  for (const action of evidence.actions) signal(TEAM_KEYS[action.form], () => `${TEAM_FORM_LABEL[action.form]}: "${action.words}"`);
  // In index order, read off the class list rather than sorted: no array to copy and sort.
  const classes = CLASS_INDEXES.filter((index) => evidence.classes.has(index));
  for (const index of classes) signal(CLASS_KEYS[index] ?? '', () => classLabel(index, evidence.classes.get(index) ?? ''));
  for (let i = 0; i < classes.length; i += 1)
    for (let j = i + 1; j < classes.length; j += 1) {
      const a = classes[i] ?? 0;
      const b = classes[j] ?? 0;
      sink.cross(a, b, evidence.classes.get(a) ?? '', evidence.classes.get(b) ?? '');
    }
  // The shapes of an announcement among the weak signs (plain-signs.ts): one of our bodies acting,
  // a rule that insists ("No exceptions."), a decision told second-hand, a choice closed by "then".
  for (const sign of shapeSigns(evidence.tokens, evidence.addressWords)) signal(SHAPE_KEYS[sign], () => SHAPE_LABEL[sign] ?? sign);
  const outsider = outsiderSubject(evidence.tokens);
  if (outsider) signal('outsider-subject', () => `done by someone outside the organisation: "${outsider}"`);
  const personal = PERSONAL_THING.exec(flat);
  if (personal) signal('personal', () => `personal "${personal[0]}"`);
  const named = DECIDER_VERB.test(flat) ? NAMED_DECIDER.exec(reading.text) : null;
  if (named && !isOurName(named[1] ?? '')) signal('named-decider', () => `decided by ${named[1] ?? 'someone else'}`);
  const acting = NAMED_ACTOR.exec(reading.text);
  if (acting && !isOurName(acting[1] ?? '')) signal('named-actor', () => `done by ${acting[1] ?? 'someone else'}`);
  const topic = DOMAIN.exec(flat);
  if (topic) signal('topic', () => `customer topic "${topic[0]}"`);
  if (CODE_LIKE.test(flat)) signal('code-like', () => 'technical text');
  let words = 1;
  for (let i = 0; i < flat.length && words <= 30; i += 1) if (flat.charCodeAt(i) === 32) words += 1;
  const length = LENGTHS.find(([limit]) => words <= limit);
  if (length) signal(`length:${length[1]}`, () => `${length[1]} message`);
}

/**
 * Sends the features of a message the rules have read to `sink`; false (and nothing sent) when
 * nothing in it announces.
 */
export function emitFeatures(reading: RuleReading, sink: FeatureSink, options: FeatureOptions = {}): boolean {
  const evidence = evidenceIn(reading);
  if (!evidence) return false;
  if (options.signals ?? true) signalFeatures(reading, evidence, sink);
  else sink.signal('bias', 1, 'base rate');
  if (options.words ?? true) wordFeatures(evidence.tokens, sink.word);
  return true;
}

/** The features of a message the rules have read, with labels, or undefined when nothing in it announces. */
export function featuresOf(reading: RuleReading, options: FeatureOptions = {}): Feature[] | undefined {
  const out: Feature[] = [];
  const found = emitFeatures(
    reading,
    {
      signal: (key, value, label) => out.push({ key, value, label }),
      cross: (first, second, firstWord, secondWord) =>
        out.push({ key: crossKey(first, second), value: 1, label: crossLabel(first, second, firstWord, secondWord) }),
      word: (bucket, surface, previousSurface) =>
        out.push({ key: `w${bucket}`, value: 1, label: previousSurface ? `${previousSurface} ${surface}` : surface }),
    },
    options,
  );
  return found ? out : undefined;
}
