import type { ImportRow } from '../../core/use-cases/import-requirements.js';

/** Spreadsheet column names people use, mapped to requirement fields. */
const COLUMN_ALIASES: Record<string, keyof ImportRow['fields']> = {
  statement: 'statement',
  requirement: 'statement',
  description: 'statement',
  customer: 'customer',
  type: 'type',
  reference: 'reference',
  ref: 'reference',
  regulation: 'reference',
  category: 'category',
  source: 'source',
  link: 'link',
  url: 'link',
  source_link: 'link',
  horizon: 'horizon',
  owner: 'owner',
  review: 'review',
  review_interval: 'review',
  review_interval_days: 'review',
  status: 'status',
};

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Checks the header once (a file without a statement column is refused whole) and returns a
 * function that turns a row's cells into requirement fields. Unknown columns are ignored.
 */
export function importColumns(header: readonly string[]): (cells: Record<string, string>) => ImportRow['fields'] {
  const mapping = header.map((name) => [name, COLUMN_ALIASES[normalise(name)]] as const);
  if (!mapping.some(([, field]) => field === 'statement')) {
    throw new Error(
      `the file has no "statement" column. Its columns are: ${header.join(', ') || 'none'}. Name the column with the requirement text "statement" (other columns: customer, type, reference, category, source, link, horizon, owner, review, status).`,
    );
  }
  return (cells) => {
    const fields: ImportRow['fields'] = {};
    for (const [name, field] of mapping) {
      const value = cells[name];
      if (field && value !== undefined && value.trim() !== '') fields[field] = value;
    }
    return fields;
  };
}
