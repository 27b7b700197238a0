/**
 * For what a surface's platform cannot do (the playground cannot refuse a post or deliver a message
 * twice): the same message handed to the surface's core directly, through a Surface that can.
 */
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { type PostTarget, type Surface, SurfaceError } from '../../src/core/index.js';
import type { Message } from '../../src/core/messages.js';
import type { SurfaceDriver } from './driver.js';

let thread = 0;

/** One message seen in the playground's channel, as its adapter decodes it, and the posts it led to. */
export function messageViaCore(driver: SurfaceDriver, text: string) {
  thread += 1;
  const place = { platform: 'local' as const, channelId: 'general', threadId: `core-${thread}`, messageId: `core-${thread}` };
  const seen = {
    place,
    text,
    author: { id: 'local:kim', name: 'Kim' },
    postedAt: driver.core.now(),
    isThreadReply: false,
    origin: 'detected' as const,
  };
  const actor = { id: 'local:kim', name: 'Kim', workspaceId: LOCAL_WORKSPACE_ID };
  const posts: { target: PostTarget; message: Message }[] = [];
  let refuseNext = false;
  const surface: Surface = {
    privateRepliesAreHidden: true,
    async post(target, message) {
      if (refuseNext) {
        refuseNext = false;
        throw new SurfaceError('the channel refused the post for now', false);
      }
      posts.push({ target, message });
      return { channelId: target.channelId, messageId: `bot-${posts.length}` };
    },
    replace: async () => undefined,
    replyPrivately: async () => undefined,
    replyPublicly: async () => undefined,
    replyConfidentially: async () => 'here' as const,
    openForm: async () => undefined,
  };
  return {
    posts,
    refuseNextPost: () => void (refuseNext = true),
    deliver: () => driver.core.handle(actor, { kind: 'message', seen }, surface),
  };
}
