/** The frame every web page shares: head with our own styles and scripts only, landmarks, skip link. */
import { type AssetName, assetPath } from './assets.js';
import { type HtmlValue, type SafeHtml, html } from './html.js';

export interface PageOptions {
  readonly title: string;
  readonly styles: readonly AssetName[];
  readonly scripts?: readonly AssetName[];
  /** Shown at the top of every page, e.g. the workspace and the link's role. */
  readonly header: HtmlValue;
  readonly main: HtmlValue;
  readonly nav?: HtmlValue;
  readonly bodyClass?: string;
}

export function page(options: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<link rel="icon" href="data:,">
${options.styles.map((name) => html`<link rel="stylesheet" href="${assetPath(name)}">\n`)}${(options.scripts ?? []).map((name) => html`<script src="${assetPath(name)}" defer></script>\n`)}</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ''}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">${options.header}</header>
${options.nav ?? ''}
<main id="main" tabindex="-1">
${options.main}
</main>
</body>
</html>
`;
}
