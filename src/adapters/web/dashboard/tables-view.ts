/**
 * The dashboard's tables: a filter form (plain GET, no script), one page of rows, paging, and the
 * CSV download of every matching row. Every cell goes through `html`, so what people typed is
 * shown as text.
 */
import type { AnswerSummary, ActionRow, TablePage, TableName } from '../../../core/dashboard/tables.js';
import { ACTION_DUE_FILTERS, WINDOWS } from '../../../core/dashboard/tables.js';
import { CHECK_ORIGINS, CHECK_STATUSES, type DecisionCheck, IMPACTS, refOfCheck } from '../../../core/domain/decision-check.js';
import { EVIDENCE_TYPES, type EvidenceEntry, type JsonValue } from '../../../core/domain/evidence.js';
import { FEEDBACK_KINDS, type CustomerFeedback, SENTIMENTS } from '../../../core/domain/feedback.js';
import { REQUIREMENT_CATEGORIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES, type Requirement } from '../../../core/domain/requirement.js';
import type { PersonRef } from '../../../core/domain/shared.js';
import { IMPACT_LABELS } from '../../../core/forms/catalogue.js';
import { actorNames, entryTypeWords, readableFacts } from '../../../core/audit/readable-facts.js';
import { count, excerpt, localMinute, plural, words } from '../format.js';
import { type HtmlValue, type SafeHtml, html, safeHref } from '../html.js';
import type { DashboardLink, Params } from './links.js';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => HtmlValue;
  /** `num` right-aligns figures; `wide` lets long text take the room. */
  readonly kind?: 'num' | 'wide' | 'nowrap';
}

export interface FilterField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'select' | 'search' | 'date';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface TableContext {
  readonly link: DashboardLink;
  readonly timeZone: string;
  /** The filter values as the viewer sent them, to refill the form and the paging links. */
  readonly params: Params;
  /** Whether this viewer may download this table as CSV (evidence needs the export permission). */
  readonly canDownload: boolean;
}

/** Requirement ids, each linking to the register filtered to it. */
export function requirementLinks(ids: readonly string[], context: Pick<TableContext, 'link'>): SafeHtml {
  return html`${ids.map((id, index) => html`${index ? ', ' : ''}<a href="${context.link.view('requirements', { q: id, status: 'all' })}">${id}</a>`)}`;
}

export const person = (ref: PersonRef | undefined): string => (ref ? (ref.name ?? ref.id ?? '') : '');
export const option = (value: string, label = words(value)) => ({ value, label });
export const everything = (label: string) => option('', label);

function filterForm(table: TableName, context: TableContext, fields: readonly FilterField[]): SafeHtml {
  const value = (name: string) => context.params[name] ?? '';
  return html`<form method="get" action="${context.link.pagePath()}" class="filters" role="search" aria-label="Filter the ${words(table)}">
<input type="hidden" name="t" value="${context.link.token}">
<input type="hidden" name="view" value="${table}">
${fields.map((field) => {
  const id = `filter-${field.name}`;
  if (field.kind === 'select') {
    return html`<div class="field"><label for="${id}">${field.label}</label><select id="${id}" name="${field.name}">${(field.options ?? []).map((item) => html`<option value="${item.value}"${item.value === value(field.name) ? html` selected` : ''}>${item.label}</option>`)}</select></div>`;
  }
  return html`<div class="field"><label for="${id}">${field.label}</label><input id="${id}" name="${field.name}" type="${field.kind === 'date' ? 'date' : 'search'}" value="${value(field.name)}"${field.kind === 'search' ? html` maxlength="200"` : ''}></div>`;
})}
<div class="field field-buttons"><button type="submit">Apply</button> <a href="${context.link.view(table)}">Clear</a></div>
</form>`;
}

