/**
 * `/privacy` and `/terms`: the pages the Teams app package links to (privacyUrl and termsOfUseUrl
 * default to PUBLIC_URL/privacy and /terms, and Teams shows them in the app's details). The
 * privacy page is the bot's own "About and privacy" text, the one people read on the Slack home
 * tab and when the bot joins a channel, so the three never disagree. Styled like the dashboard.
 */
import { type Response, Router } from 'express';
import { ABOUT_AND_PRIVACY } from '../../core/views.js';
import type { HttpServer } from '../http/server.js';
import { html } from './html.js';
import { page } from './page.js';
import { securityHeaders } from './security-headers.js';

export const PRIVACY_PATH = '/privacy';
export const TERMS_PATH = '/terms';

/** Chat commands as a person types them in each platform: `"{focus}detection off"` names both. */
const bothSpellings = (text: string): string =>
  text.replace(/"\{focus\}([^"]+)"/g, '"/customer-focus $1" in Slack ("$1" in a chat with the bot in Teams)');

const [, ...PRIVACY_PARAGRAPHS] = ABOUT_AND_PRIVACY.split('\n').map((line) => bothSpellings(line.replace(/\*/g, '')));

const RETENTION =
  'Admins can have the text of decision messages removed after a set time (/customer-focus settings retention:365d in Slack); the evidence keeps only its fingerprints. For a data-protection request, the admin who runs the bot can erase one person’s names and the text they wrote everywhere.';

const TERMS = [
  'Customer Focus is run by the organisation that installed it in your workspace, for its own ISO 9001 quality work. That organisation’s rules for workplace tools apply; ask your admin for them.',
  'Use it for work: decisions, customer requirements and what customers said. What you record becomes audit evidence that admins and auditors of your workspace can read and export, and it is kept until an admin removes it.',
  'The bot asks about decisions; it never decides anything and never posts outside the threads and commands it is used in.',
];

function about(res: Response, title: string, paragraphs: readonly string[], also: { href: string; label: string }): void {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.send(
    page({
      title: `${title} · Customer focus`,
      styles: ['base.css', 'dashboard.css'],
      bodyClass: 'about',
      header: html`<p class="brand">Customer focus</p>`,
      main: html`<section class="about-box" aria-labelledby="about-title">
<h1 id="about-title">${title}</h1>
${paragraphs.map((paragraph) => html`<p>${paragraph}</p>\n`)}<p><a href="${also.href}">${also.label}</a></p>
</section>`,
    }).value,
  );
}

/** One router per page, so the pages' headers apply to them alone, not to everything under `/`. */
function pageRouter(title: string, paragraphs: readonly string[], also: { href: string; label: string }): Router {
  const router = Router();
  router.use(securityHeaders);
  router.get('/', (_req, res) => about(res, title, paragraphs, also));
  return router;
}

/** Mounts `/privacy` and `/terms` on the bot's one server; call before `listen()`. */
export function mountAboutPages(server: HttpServer): void {
  server.mount(
    PRIVACY_PATH,
    pageRouter('About and privacy', [...PRIVACY_PARAGRAPHS, RETENTION], { href: TERMS_PATH, label: 'Terms of use' }),
  );
  server.mount(TERMS_PATH, pageRouter('Terms of use', TERMS, { href: PRIVACY_PATH, label: 'About and privacy' }));
}
