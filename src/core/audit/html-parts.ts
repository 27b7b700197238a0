/** Small HTML builders for summary.html: every value escaped, no scripts, no external resources. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export type Cell = string | number | null | undefined;

export function table(caption: string, header: readonly string[], rows: readonly (readonly Cell[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell ?? '')}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function figures(items: readonly (readonly [string, Cell])[]): string {
  return `<dl class="figures">${items.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>`;
}

export function section(id: string, clause: string, title: string, intro: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2><span class="clause">${escapeHtml(clause)}</span> ${escapeHtml(title)}</h2><p>${escapeHtml(intro)}</p>\n${body}\n</section>`;
}