export function dataTable<T>(table: TableName, caption: string, columns: readonly Column<T>[], rows: readonly T[]): SafeHtml {
  if (rows.length === 0) return html`<p class="empty" data-empty="${table}">Nothing matches. Change or clear the filters.</p>`;
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="data" data-table="${table}">
<caption>${caption}</caption>
<thead><tr>${columns.map((column) => html`<th scope="col"${column.kind ? html` class="${column.kind}"` : ''}>${column.header}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${columns.map((column) => html`<td${column.kind ? html` class="${column.kind}"` : ''}>${column.cell(row)}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

function paging(table: TableName, context: TableContext, page: TablePage<unknown>): SafeHtml {
  const link = (n: number, label: string, rel: string) =>
    html`<a href="${context.link.view(table, { ...context.params, page: String(n) })}" rel="${rel}">${label}</a>`;
  const download = context.canDownload
    ? html`<a class="download" href="${context.link.download(table, { ...context.params, page: undefined })}" download>Download CSV (${plural(page.total, 'row', 'rows')})</a>`
    : html`<span class="hint">Managers and auditors can download this table.</span>`;
  return html`<div class="table-footer">
<p class="count" data-total="${page.total}">${plural(page.total, 'row', 'rows')}${page.pages > 1 ? `, page ${page.page} of ${page.pages}` : ''}</p>
${page.pages > 1 ? html`<nav aria-label="Pages of the ${words(table)}" class="pager">${page.page > 1 ? link(page.page - 1, 'Previous page', 'prev') : ''} ${page.page < page.pages ? link(page.page + 1, 'Next page', 'next') : ''}</nav>` : ''}
${download}
</div>`;
}

export function tableSection(
  table: TableName,
  title: string,
  intro: HtmlValue,
  context: TableContext,
  fields: readonly FilterField[],
  body: SafeHtml,
  page: TablePage<unknown>,
): SafeHtml {
  return html`<h1 class="page-title">${title}</h1>
<p class="hint">${intro}</p>
${filterForm(table, context, fields)}
${paging(table, context, page)}
${body}`;
}

const windowFields = (): FilterField[] => [
  { name: 'from', label: 'From', kind: 'date' },
  { name: 'to', label: 'To', kind: 'date' },
];

// --- Requirements --------------------------------------------------------------------------

export function requirementsTable(page: TablePage<Requirement>, context: TableContext, today: string): SafeHtml {
  const columns: Column<Requirement>[] = [
    { header: 'Id', cell: (r) => r.id, kind: 'nowrap' },
    { header: 'Requirement', cell: (r) => excerpt(r.statement, 300), kind: 'wide' },
    { header: 'Customer', cell: (r) => r.customer },
    { header: 'Type', cell: (r) => html`${r.type}${r.reference ? html`<br><span class="hint">${r.reference}</span>` : ''}` },
    { header: 'Category', cell: (r) => r.category },
    { header: 'Status', cell: (r) => html`<span class="status status-${r.status}">${words(r.status)}</span>` },
    { header: 'Owner', cell: (r) => person(r.owner) || html`<span class="hint">nobody yet</span>` },
    {
      header: 'Sources',
      cell: (r) => {
        // Each named source links to where it is listed: a record to the knowledge table, a decision to the checks.
        const refs = [
          ...(r.knowledgeIds ?? []).map((id) => html`<a href="${context.link.view('knowledge', { q: id })}">${id}</a>`),
          ...(r.checkRefs ?? []).map((ref) => html`<a href="${context.link.view('checks', { q: ref })}">${ref}</a>`),
        ];
        return html`${refs.map((ref, index) => html`${index ? ', ' : ''}${ref}`)}${refs.length && r.source?.text ? html`<br>` : ''}${r.source?.text ? html`<span class="hint">${r.source.text}</span>` : ''}`;
      },
    },
    {
      header: 'Next review',
      cell: (r) =>
        r.status !== 'retired' && r.nextReviewOn < today ? html`<span class="overdue">${r.nextReviewOn} (overdue)</span>` : r.nextReviewOn,
      kind: 'nowrap',
    },
  ];
  return tableSection(
    'requirements',
    'Customer requirements',
    'The register: what customers need or expect, stated, implied or obligatory (ISO 9001 8.2.2).',
    context,
    [
      {
        name: 'status',
        label: 'Status',
        kind: 'select',
        options: [option('active', 'not retired'), option('all', 'any, retired included'), ...REQUIREMENT_STATUSES.map((s) => option(s))],
      },
      { name: 'type', label: 'Type', kind: 'select', options: [everything('any type'), ...REQUIREMENT_TYPES.map((t) => option(t))] },
      {
        name: 'category',
        label: 'Category',
        kind: 'select',
        options: [everything('any category'), ...REQUIREMENT_CATEGORIES.map((c) => option(c))],
      },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('requirements', 'Customer requirements', columns, page.rows),
    page,
  );
}

// --- Decision checks -----------------------------------------------------------------------

function answersCell(summary: AnswerSummary | undefined): HtmlValue {
  if (!summary || summary.answers === 0) return html`<span class="hint">none</span>`;
  const parts = IMPACTS.filter((impact) => summary.byImpact[impact] > 0).map(
    (impact) => `${summary.byImpact[impact]} ${IMPACT_LABELS[impact].toLowerCase()}`,
  );
  return `${summary.answers}: ${parts.join(', ')}`;
}

export function checksTable(
  page: TablePage<DecisionCheck>,
  summaries: ReadonlyMap<string, AnswerSummary>,
  context: TableContext,
  window: { from: string; to: string },
  requirements: ReadonlyMap<string, readonly string[]> = new Map(),
): SafeHtml {
  const columns: Column<DecisionCheck>[] = [
    { header: 'Started', cell: (c) => localMinute(c.startedAt, context.timeZone), kind: 'nowrap' },
    { header: 'Ref', cell: (c) => refOfCheck(c) ?? '', kind: 'nowrap' },
    { header: 'Decision', cell: (c) => excerpt(c.text, 300), kind: 'wide' },
    { header: 'Channel', cell: (c) => (c.place.channelName ? `#${c.place.channelName}` : c.place.channelId) },
    { header: 'Asked because', cell: (c) => c.origin },
    {
      header: 'Status',
      cell: (c) => html`<span class="status status-${c.status}">${c.status === 'dismissed' ? 'not a decision' : c.status}</span>`,
    },
    { header: 'Answers', cell: (c) => answersCell(summaries.get(c.id)) },
    { header: 'Requirements it gave rise to', cell: (c) => requirementLinks(requirements.get(c.id) ?? [], context) },
  ];
  return tableSection(
    'checks',
    'Decision checks',
    `"How does this decision affect customers?", asked ${window.from} to ${window.to} (ISO 9001 5.1.2, 8.5.6). At most ${WINDOWS.checks.maxDays} days at a time.`,
    context,
    [
      ...windowFields(),
      {
        name: 'status',
        label: 'Status',
        kind: 'select',
        options: [everything('any status'), ...CHECK_STATUSES.map((s) => option(s, s === 'dismissed' ? 'not a decision' : s))],
      },
      {
        name: 'origin',
        label: 'Asked because',
        kind: 'select',
        options: [everything('any reason'), ...CHECK_ORIGINS.map((o) => option(o))],
      },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('checks', 'Decision checks', columns, page.rows),
    page,
  );
}

// --- Follow-up actions ---------------------------------------------------------------------

export function actionsTable(page: TablePage<ActionRow>, context: TableContext): SafeHtml {
  const columns: Column<ActionRow>[] = [
    {
      header: 'Due',
      cell: (r) =>
        r.action.dueOn
          ? r.overdue
            ? html`<span class="overdue">${r.action.dueOn} (overdue)</span>`
            : r.action.dueOn
          : html`<span class="hint">no date</span>`,
      kind: 'nowrap',
    },
    { header: 'Action', cell: (r) => excerpt(r.action.description, 300), kind: 'wide' },
    { header: 'Owner', cell: (r) => person(r.action.owner) || html`<span class="hint">nobody</span>` },
    {
      header: 'Recorded',
      cell: (r) => html`${localMinute(r.action.createdAt, context.timeZone)} by ${person(r.action.createdBy)}`,
      kind: 'nowrap',
    },
  ];
  return tableSection(
    'actions',
    'Open follow-up actions',
    'What will be done about negative or uncertain customer impacts, by whom and by when.',
    context,
    [
      {
        name: 'due',
        label: 'Due',
        kind: 'select',
        options: [
          everything('any'),
          ...ACTION_DUE_FILTERS.map((d) => option(d, d === 'soon' ? 'within 7 days' : d === 'undated' ? 'no due date' : d)),
        ],
      },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('actions', 'Open follow-up actions', columns, page.rows),
    page,
  );
}

// --- Customer feedback ---------------------------------------------------------------------

export function feedbackTable(page: TablePage<CustomerFeedback>, context: TableContext, window: { from: string; to: string }): SafeHtml {
  const columns: Column<CustomerFeedback>[] = [
    { header: 'Received', cell: (f) => localMinute(f.receivedAt, context.timeZone).slice(0, 10), kind: 'nowrap' },
    { header: 'Customer', cell: (f) => f.customer },
    { header: 'Kind', cell: (f) => f.kind },
    { header: 'Sentiment', cell: (f) => html`<span class="status status-${f.sentiment}">${f.sentiment}</span>` },
    { header: 'What they said', cell: (f) => excerpt(f.summary, 300), kind: 'wide' },
    { header: 'Requirements', cell: (f) => f.requirementIds.join(', ') },
    {
      header: 'Source',
      cell: (f) => {
        const href = safeHref(f.sourceLink);
        return href ? html`<a href="${href}" rel="noopener noreferrer">link</a>` : '';
      },
    },
  ];
  return tableSection(
    'feedback',
    'Customer feedback',
    `What customers actually said, received ${window.from} to ${window.to} (ISO 9001 9.1.2).`,
    context,
    [
      ...windowFields(),
      {
        name: 'sentiment',
        label: 'Sentiment',
        kind: 'select',
        options: [everything('any sentiment'), ...SENTIMENTS.map((s) => option(s))],
      },
      { name: 'kind', label: 'Kind', kind: 'select', options: [everything('any kind'), ...FEEDBACK_KINDS.map((k) => option(k))] },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('feedback', 'Customer feedback', columns, page.rows),
    page,
  );
}

// --- Evidence ------------------------------------------------------------------------------

/** "field: value" lines, as in the audit pack's summary.html; long values cut, the CSV has them whole. */
function facts(data: { readonly [key: string]: JsonValue }, timeZone: string): SafeHtml {
  const lines = readableFacts(data, timeZone).map((fact) => html`<span class="fact">${fact.label}: ${excerpt(fact.value, 120)}</span>`);
  return html`${lines.map((line, i) => (i === 0 ? line : html`<br>${line}`))}`;
}

export function evidenceTable(page: TablePage<EvidenceEntry>, context: TableContext, window: { from: string; to: string }): SafeHtml {
  // People by name wherever any entry on the page names them, never a name here and an id there.
  const who = actorNames(page.rows);
  const columns: Column<EvidenceEntry>[] = [
    { header: '#', cell: (e) => count(e.seq), kind: 'num' },
    { header: `When (${context.timeZone})`, cell: (e) => localMinute(e.at, context.timeZone), kind: 'nowrap' },
    { header: 'What', cell: (e) => entryTypeWords(e.type), kind: 'nowrap' },
    {
      header: 'Who',
      cell: (e) => (e.personal.actorName === null ? html`<span class="hint">(redacted)</span>` : who(e)),
    },
    { header: 'About', cell: (e) => `${e.subject.kind} ${e.subject.id}`, kind: 'nowrap' },
    { header: 'Facts', cell: (e) => facts(e.data, context.timeZone), kind: 'wide' },
    { header: 'Hash', cell: (e) => html`<code title="${e.hash}">${e.hash.slice(0, 12)}</code>` },
  ];
  return tableSection(
    'evidence',
    'Evidence log',
    `Every entry carries its own SHA-256; entries ${window.from} to ${window.to}, newest first. At most ${WINDOWS.evidence.maxDays} days at a time.`,
    context,
    [
      ...windowFields(),
      {
        name: 'type',
        label: 'What',
        kind: 'select',
        options: [everything('every kind of entry'), ...EVIDENCE_TYPES.map((t) => option(t, words(t.replace('.', ' '))))],
      },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('evidence', 'Evidence log entries', columns, page.rows),
    page,
  );
}
