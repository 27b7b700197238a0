/**
 * The ports the core needs from the outside world. Each is small and shaped by the domain;
 * adapters implement them (storage over keyv and each backend's atomic primitives, a system clock,
 * random ids). Every method either completes durably or throws: the core never sees a half-write.
 */
import type { DecisionCheck, FollowUpAction, ImpactAnswer } from './domain/decision-check.js';
import type { EvidenceDraft, EvidenceEntry } from './domain/evidence.js';
import type { CustomerFeedback } from './domain/feedback.js';
import type { KnowledgeRecord } from './domain/knowledge.js';
import type { Responsibility, ResponsibilityArea } from './domain/responsibility.js';
import type { Requirement, RequirementReview } from './domain/requirement.js';
import type { Role } from './domain/roles.js';
import type { IsoDate, Platform, WorkspaceId } from './domain/shared.js';
import type { Message } from './messages.js';
import type { Seal } from './audit/seal.js';
import type { LinkSigner } from './links/link-types.js';
import type { DetectionMode, RoleAssignment, Workspace } from './domain/workspace.js';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new random id, unique across instances (used for checks, answers, actions, feedback). */
  newId(): string;
}

/** Half-open instant range `[from, to)`. */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Applies `change` to the stored record and saves it only if nobody saved it in between;
 * on a conflict it re-reads and applies `change` again. Returns the saved record, or undefined
 * when the record does not exist. `change` may throw a DomainError to refuse the change.
 */
export type Mutator<T> = (current: T) => T;

export interface WorkspaceRepository {
  /** Creates the workspace if it does not exist yet; idempotent. Returns the stored workspace. */
  ensure(workspace: Workspace): Promise<Workspace>;
  /** Undefined when unknown. */
  get(id: WorkspaceId): Promise<Workspace | undefined>;
  /** All workspaces, oldest first. */
  list(): Promise<Workspace[]>;
  update(id: WorkspaceId, change: Mutator<Workspace>): Promise<Workspace | undefined>;
}

export interface RoleRepository {
  /** Undefined when the person has no explicit role. */
  get(workspaceId: WorkspaceId, userId: string): Promise<RoleAssignment | undefined>;
  set(assignment: RoleAssignment): Promise<void>;
  /** Every explicit assignment of a workspace (people with a role other than the default). */
  list(workspaceId: WorkspaceId): Promise<RoleAssignment[]>;
  /** Assignments with one role, e.g. the managers who receive the digest. */
  listByRole(workspaceId: WorkspaceId, role: Role): Promise<RoleAssignment[]>;
}

export interface RequirementRepository {
  /** Next requirement number of the workspace; atomic across instances, never reused. */
  allocateNumber(workspaceId: WorkspaceId): Promise<number>;
  /** Stores a new requirement; its id must not exist yet. */
  create(requirement: Requirement): Promise<void>;
  get(workspaceId: WorkspaceId, id: string): Promise<Requirement | undefined>;
  update(workspaceId: WorkspaceId, id: string, change: Mutator<Requirement>): Promise<Requirement | undefined>;
  /** The oldest requirement not retired whose `duplicateKey` (domain/requirement.ts) is `key`; reads only those candidates. */
  findLive(workspaceId: WorkspaceId, key: string): Promise<Requirement | undefined>;
  /** Every requirement of the workspace in number order (retired ones included). */
  list(workspaceId: WorkspaceId): Promise<Requirement[]>;
  /** Requirements not retired whose next review falls on or before `date`. */
  listReviewDue(workspaceId: WorkspaceId, date: IsoDate): Promise<Requirement[]>;
  addReview(review: RequirementReview): Promise<void>;
  /** A requirement's reviews, oldest first. */
  listReviews(workspaceId: WorkspaceId, requirementId: string): Promise<RequirementReview[]>;
}

