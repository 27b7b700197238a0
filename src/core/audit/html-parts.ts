/** Small HTML builders for summary.html: every value escaped, no scripts, no external resources. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Markup built from escaped parts (a link, lines), passed through as it is. */
export interface Markup {
  readonly html: string;
}

export type Cell = string | number | null | undefined | Markup;

/** A row, optionally with an anchor other tables link to. */
export type Row = readonly Cell[] | { readonly id: string; readonly cells: readonly Cell[] };

/** A column heading; `short` columns (ids, dates, statuses) never wrap, long text wraps between words. */
export type Header = string | { readonly text: string; readonly short: true };

export const cellHtml = (cell: Cell): string => (typeof cell === 'object' && cell !== null ? cell.html : escapeHtml(cell ?? ''));

export const short = (text: string): Header => ({ text, short: true });

export function table(caption: string, header: readonly Header[], rows: readonly Row[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const isShort = header.map((h) => typeof h !== 'string');
  const head = header.map((h) => `<th scope="col">${escapeHtml(typeof h === 'string' ? h : h.text)}</th>`).join('');
  const body = rows
    .map((row) => {
      const [id, cells] = 'cells' in row ? [row.id, row.cells] : [undefined, row];
      const tds = cells.map((cell, i) => `<td${isShort[i] ? ' class="short"' : ''}>${cellHtml(cell)}</td>`).join('');
      return `<tr${id ? ` id="${escapeHtml(id)}"` : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export function figures(items: readonly (readonly [string, Cell])[]): string {
  return `<dl class="figures">${items.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${cellHtml(value)}</dd></div>`).join('')}</dl>`;
}

export function section(id: string, clause: string, title: string, intro: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2><span class="clause">${escapeHtml(clause)}</span> ${escapeHtml(title)}</h2><p>${escapeHtml(intro)}</p>\n${body}\n</section>`;
}
