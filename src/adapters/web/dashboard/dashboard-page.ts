/** The dashboard's frame: who it is for, until when, and the sections. Charts are drawn by dashboard.js. */
import type { Workspace } from '../../../core/domain/workspace.js';
import type { LinkGrant } from '../../../core/links/signed-links.js';
import { zoneMinute } from '../format.js';
import { type SafeHtml, html } from '../html.js';
import { page } from '../page.js';
import { type DashboardLink, VIEWS, type ViewName } from './links.js';

const VIEW_TITLES: Record<ViewName, string> = {
  overview: 'Overview',
  requirements: 'Requirements',
  knowledge: 'Customer knowledge',
  checks: 'Decision checks',
  actions: 'Follow-up actions',
  feedback: 'Customer feedback',
  evidence: 'Evidence log',
};

export interface DashboardPageInput {
  readonly workspace: Workspace;
  readonly grant: LinkGrant;
  readonly link: DashboardLink;
  readonly view: ViewName;
  readonly content: SafeHtml;
}

export function dashboardPage(input: DashboardPageInput): string {
  const { workspace, grant, link, view } = input;
  const nav = html`<nav class="sections" aria-label="Dashboard sections"><ul>${VIEWS.map(
    (name) => html`<li><a href="${link.view(name)}"${name === view ? html` aria-current="page"` : ''}>${VIEW_TITLES[name]}</a></li>`,
  )}</ul></nav>`;
  return page({
    title: `${VIEW_TITLES[view]} · ${workspace.name} · Customer focus`,
    styles: ['base.css', 'dashboard.css'],
    scripts: view === 'overview' ? ['chart.umd.min.js', 'dashboard.js'] : [],
    header: html`<p class="brand">Customer focus dashboard</p>
<p class="workspace">${workspace.name}</p>
<p class="link-note">Read-only, as ${grant.role}. This link works until ${zoneMinute(grant.expiresAt, workspace.settings.timeZone)}; do not forward it.</p>`,
    nav,
    main: input.content,
  }).value;
}

/** A bad filter or a refused table: the message in place of the content, with a way back. */
export function problemContent(view: ViewName, message: string, link: DashboardLink): SafeHtml {
  return html`<h1 class="page-title">${VIEW_TITLES[view]}</h1>
<div class="problem" role="alert"><p>${message}</p><p><a href="${link.view(view)}">Show ${VIEW_TITLES[view].toLowerCase()} without filters</a></p></div>`;
}