export interface DecisionCheckRepository {
  create(check: DecisionCheck): Promise<void>;
  get(workspaceId: WorkspaceId, id: string): Promise<DecisionCheck | undefined>;
  /** The numbered checks (`D-<n>`) with these numbers; reads only those. */
  getByNumbers(workspaceId: WorkspaceId, numbers: readonly number[]): Promise<DecisionCheck[]>;
  update(workspaceId: WorkspaceId, id: string, change: Mutator<DecisionCheck>): Promise<DecisionCheck | undefined>;
  /** Checks started within the range, oldest first; reads only that range. */
  listStarted(workspaceId: WorkspaceId, range: TimeRange): Promise<DecisionCheck[]>;
  /** Appends an answer; several people may answer at once without losing any answer. */
  addAnswer(answer: ImpactAnswer): Promise<void>;
  /** All answers to a check (superseded ones included), oldest first. */
  listAnswers(workspaceId: WorkspaceId, checkId: string): Promise<ImpactAnswer[]>;
}

export interface ActionRepository {
  create(action: FollowUpAction): Promise<void>;
  get(workspaceId: WorkspaceId, id: string): Promise<FollowUpAction | undefined>;
  update(workspaceId: WorkspaceId, id: string, change: Mutator<FollowUpAction>): Promise<FollowUpAction | undefined>;
  /** Open actions, earliest due first (those without a due date last). */
  listOpen(workspaceId: WorkspaceId): Promise<FollowUpAction[]>;
}

export interface FeedbackRepository {
  create(feedback: CustomerFeedback): Promise<void>;
  get(workspaceId: WorkspaceId, id: string): Promise<CustomerFeedback | undefined>;
  /** Feedback received within the range, oldest first; reads only that range. */
  listReceived(workspaceId: WorkspaceId, range: TimeRange): Promise<CustomerFeedback[]>;
}

export interface KnowledgeRepository {
  /** Next `K-` number of the workspace (atomic across instances). */
  allocateNumber(workspaceId: WorkspaceId): Promise<number>;
  create(record: KnowledgeRecord): Promise<void>;
  get(workspaceId: WorkspaceId, id: string): Promise<KnowledgeRecord | undefined>;
  /** Every knowledge record of the workspace in number order. */
  list(workspaceId: WorkspaceId): Promise<KnowledgeRecord[]>;
}

export interface ResponsibilityRepository {
  /** Names the person for one area, replacing whoever was named before (one key per area). */
  set(responsibility: Responsibility): Promise<void>;
  /** Leaves the area with nobody named. */
  remove(workspaceId: WorkspaceId, area: ResponsibilityArea): Promise<void>;
  get(workspaceId: WorkspaceId, area: ResponsibilityArea): Promise<Responsibility | undefined>;
  /** The areas that have a responsible person, in RESPONSIBILITY_AREAS order. */
  list(workspaceId: WorkspaceId): Promise<Responsibility[]>;
}

export interface EvidenceLog {
  /** Appends an entry with the workspace's next sequence number (atomic across instances). */
  append(draft: EvidenceDraft): Promise<EvidenceEntry>;
  /** Entries whose time falls within the range, in sequence order; reads only that range. */
  listBetween(workspaceId: WorkspaceId, range: TimeRange): Promise<EvidenceEntry[]>;
  /** Entries with `fromSeq <= seq <= toSeq`, in order; a missing entry is simply absent. */
  listBySeq(workspaceId: WorkspaceId, fromSeq: number, toSeq: number): Promise<EvidenceEntry[]>;
  /** The highest sequence number handed out so far (0 for an empty log). */
  lastSeq(workspaceId: WorkspaceId): Promise<number>;
  /**
   * What is stored at each number `fromSeq..toSeq`, position by position (undefined where nothing
   * is), exactly as stored: verification needs to see an entry that sits at the wrong number.
   */
  slots(workspaceId: WorkspaceId, fromSeq: number, toSeq: number): Promise<(EvidenceEntry | undefined)[]>;
}

/**
 * What a unit of work may write: the repositories' write methods, buffered until the commit, and
 * `record` for the evidence entries that go with them. Reads (here and through the repositories)
 * see what is committed; `update` applies its change to the record as read now (or as changed
 * earlier in this unit of work) and is checked at the commit like a compare-and-set.
 */
