/**
 * The playground as the contract suite drives it: its JSON API, as its page calls it. Every answer
 * carries the channel as the person sees it, so what an action showed is what is new or redrawn.
 * The playground's channel lives in memory and its page sends each message once, so it can neither
 * fail a post nor deliver one twice; the scenarios check those protocols through its core instead.
 */
import type { ClientForm } from '../../src/adapters/web/playground/forms.js';
import type { ClientPost } from '../../src/adapters/web/playground/playground-bot.js';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { type ApiAnswer, PlaygroundClient, button, plain } from '../web/support/playground-client.js';
import { startWebHarness } from '../web/support/web-harness.js';
import { type OpenedForm, type Posted, type Shown, type SurfaceDriver, type Who, evidenceOf, splitCommand } from './driver.js';

const PEOPLE: Record<Who, string> = { admin: 'dana', member: 'kim' };
const SLASH = {
  requirement: '/requirement',
  feedback: '/customer-feedback',
  knowledge: '/customer-knowledge',
  check: '/customer-check',
  focus: '/customer-focus',
};

export async function playgroundDriver(): Promise<SurfaceDriver> {
  const h = await startWebHarness();
  const clients: Record<Who, PlaygroundClient> = { admin: new PlaygroundClient(h.url, 'dana'), member: new PlaygroundClient(h.url, 'kim') };
  /** What each person last saw of each post, to tell what an action added or redrew. */
  const seen: Record<Who, Map<string, string>> = { admin: new Map(), member: new Map() };
  const render = (post: ClientPost) => post.text ?? plain(post.message);

  const shown = async (who: Who, act: () => Promise<ApiAnswer>): Promise<Shown> => {
    // Bring the person's view up to date first, so only this action's posts count as new.
    for (const post of (await clients[who].state()).posts) seen[who].set(post.id, render(post));
    const answer = await act();
    const changed = answer.posts.filter((post) => !post.author.bot || seen[who].get(post.id) !== render(post));
    for (const post of answer.posts) seen[who].set(post.id, render(post));
    const texts = [
      ...(answer.error ? [answer.error] : []),
      ...(answer.errors ?? []).map((error) => error.message),
      ...changed.filter((post) => post.author.bot).map(render),
    ];
    return { texts, ...(answer.form ? { form: { kind: answer.form.kind, handle: answer.form } } : {}) };
  };

  return {
    name: 'playground',
    core: h.core,
    deps: h.deps,
    workspaceId: LOCAL_WORKSPACE_ID,
    redelivers: { unsupported: 'the playground page posts each message once; a second POST is a new message, typed again' },
    async post(text): Promise<Posted> {
      const answer = await clients.member.say(text);
      const root = answer.posts.findLast((post) => post.text === text && !post.threadId);
      const prompts = answer.posts
        .filter((post) => post.threadId === root?.id && post.author.bot && !post.note && !post.private)
        .map((post) => ({ text: plain(post.message), handle: post }));
      return {
        prompts,
        status: answer.status,
        redeliver: () => Promise.reject(new Error('the playground cannot redeliver a message')),
      };
    },
    personValue: (who) => `@${PEOPLE[who]}`,
    failNextPrompt: () => ({ unsupported: 'the playground posts into its own in-memory channel, which cannot refuse a post' }),
    click: (who, prompt, label) => {
      const post = prompt.handle as ClientPost;
      return shown(who, () => clients[who].click(post.id, button(post, label)));
    },
    submit: (who, form: OpenedForm, values) => shown(who, () => clients[who].submit(form.handle as ClientForm, { ...values })),
    command: (who, line) => {
      const { family, rest } = splitCommand(line);
      return shown(who, () => clients[who].say(`${SLASH[family]} ${rest}`.trim()));
    },
    evidence: () => evidenceOf(h.deps, LOCAL_WORKSPACE_ID),
    close: () => h.close(),
  };
}
