/**
 * The playground's simulated channel: the posts people type and the bot's replies, kept in this
 * process's memory the way Slack keeps a channel's history. It is not our data: every check,
 * answer and requirement goes through the core into the store, so restarting the bot loses the
 * chat transcript but no evidence.
 */
import type { Message } from '../../../core/messages.js';

export const CHANNEL = { id: 'general', name: 'general' } as const;

/** Oldest posts are dropped beyond this, so a long session cannot grow memory without bound. */
export const MAX_POSTS = 500;

export interface PostAuthor {
  readonly id: string;
  readonly name: string;
  readonly bot: boolean;
}

export interface ChannelPost {
  readonly id: string;
  /** The thread's root post, for replies. */
  readonly threadId?: string;
  readonly author: PostAuthor;
  readonly at: string;
  /** What a person typed, exactly as typed. */
  readonly text?: string;
  /** What the bot posted. */
  readonly message?: Message;
  /** Private replies: only this person sees them (Slack's "only visible to you"). */
  readonly visibleTo?: string;
  /** A hint about the playground itself, not something the bot would say. */
  readonly note?: boolean;
}

export class PlaygroundChannel {
  private readonly posts: ChannelPost[] = [];

  constructor(private readonly newId: () => string) {}

  post(post: Omit<ChannelPost, 'id'>): ChannelPost {
    const stored: ChannelPost = { ...post, id: this.newId() };
    this.posts.push(stored);
    if (this.posts.length > MAX_POSTS) this.posts.splice(0, this.posts.length - MAX_POSTS);
    return stored;
  }

  get(id: string): ChannelPost | undefined {
    return this.posts.find((post) => post.id === id);
  }

  /** Redraws a post of the bot's in place (a decision prompt after an answer); false when it is gone. */
  replace(id: string, message: Message): boolean {
    const index = this.posts.findIndex((post) => post.id === id);
    const post = this.posts[index];
    if (!post) return false;
    this.posts[index] = { ...post, message };
    return true;
  }

  /** What one person sees: everything public, and their own private replies. */
  visibleTo(personId: string): ChannelPost[] {
    return this.posts.filter((post) => post.visibleTo === undefined || post.visibleTo === personId);
  }
}