export interface Transaction {
  readonly workspaces: Pick<WorkspaceRepository, 'update'>;
  readonly roles: Pick<RoleRepository, 'set'>;
  readonly requirements: Pick<RequirementRepository, 'create' | 'update' | 'addReview'>;
  readonly checks: Pick<DecisionCheckRepository, 'create' | 'update' | 'addAnswer'>;
  readonly actions: Pick<ActionRepository, 'create' | 'update'>;
  readonly feedback: Pick<FeedbackRepository, 'create'>;
  readonly channels: Pick<ChannelSettingsRepository, 'setDetection' | 'setSnoozedUntil'>;
  readonly knowledge: Pick<KnowledgeRepository, 'create'>;
  readonly responsibilities: Pick<ResponsibilityRepository, 'set' | 'remove'>;
  /** Adds an evidence entry; it gets its sequence number in the commit, in the order recorded. */
  record(draft: EvidenceDraft): void;
}

/** What a unit of work returned, and the evidence entries the commit wrote (in order). */
export interface Committed<T> {
  readonly result: T;
  readonly evidence: readonly EvidenceEntry[];
}

/**
 * Writes records and their evidence together: all of them, or (when it throws) none of them. A
 * record can therefore never be stored without its evidence entry, nor an entry without its record,
 * and a person told "not saved" finds nothing saved. When another writer changed a record `work`
 * updated, `work` runs again from the start (so it must do nothing but read and write through `tx`).
 */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<Committed<T>>;
}

/** The evidence log's seals (src/core/audit/seal.ts): append-only, one chain per workspace. */
export interface SealLog {
  /** The latest seal, or undefined before the first. */
  latest(workspaceId: WorkspaceId): Promise<Seal | undefined>;
  /** Seals numbered `fromNumber..toNumber` (inclusive), in order; a missing one is simply absent. */
  list(workspaceId: WorkspaceId, fromNumber: number, toNumber: number): Promise<Seal[]>;
  /**
   * Appends `seal` if the latest seal is still number `seal.number - 1` (atomic across instances);
   * false when another sealer appended first. Never overwrites a seal.
   */
  append(seal: Seal): Promise<boolean>;
}

/** Rewrites of stored records for erasure; each returns its argument unchanged when nothing is to change. */
export interface PersonalRewrite {
  requirement(requirement: Requirement): Requirement;
  review(review: RequirementReview): RequirementReview;
  check(check: DecisionCheck): DecisionCheck;
  answer(answer: ImpactAnswer): ImpactAnswer;
  action(action: FollowUpAction): FollowUpAction;
  feedback(feedback: CustomerFeedback): CustomerFeedback;
  knowledge(record: KnowledgeRecord): KnowledgeRecord;
  responsibility(responsibility: Responsibility): Responsibility;
}

/** Data-protection work on stored data: redaction, retention, erasure, purge (src/core/audit). */
export interface PrivacyStore {
  /** Sets the named personal fields of evidence entry `seq` to null (compare-and-set); undefined when absent. Hashes stay. */
  redact(workspaceId: WorkspaceId, seq: number, fields: readonly string[]): Promise<EvidenceEntry | undefined>;
  /** The instant (ISO) up to which snapshot retention has been applied, or undefined before the first run. */
  retainedUntil(workspaceId: WorkspaceId): Promise<string | undefined>;
  /** Moves that instant forward (never back). */
  setRetainedUntil(workspaceId: WorkspaceId, until: string): Promise<void>;
  /** Applies `rewrite` to every stored record of those kinds and saves the changed ones; counts changes per kind. */
  rewriteRecords(workspaceId: WorkspaceId, rewrite: PersonalRewrite): Promise<Record<keyof PersonalRewrite, number>>;
  /** Removes every key of the workspace from the store, and the workspace from the list; returns how many were removed. */
  purgeWorkspace(workspaceId: WorkspaceId): Promise<number>;
}

/** Signed links (src/core/links) and the public address they are built on. */
export interface LinkService {
  readonly signer: LinkSigner;
  /** Without a trailing slash: PUBLIC_URL, or http://localhost:<port> when unset (read it when building a link). */
  readonly baseUrl: string;
  /** `baseUrl` + `path` (`/audit/…`). */
  urlFor(path: string): string;
}

