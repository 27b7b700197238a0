/** What a web page shows when something failed on our side: an apology and an id to quote. */
import { html } from '../html.js';
import { page } from '../page.js';

export function serverErrorPage(id: string): string {
  return page({
    title: 'Something went wrong · Customer focus',
    styles: ['base.css', 'dashboard.css'],
    bodyClass: 'refusal',
    header: html`<p class="brand">Customer focus</p>`,
    main: html`<section class="refusal-box" aria-labelledby="error-title">
<h1 id="error-title">Something went wrong on our side</h1>
<p>Nothing you did caused this, and nothing was changed. Please try again; if it keeps happening, tell your admin and quote this id: <code>${id}</code>.</p>
</section>`,
  }).value;
}
