/**
 * The one page for "this link does not open anything here": the dashboard's refusals and the
 * audit-pack download link's. What is wrong in plain words, how to get a new link, and nothing
 * else: no workspace name, no figures, no hint of what the link would have shown. Styled like the
 * dashboard (our own style sheets only, so it works under a policy without inline styles).
 */
import type { Response } from 'express';
import { html } from './html.js';
import { page } from './page.js';

export interface Refusal {
  readonly status: number;
  readonly title: string;
  readonly text: string;
  /** How to get a link that works, when there is a way. */
  readonly hint?: string;
  /** Names the refusal for tests and support (`data-refusal`), never shown. */
  readonly reason: string;
  /** The line above the box: which part of the product refused, e.g. "Customer focus dashboard". */
  readonly brand: string;
}

export function sendRefusalPage(res: Response, refusal: Refusal): void {
  res.status(refusal.status);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.send(
    page({
      title: `${refusal.title} · Customer focus`,
      styles: ['base.css', 'dashboard.css'],
      bodyClass: 'refusal',
      header: html`<p class="brand">${refusal.brand}</p>`,
      main: html`<section class="refusal-box" aria-labelledby="refusal-title" data-refusal="${refusal.reason}">
<h1 id="refusal-title">${refusal.title}</h1>
<p>${refusal.text}</p>
${refusal.hint ? html`<p>${refusal.hint}</p>` : ''}
</section>`,
    }).value,
  );
}
