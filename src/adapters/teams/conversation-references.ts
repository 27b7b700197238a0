/**
 * Conversation references, kept in the store so any instance can send later (digest, reminders)
 * and a restart loses none. Each turn refreshes the reference of its conversation; a write
 * happens only when it changed, so a busy channel costs one read of a per-process cache.
 */
import { createHash } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { RecordStore } from '../storage/primitives.js';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

/** Keys live under the workspace, so purging a workspace removes its references too. */
const conversationKey = (workspaceId: string, conversationId: string) => `ws:${workspaceId}:teams:conversation:${digest(conversationId)}`;
const personalKey = (workspaceId: string, userId: string) => `ws:${workspaceId}:teams:personal:${digest(userId)}`;
const serviceKey = (workspaceId: string) => `ws:${workspaceId}:teams:service`;

/** Where a tenant's Teams service is and who the bot is there: enough to open a personal chat. */
export interface TeamsService {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly bot: { readonly id: string; readonly name?: string };
}

const TRUST_MS = 10 * 60 * 1000;

export type StoredReference = Partial<ConversationReference>;

export class ConversationReferences {
  /**
   * What this process last wrote per key, and when. Another instance may delete a reference (the
   * bot was removed), so an entry is trusted for ten minutes only; the map is bounded.
   */
  private readonly known = new Map<string, { serialized: string; at: number }>();

  constructor(private readonly records: RecordStore) {}

  /** A channel or chat, by the id its messages carry (a channel's id without the thread part). */
  async rememberConversation(
    workspaceId: string,
    conversationId: string,
    reference: StoredReference,
    options: { force?: boolean } = {},
  ): Promise<void> {
    await this.write(conversationKey(workspaceId, conversationId), reference, options.force);
  }

  /** A person's personal chat with the bot, for direct messages. */
  async rememberPersonal(
    workspaceId: string,
    userId: string,
    reference: StoredReference,
    options: { force?: boolean } = {},
  ): Promise<void> {
    await this.write(personalKey(workspaceId, userId), reference, options.force);
  }

  /** The tenant's service, from its latest turn, for people who have no personal chat yet. */
  async rememberService(workspaceId: string, service: TeamsService): Promise<void> {
    await this.write(serviceKey(workspaceId), service);
  }

  service(workspaceId: string): Promise<TeamsService | undefined> {
    return this.records.get<TeamsService>(serviceKey(workspaceId));
  }

  conversation(workspaceId: string, conversationId: string): Promise<StoredReference | undefined> {
    return this.records.get<StoredReference>(conversationKey(workspaceId, conversationId));
  }

  personal(workspaceId: string, userId: string): Promise<StoredReference | undefined> {
    return this.records.get<StoredReference>(personalKey(workspaceId, userId));
  }

  async forgetConversation(workspaceId: string, conversationId: string): Promise<void> {
    const key = conversationKey(workspaceId, conversationId);
    this.known.delete(key);
    await this.records.delete(key);
  }

  async forgetPersonal(workspaceId: string, userId: string): Promise<void> {
    const key = personalKey(workspaceId, userId);
    this.known.delete(key);
    await this.records.delete(key);
  }

  private async write(key: string, reference: StoredReference | TeamsService, force = false): Promise<void> {
    const serialized = JSON.stringify(reference);
    const cached = this.known.get(key);
    if (!force && cached?.serialized === serialized && Date.now() - cached.at < TRUST_MS) return;
    await this.records.put(key, reference);
    if (this.known.size >= 10_000) this.known.clear();
    this.known.set(key, { serialized, at: Date.now() });
  }
}