/** One-time claims, atomic across instances: "I do this, nobody else". */
export interface Claims {
  /** True when this call won the claim (free or expired before). `ttlMs` 0 claims for good. */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the claim if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  /** Current holder, or undefined when free or expired. */
  holder(key: string): Promise<string | undefined>;
}

export interface ChannelSettingsRepository {
  /** The channel's own detection mode, or undefined when it follows the workspace default. */
  getDetection(workspaceId: WorkspaceId, channelId: string): Promise<DetectionMode | undefined>;
  setDetection(workspaceId: WorkspaceId, channelId: string, mode: DetectionMode): Promise<void>;
  /** Until when detection is snoozed in the channel (ISO timestamp), or undefined. */
  getSnoozedUntil(workspaceId: WorkspaceId, channelId: string): Promise<string | undefined>;
  setSnoozedUntil(workspaceId: WorkspaceId, channelId: string, until: string): Promise<void>;
}

/** Atomic counters shared by all instances (daily prompt caps). */
export interface Counters {
  /** Increments and returns the new value (1 for a new counter). */
  next(name: string): Promise<number>;
}

/** Reads a chat message and says whether it announces a decision (see src/core/detection). */
export interface Detection {
  readonly decision: boolean;
  readonly score: number;
  readonly reasons: readonly string[];
}
export type DecisionDetector = (text: string, context?: { readonly isThreadReply?: boolean }) => Detection;

/**
 * Where a message sent outside a request goes (digest, reminders): a conversation the bot is in
 * (a Slack channel id; a Teams conversation id whose reference the Teams adapter stored), or one
 * person's direct chat with the bot.
 */
export type Destination =
  { readonly kind: 'conversation'; readonly conversationId: string } | { readonly kind: 'person'; readonly userId: string };

/**
 * The outcome of one send. `retryable` failures (rate limits, outages) are worth trying again on
 * the next run; the others (bot removed, person unknown) are not, and `reason` says why for the log.
 */
export type DeliveryResult =
  { readonly ok: true; readonly messageId?: string } | { readonly ok: false; readonly retryable: boolean; readonly reason: string };

/** Sends messages on one platform without an incoming request. Never throws for delivery failures. */
export interface Messenger {
  send(workspaceId: WorkspaceId, destination: Destination, message: Message): Promise<DeliveryResult>;
}

/** The messengers of the platforms that are configured; adapters register theirs at start-up. */
export interface Messengers {
  for(platform: Platform): Messenger | undefined;
}

/** Everything the core's use cases may be given. Each use case picks only what it needs. */
export interface CoreDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly workspaces: WorkspaceRepository;
  readonly roles: RoleRepository;
  readonly requirements: RequirementRepository;
  readonly checks: DecisionCheckRepository;
  readonly actions: ActionRepository;
  readonly feedback: FeedbackRepository;
  readonly knowledge: KnowledgeRepository;
  readonly responsibilities: ResponsibilityRepository;
  readonly evidence: EvidenceLog;
  /** Records and their evidence, committed together. */
  readonly unitOfWork: UnitOfWork;
  readonly claims: Claims;
  readonly counters: Counters;
  readonly channels: ChannelSettingsRepository;
  readonly detect: DecisionDetector;
  /** Platform user ids that are admins everywhere (ADMIN_USERS). */
  readonly adminUsers: ReadonlySet<string>;
  /** Time zone for workspaces created without one (DIGEST_TIMEZONE). */
  readonly defaultTimeZone: string;
  /** The weekly digest's schedule for workspaces without their own (DIGEST_CRON). */
  readonly defaultDigestCron: string;
  /** Outbound delivery per platform (digest and reminders). */
  readonly messengers: Messengers;
  readonly seals: SealLog;
  readonly privacy: PrivacyStore;
  /** Absent where no links can be served (the one-shot CLI; production without LINK_SECRET). */
  readonly links?: LinkService;
}
