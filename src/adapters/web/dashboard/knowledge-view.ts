/**
 * The dashboard's customer-knowledge table (ISO 9001 5.1.2): every source with its date, where to
 * read it, and the requirements it informed, each linking to the register.
 */
import type { KnowledgeRow } from '../../../core/dashboard/knowledge-table.js';
import type { TablePage } from '../../../core/dashboard/tables.js';
import { KNOWLEDGE_KINDS, knowledgeKindLabel } from '../../../core/domain/knowledge.js';
import { excerpt } from '../format.js';
import { html, safeHref } from '../html.js';
import type { SafeHtml } from '../html.js';
import { type Column, type TableContext, dataTable, everything, option, person, requirementLinks, tableSection } from './tables-view.js';

export function knowledgeTable(page: TablePage<KnowledgeRow>, context: TableContext): SafeHtml {
  const columns: Column<KnowledgeRow>[] = [
    { header: 'Id', cell: ({ record }) => record.id, kind: 'nowrap' },
    { header: 'Date', cell: ({ record }) => record.date, kind: 'nowrap' },
    { header: 'Kind', cell: ({ record }) => knowledgeKindLabel(record.kind) },
    {
      header: 'Title',
      cell: ({ record }) => {
        const href = safeHref(record.link);
        const title = excerpt(record.title, 200);
        return href
          ? html`<a href="${href}" rel="noopener noreferrer">${title}</a>${record.fileName ? html`<br><span class="hint">${record.fileName}</span>` : ''}`
          : html`${title}${record.fileName ? html`<br><span class="hint">${record.fileName}</span>` : ''}`;
      },
      kind: 'wide',
    },
    { header: 'Customers', cell: ({ record }) => record.customers ?? '' },
    { header: 'Horizon', cell: ({ record }) => record.horizon },
    { header: 'Owner', cell: ({ record }) => person(record.owner) || html`<span class="hint">nobody yet</span>` },
    { header: 'Requirements informed', cell: ({ requirementIds }) => requirementLinks(requirementIds, context) },
  ];
  return tableSection(
    'knowledge',
    'Customer knowledge',
    'The sources customer requirements were determined from: research, surveys, briefs, regulatory watch (ISO 9001 5.1.2).',
    context,
    [
      {
        name: 'kind',
        label: 'Kind',
        kind: 'select',
        options: [everything('any kind'), ...KNOWLEDGE_KINDS.map((kind) => option(kind, knowledgeKindLabel(kind)))],
      },
      { name: 'q', label: 'Search', kind: 'search' },
    ],
    dataTable('knowledge', 'Customer knowledge', columns, page.rows),
    page,
  );
}
